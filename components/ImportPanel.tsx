import { useEffect, useRef } from 'preact/hooks';
import { useImport } from '../utils/ui/useImport';

/** Shown once a job takes a while: a progress bar and a way to stop it. */
function Progress({ label, done, total, onCancel }: { label: string; done: number; total: number; onCancel: () => void }) {
  return (
    <div class="import-progress" data-testid="import-progress">
      <progress value={done} max={total || 1} aria-label={label} />
      <span class="muted">{label}</span>
      <button type="button" class="link-button" data-testid="import-cancel" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}

/**
 * Import of a backup, a citation file (BibTeX, RIS, CSL-JSON, CSV), PaperMemory's memory, or a list
 * of arXiv ids and links. The result, or what was wrong with the file, stays on screen until the
 * next import; what was left out is listed in full on demand, and papers named only by title can
 * be looked up on huggingface.co.
 */
export function ImportPanel() {
  const imp = useImport();
  const section = useRef<HTMLElement>(null);
  const { outcome, progress, lookup } = imp;

  // library.html#import (the popup's "Import a file…") brings the panel into view.
  useEffect(() => {
    if (location.hash === '#import') section.current?.scrollIntoView();
  }, []);

  const groups = outcome?.ok ? outcome.described.groups : [];
  const percent = (p: { done: number; total: number }) => (p.total ? Math.floor((100 * p.done) / p.total) : 0);
  return (
    <section class="import-panel" id="import" ref={section} aria-labelledby="import-head">
      <h2 id="import-head">Import</h2>
      <p class="muted hint">
        A JSON backup, BibTeX, RIS, CSL-JSON or CSV (from Zotero, Mendeley, DBLP, Google Scholar, Paperpile or this extension), PaperMemory's memory,
        or a list of arXiv ids or links. Nothing in your library is lost: the newer change wins and tags are merged.
      </p>
      <input
        type="file"
        data-testid="import-file"
        aria-label="Import a file"
        accept=".json,.bib,.bibtex,.ris,.csv,.tsv,.txt,.md,application/json,text/plain,application/x-bibtex,application/x-research-info-systems"
        disabled={imp.busy}
        onChange={(e) => {
          const input = e.currentTarget;
          const file = input.files?.[0];
          if (file) void imp.importFile(file).finally(() => (input.value = ''));
        }}
      />
      {progress && (
        <Progress
          label={`${progress.phase === 'reading' ? 'Reading' : 'Saving'}: ${percent(progress)}%`}
          done={progress.done}
          total={progress.total}
          onCancel={imp.cancel}
        />
      )}
      {lookup && (
        <Progress
          label={`Looking up titles: ${lookup.done} of ${lookup.total}, ${lookup.found} found`}
          done={lookup.done}
          total={lookup.total}
          onCancel={imp.cancel}
        />
      )}
      <p
        role="status"
        aria-live="polite"
        class={`import-result${outcome ? (outcome.ok ? ' ok' : ' error') : ''}`}
        data-testid="import-result"
        data-imports={imp.done}
      >
        {imp.busy ? 'Importing…' : (outcome?.message ?? '')}
      </p>
      {!imp.busy && groups.length > 0 && (
        <details class="import-details" data-testid="import-details">
          <summary>What was left out, and why</summary>
          {groups.map((g) => (
            <div key={g.reason}>
              <h3>{g.title}</h3>
              <ul>
                {g.items.map((k, i) => (
                  <li key={i}>
                    {k.where}: {k.why}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </details>
      )}
      {!imp.busy && imp.candidates.length > 0 && (
        <p class="lookup-offer">
          <button type="button" class="button" data-testid="lookup-titles" onClick={() => void imp.lookUp()}>
            Look up {imp.candidates.length} title{imp.candidates.length === 1 ? '' : 's'} on Hugging Face
          </button>
          <span class="muted"> about one a second; only exact title matches are taken.</span>
        </p>
      )}
    </section>
  );
}
