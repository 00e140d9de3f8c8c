import { useState } from 'preact/hooks';
import { FORMATS, type FormatKey } from '../utils/export';
import type { MarkdownGrouping } from '../utils/export/markdown';
import type { Item } from '../utils/model';
import { runExport } from '../utils/ui/exporter';
import type { Notify } from '../utils/ui/actions';

type Scope = 'view' | 'selection' | 'library';

interface Props {
  /** The papers of the current view (its filters and search applied). */
  view?: Item[];
  /** The checked papers (library page). */
  selection?: Item[];
  /** The whole reading list. */
  library?: Item[];
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
  const effective: Scope = scope === 'selection' && !selection?.length ? 'view' : scope;
  const items = (effective === 'selection' ? selection : effective === 'library' ? library : view) ?? [];

  async function run(format: FormatKey) {
    setBusy(format);
    await runExport({ format, items, wholeLibrary: effective === 'library', known: library, groupBy }, notify);
    setBusy(null);
  }

  const buttons = (
    <div class="export-buttons">
      {ORDER.map((f) => (
        <button
          key={f}
          type="button"
          class="button"
          data-testid={`export-${f}`}
          disabled={busy !== null || (!items.length && !(f === 'json' && effective === 'library'))}
          aria-label={`Export ${items.length} paper${items.length === 1 ? '' : 's'} as ${FORMATS[f].label}`}
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
        <summary>Export this list ({items.length})</summary>
        {buttons}
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
          <option value="view">This view ({view?.length ?? 0})</option>
          {!!selection?.length && <option value="selection">Selected ({selection.length})</option>}
          <option value="library">Whole library ({library?.length ?? 0} saved)</option>
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
      {effective === 'library' && (
        <p class="muted hint">The JSON backup of the whole library also keeps the papers you only saw, and imports back whole.</p>
      )}
    </section>
  );
}
