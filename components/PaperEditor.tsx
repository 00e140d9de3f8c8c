import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { STATUS_LABEL, STATUSES, type Item, type Status, type Tag } from '../utils/model';
import type { Actions } from '../utils/ui/actions';
import { authorLine, TagChip } from './PaperRow';
import { arxivUrl, githubUrl, hfUrl, pdfUrl, safeHttpUrl } from '../utils/links';
import { TagInput } from './TagInput';
import { FollowNames } from './FollowNames';

interface Props {
  paper: Item;
  tags: Tag[];
  actions: Actions;
  onClose: () => void;
  /** More for this paper, under the note (Send to Zotero). */
  children?: ComponentChildren;
}

export const PRIORITIES = ['None', 'Low', 'Medium', 'High'];

/** Everything the user keeps about one paper: tags, status, priority, note; save or remove. */
export function PaperEditor({ paper: p, tags, actions, onClose, children }: Props) {
  const e = p.entry;
  const saved = e?.bookmarkedAt !== undefined;
  const [note, setNote] = useState(e?.note ?? '');
  const lastSaved = useRef(e?.note ?? '');
  const byKey = new Map(tags.map((t) => [t.key, t]));

  // A change made elsewhere (another tab, the background) shows here, unless typing is under way.
  useEffect(() => {
    if (note === lastSaved.current) setNote(e?.note ?? '');
    lastSaved.current = e?.note ?? '';
  }, [e?.note]);

  const saveNote = (text = note) => {
    if (text !== lastSaved.current) {
      lastSaved.current = text;
      void actions.setNote(p.id, text);
    }
  };
  // Saved as it is typed (a popup can close before the field loses focus).
  useEffect(() => {
    const t = setTimeout(() => saveNote(note), 600);
    return () => clearTimeout(t);
  }, [note]);

  return (
    <section class="editor" aria-label={`Edit ${p.title}`}>
      <div class="editor-head">
        <button type="button" class="link-button" onClick={onClose}>
          ← Back
        </button>
        <a class="editor-title" href={hfUrl(p.id)} target="_blank" rel="noreferrer">
          {p.title}
        </a>
        <div class="row-meta">
          <span>{authorLine(p, 6)}</span>
          {p.publishedAt && <span>{p.publishedAt}</span>}
          <a href={arxivUrl(p.id)} target="_blank" rel="noreferrer">
            arXiv {p.id}
          </a>
          <a href={pdfUrl(p.id)} target="_blank" rel="noreferrer">
            PDF
          </a>
          {githubUrl(p.githubRepo) && (
            <a href={githubUrl(p.githubRepo)} target="_blank" rel="noreferrer">
              GitHub{p.githubStars !== undefined ? ` ★${p.githubStars}` : ''}
            </a>
          )}
          {safeHttpUrl(p.projectPage) && (
            <a href={safeHttpUrl(p.projectPage)} target="_blank" rel="noreferrer">
              Project page
            </a>
          )}
        </div>
      </div>

      <FollowNames paper={p} actions={actions} />

      {!saved && (
        <p class="editor-notice">
          Not in your reading list.{' '}
          <button type="button" class="button" onClick={() => void actions.bookmark([p.id])}>
            Save it
          </button>
        </p>
      )}

      <div class="field-row">
        <label class="field">
          <span>Status</span>
          <select
            data-testid="status"
            value={e?.status ?? 'to-read'}
            onChange={(ev) => void actions.setStatus([p.id], ev.currentTarget.value as Status)}
          >
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABEL[s]}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span>Priority</span>
          <select value={String(e?.priority ?? 0)} onChange={(ev) => void actions.setPriority([p.id], Number(ev.currentTarget.value))}>
            {PRIORITIES.map((label, i) => (
              <option key={i} value={String(i)}>
                {label}
              </option>
            ))}
          </select>
        </label>
      </div>

      <div class="field">
        <span id="tags-label">Tags</span>
        {/* biome-ignore lint/a11y/useSemanticElements: a fieldset would draw a border and legend the editor does not want */}
        <div class="editor-tags" role="group" aria-labelledby="tags-label">
          {e?.tags.map((t) => (
            <span key={t} class="chip-with-remove">
              <TagChip name={t} tag={byKey.get(t.toLowerCase())} />
              <button type="button" class="icon-button" aria-label={`Remove tag ${t}`} onClick={() => void actions.removeTags([p.id], [t])}>
                ×
              </button>
            </span>
          ))}
          <TagInput tags={tags} have={e?.tags} onAdd={(name) => void actions.addTags([p.id], [name])} />
        </div>
      </div>

      <label class="field">
        <span>Note</span>
        <textarea
          rows={5}
          value={note}
          placeholder="What matters in this paper, what to try…"
          onInput={(ev) => setNote(ev.currentTarget.value)}
          onBlur={() => saveNote()}
        />
      </label>

      {children}

      {p.abstract && (
        <details class="abstract">
          <summary>Abstract</summary>
          <p>{p.abstract}</p>
        </details>
      )}

      {saved && (
        <button
          type="button"
          class="button danger"
          onClick={() => {
            void actions.remove([p.id]);
            onClose();
          }}
        >
          Remove from reading list
        </button>
      )}
    </section>
  );
}
