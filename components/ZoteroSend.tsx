import { useState } from 'preact/hooks';
import type { Tag } from '../utils/model';
import { idsWithTag, type Zotero, useZoteroSent } from '../utils/ui/useZotero';
import type { Papers } from '../utils/ui/zoteroFlow';

interface ButtonProps {
  zotero: Zotero;
  papers: Papers;
  count: number;
  label?: string;
  /**
   * The popup's way when the permission is not granted yet: the library page, opened here, asks for it
   * (a popup closes or hides under the browser's prompt).
   */
  link?: string;
}

/** Starts a send from the user's click: the browser shows its permission prompt only inside one. */
export function ZoteroButton({ zotero, papers, count, label = 'Send to Zotero', link }: ButtonProps) {
  if (link && zotero.granted !== true)
    return (
      <a
        class="button"
        data-testid="zotero-send"
        href={link}
        target="_blank"
        rel="noreferrer"
        title="Opens the library page: your browser asks there, once, to let HF Papers Shelf reach Zotero on this computer"
      >
        {label} ↗
      </a>
    );
  return (
    <button
      type="button"
      class="button"
      data-testid="zotero-send"
      disabled={!count || zotero.state.step === 'sending'}
      aria-label={`${label}: ${count} paper${count === 1 ? '' : 's'}`}
      onClick={() => zotero.start(papers)}
    >
      {label}
    </button>
  );
}

const day = (t: number) => new Date(t).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });

/** Where and when the paper went to Zotero before, one line per Zotero library. */
export function ZoteroSentLine({ id }: { id: string }) {
  const sent = useZoteroSent(id);
  if (!sent?.length) return null;
  return (
    <p class="muted zotero-sent" data-testid="zotero-sent">
      Sent to Zotero: {sent.map((r) => `${r.path.join(' › ')} (${day(r.sentAt)})`).join('; ')}
    </p>
  );
}

interface PanelProps {
  zotero: Zotero;
  view: { count: number; ids: () => Promise<string[]> | string[] };
  selection: { count: number; ids: () => string[] };
  tags: Tag[];
  tagCount: (name: string) => number;
}

/** The library page's "Send to Zotero": the current view, the selected papers or a tag's papers. */
export function ZoteroPanel({ zotero, view, selection, tags, tagCount }: PanelProps) {
  const [scope, setScope] = useState('view');
  const tag = scope.startsWith('tag:') ? scope.slice(4) : undefined;
  const effective = scope === 'selection' && !selection.count ? 'view' : tag && !tags.some((t) => t.name === tag) ? 'view' : scope;
  const papers = effective === 'selection' ? selection.ids : tag && effective !== 'view' ? () => idsWithTag(tag) : view.ids;
  const count = effective === 'selection' ? selection.count : tag && effective !== 'view' ? tagCount(tag) : view.count;
  return (
    <section class="export-panel zotero-panel" aria-labelledby="zotero-panel-head">
      <h2 id="zotero-panel-head">Zotero</h2>
      <label class="field">
        <span>Papers</span>
        <select aria-label="Papers to send to Zotero" value={effective} onChange={(e) => setScope(e.currentTarget.value)}>
          <option value="view">This view ({view.count})</option>
          {selection.count > 0 && <option value="selection">Selected ({selection.count})</option>}
          {tags.map((t) => (
            <option key={t.key} value={`tag:${t.name}`}>
              Tag: {t.name} ({tagCount(t.name)})
            </option>
          ))}
        </select>
      </label>
      <ZoteroButton zotero={zotero} papers={papers} count={count} />
      {zotero.granted === false && (
        <p class="muted hint">The first send asks your browser to let HF Papers Shelf reach Zotero on this computer (127.0.0.1).</p>
      )}
    </section>
  );
}
