import { useRef, useState } from 'preact/hooks';
import { FORMATS, type FormatKey } from '../utils/export';
import type { MarkdownGrouping } from '../utils/export/markdown';
import { runExport } from '../utils/ui/exporter';
import type { Notify } from '../utils/ui/actions';

type Scope = 'view' | 'selection' | 'library';

/** A set of papers to export: how many, and (asked when exporting) their ids in order. */
export interface Papers {
  count: number;
  ids: () => Promise<string[]> | string[];
}

interface Props {
  /** The papers of the current view (its filters and search applied). */
  view: Papers;
  /** The checked papers (library page). */
  selection?: Papers;
  /** The whole reading list. */
  library?: Papers;
  notify: Notify;
  compact?: boolean;
}

export const ORDER: FormatKey[] = ['json', 'csv', 'bibtex', 'markdown', 'ris', 'csljson'];

/**
 * Export of the current view, the selection or the whole library, in six formats, each a file
 * download. The popup shows the buttons for its current view only.
 */
export function ExportPanel({ view, selection, library, notify, compact }: Props) {
  const [scope, setScope] = useState<Scope>('view');
  const [groupBy, setGroupBy] = useState<MarkdownGrouping>('status');
  const [busy, setBusy] = useState<FormatKey | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const stop = useRef<AbortController | null>(null);
  const effective: Scope = scope === 'selection' && !selection?.count ? 'view' : scope;
  const papers = (effective === 'selection' ? selection : effective === 'library' ? library : view) ?? view;
  const count = papers.count;

  async function run(format: FormatKey) {
    setBusy(format);
    stop.current = new AbortController();
    const signal = stop.current.signal;
    await runExport({ format, ids: await papers.ids(), wholeLibrary: effective === 'library', groupBy }, notify, { signal, onProgress: setProgress });
    setBusy(null);
    setProgress(null);
  }

  // Shown once an export takes a while (a whole library of 100,000 papers takes seconds).
  const status = busy && progress && progress.total > 4000 && (
    <div class="export-progress" role="status">
      <progress value={progress.done} max={progress.total} aria-label={`Exporting ${FORMATS[busy].label}`} />
      <button type="button" class="link-button" onClick={() => stop.current?.abort()}>
        Cancel
      </button>
    </div>
  );

  const buttons = (
    <div class="export-buttons">
      {ORDER.map((f) => (
        <button
          key={f}
          type="button"
          class="button"
          data-testid={`export-${f}`}
          disabled={busy !== null || (!count && !(f === 'json' && effective === 'library'))}
          aria-label={`Export ${count} paper${count === 1 ? '' : 's'} as ${FORMATS[f].label}`}
          onClick={() => void run(f)}
        >
          {FORMATS[f].label}
        </button>
      ))}
    </div>
  );

  if (compact) {
    return (
      <details class="export-panel compact">
        <summary>Export this list ({count})</summary>
        {buttons}
        {status}
        <a class="link-button" href="/library.html#import" target="_blank" rel="noreferrer">
          Import a file…
        </a>
      </details>
    );
  }

  return (
    <section class="export-panel" aria-labelledby="export-head">
      <h2 id="export-head">Export</h2>
      <label class="field">
        <span>Papers</span>
        <select aria-label="Papers to export" value={effective} onChange={(e) => setScope(e.currentTarget.value as Scope)}>
          <option value="view">This view ({view.count})</option>
          {!!selection?.count && <option value="selection">Selected ({selection.count})</option>}
          <option value="library">Whole library ({library?.count ?? 0} saved)</option>
        </select>
      </label>
      <label class="field">
        <span>Markdown grouped by</span>
        <select value={groupBy} onChange={(e) => setGroupBy(e.currentTarget.value as MarkdownGrouping)}>
          <option value="status">Status</option>
          <option value="tag">Tag</option>
        </select>
      </label>
      {buttons}
      {status}
      {effective === 'library' && (
        <p class="muted hint">The JSON backup of the whole library also keeps the papers you only saw, and imports back whole.</p>
      )}
    </section>
  );
}
