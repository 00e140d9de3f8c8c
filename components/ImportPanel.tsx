import { useEffect, useRef, useState } from 'preact/hooks';
import type { ImportOutcome } from '../utils/ui/importer';

/**
 * Import of a JSON backup, a BibTeX file or a list of arXiv ids and links. The result, or what
 * was wrong with the file, stays on screen until the next import.
 */
export function ImportPanel() {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const [done, setDone] = useState(0);
  const section = useRef<HTMLElement>(null);

  // library.html#import (the popup's "Import a file…") brings the panel into view.
  useEffect(() => {
    if (location.hash === '#import') section.current?.scrollIntoView();
  }, []);

  async function onFile(input: HTMLInputElement) {
    const file = input.files?.[0];
    if (!file) return;
    setBusy(true);
    setOutcome(null);
    try {
      // The readers (citation.js for BibTeX) load only when a file is imported.
      const { importFile } = await import('../utils/ui/importer');
      setOutcome(await importFile(file));
    } finally {
      setDone((n) => n + 1);
      setBusy(false);
      input.value = '';
    }
  }

  return (
    <section class="import-panel" id="import" ref={section} aria-labelledby="import-head">
      <h2 id="import-head">Import</h2>
      <p class="muted hint">
        A JSON backup, a BibTeX file, or a text list of arXiv ids or links. Nothing in your library is lost: the newer change wins and tags are
        merged.
      </p>
      <input
        type="file"
        data-testid="import-file"
        aria-label="Import a file"
        accept=".json,.bib,.bibtex,.txt,.md,.csv,.tsv,application/json,text/plain,application/x-bibtex"
        disabled={busy}
        onChange={(e) => void onFile(e.currentTarget)}
      />
      <p
        role="status"
        aria-live="polite"
        class={`import-result${outcome ? (outcome.ok ? ' ok' : ' error') : ''}`}
        data-testid="import-result"
        data-imports={done}
      >
        {busy ? 'Importing…' : (outcome?.message ?? '')}
      </p>
    </section>
  );
}
