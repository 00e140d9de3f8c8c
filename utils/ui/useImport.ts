/**
 * The import panel's state: a file imported with progress and a way to stop it, its outcome, and
 * the look-up on huggingface.co of the papers it named only by title (paced, stoppable).
 */
import { useRef, useState } from 'preact/hooks';
import type { ImportProgress, TitleCandidate } from '../import/types';
import type { ImportOutcome } from './importer';

export interface LookupProgress {
  done: number;
  total: number;
  found: number;
}

export function useImport() {
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const [lookup, setLookup] = useState<LookupProgress | null>(null);
  const [done, setDone] = useState(0);
  const stop = useRef<AbortController | null>(null);

  /** Runs one job at a time, with a fresh way to stop it; its outcome replaces the last one. */
  async function run(job: (signal: AbortSignal) => Promise<ImportOutcome>) {
    stop.current = new AbortController();
    setBusy(true);
    setOutcome(null);
    try {
      setOutcome(await job(stop.current.signal));
    } finally {
      setDone((n) => n + 1);
      setBusy(false);
      setProgress(null);
      setLookup(null);
    }
  }

  /** What the last outcome left to find by title (an import that named papers only so). */
  const candidates: TitleCandidate[] = !outcome ? [] : outcome.ok ? (outcome.summary.candidates ?? []) : outcome.candidates;

  return {
    busy,
    progress,
    outcome,
    lookup,
    /** Bumped after each import (tests wait on it). */
    done,
    candidates,
    importFile: (file: File) =>
      run(async (signal) => {
        // The readers (citation.js for BibTeX) load only when a file is imported.
        const { importFile } = await import('./importer');
        return importFile(file, { signal, onProgress: setProgress });
      }),
    lookUp: () =>
      run(async (signal) => {
        const [{ lookUpTitles, lookupIncoming }, { importFound }] = await Promise.all([import('../import/title-lookup'), import('./importer')]);
        const result = await lookUpTitles(candidates, {
          fetch: (url, init) => fetch(url, { ...init, credentials: 'omit' }),
          sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
          now: Date.now,
          signal,
          onProgress: setLookup,
        });
        return importFound(lookupIncoming(result), { signal });
      }),
    cancel: () => stop.current?.abort(),
  };
}
