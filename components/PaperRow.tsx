import type { Row } from '../utils/catalog/row';
import { STATUS_LABEL, type Item, type Tag } from '../utils/model';
import { arxivUrl, hfUrl, pdfUrl } from '../utils/links';

export const ROW_HEIGHT = 76;

export function authorLine(p: Pick<Item, 'authors' | 'authorCount'>, shown = 3): string {
  const total = Math.max(p.authorCount ?? 0, p.authors.length);
  if (!total) return '';
  const names = p.authors.slice(0, shown).join(', ');
  const more = total - Math.min(shown, p.authors.length);
  if (!names) return `${total} authors`;
  return more > 0 ? `${names} +${more}` : names;
}

export function TagChip({ name, tag }: { name: string; tag?: Tag }) {
  return (
    <span class="chip" style={{ '--chip': tag?.color ?? '#6b7280' }}>
      {name}
    </span>
  );
}

interface Props {
  paper: Row;
  index: number;
  total: number;
  selected: boolean;
  checked?: boolean;
  tags: Map<string, Tag>;
  onOpen: () => void;
  onSelect: () => void;
  onCheck?: (on: boolean) => void;
}

/** One paper of the list: a fixed height, so the list can be virtualised. */
export function PaperRow({ paper: p, index, total, selected, checked, tags, onOpen, onSelect, onCheck }: Props) {
  const e = p.entry;
  const saved = e?.bookmarkedAt !== undefined;
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents lint/a11y/useSemanticElements: keys act on the selected row (Enter opens); rows are absolutely placed divs of a virtual list
    <div
      class={`row${selected ? ' selected' : ''}`}
      role="listitem"
      aria-setsize={total}
      aria-posinset={index + 1}
      data-testid="paper-row"
      data-paper-id={p.id}
      onClick={(ev) => {
        if ((ev.target as Element).closest('a, button, input')) return;
        onSelect();
        onOpen();
      }}
    >
      {onCheck && (
        <input
          type="checkbox"
          class="row-check"
          checked={checked}
          aria-label={`Select ${p.title}`}
          onChange={(ev) => onCheck(ev.currentTarget.checked)}
        />
      )}
      <div class="row-body">
        <div class="row-title-line">
          <a class="row-title" href={hfUrl(p.id)} target="_blank" rel="noreferrer" title={p.title} elementtiming="hfp-row">
            {p.title}
          </a>
          <a class="row-link" href={arxivUrl(p.id)} target="_blank" rel="noreferrer" aria-label={`arXiv abstract of ${p.title}`}>
            arXiv
          </a>
          <a class="row-link" href={pdfUrl(p.id)} target="_blank" rel="noreferrer" aria-label={`PDF of ${p.title}`}>
            PDF
          </a>
        </div>
        <div class="row-meta">
          <span class="row-authors">{authorLine(p)}</span>
          {p.publishedAt && <span>{p.publishedAt}</span>}
          {p.upvotes !== undefined && (
            <span title={`${p.upvotes} upvotes`}>
              <span aria-hidden="true">▲</span> {p.upvotes}
              <span class="sr-only"> upvotes</span>
            </span>
          )}
        </div>
        <div class="row-tags">
          {saved ? <span class={`status status-${e!.status}`}>{STATUS_LABEL[e!.status]}</span> : <span class="status">Not saved</span>}
          {!!e?.priority && (
            <span class="priority" title={`priority ${e.priority}`}>
              <span aria-hidden="true">{'!'.repeat(e.priority)}</span>
              <span class="sr-only">priority {e.priority}</span>
            </span>
          )}
          {e?.note.trim() && (
            <span class="note-mark" role="img" aria-label="has a note" title={e.note.slice(0, 200)}>
              ✎
            </span>
          )}
          {e?.tags.map((t) => (
            <TagChip key={t} name={t} tag={tags.get(t.toLowerCase())} />
          ))}
        </div>
      </div>
      <button type="button" class="icon-button row-open" aria-label={`Edit ${p.title}`} onClick={onOpen}>
        ›
      </button>
    </div>
  );
}
