/**
 * Importing a file from the library page: read and checked first (utils/import; a JSON backup as
 * it streams, at any size), then merged in one transaction (utils/db/import.ts), then the
 * background tells the tabs and recounts the badge. Progress is reported as it goes; cancelling,
 * or any failure, leaves the library as it was, and says why. Papers a file names only by title
 * can then be looked up on huggingface.co.
 */
import { describeError } from '../db/errors';
import { importIncoming, type ImportSummary } from '../db/import';
import { db } from '../db/schema';
import type { Incoming } from '../import/read';
import { describeImport, type DescribedImport } from '../import/summary';
import type { ImportProgress, OldStylePaper, TitleCandidate } from '../import/types';
import { ImportError } from '../import/types';
import { request } from '../messaging';

export type ImportOutcome =
  | { ok: true; summary: ImportSummary; described: DescribedImport; message: string }
  | { ok: false; message: string; candidates: TitleCandidate[]; oldStyle: OldStylePaper[] };

export interface ImportRun {
  onProgress?: (p: ImportProgress) => void;
  signal?: AbortSignal;
}

/** What the page can still take, where the browser says (Chrome); a backup that needs more is refused up front. */
function memoryRoom(): number | undefined {
  const m = (performance as Performance & { memory?: { jsHeapSizeLimit: number; usedJSHeapSize: number } }).memory;
  return m ? m.jsHeapSizeLimit - m.usedJSHeapSize : undefined;
}

export async function importFile(file: File, run: ImportRun = {}): Promise<ImportOutcome> {
  const { readImportFile } = await import('../import/read');
  return importWith(file.name, () => readImportFile(file, { ...run, memoryRoom: memoryRoom() }), run);
}

/** Papers found by title on huggingface.co (after an import that named some only by title). */
export async function importFound(incoming: Incoming, run: ImportRun = {}): Promise<ImportOutcome> {
  return importWith('The papers found', async () => incoming, run);
}

async function importWith(name: string, read: () => Promise<Incoming>, run: ImportRun): Promise<ImportOutcome> {
  performance.mark('hfp:import:start');
  let summary: ImportSummary;
  try {
    summary = await importIncoming(db, await read(), Date.now(), run);
  } catch (err) {
    if (run.signal?.aborted) return { ok: false, message: 'Import cancelled: nothing was imported.', candidates: [], oldStyle: [] };
    if (err instanceof ImportError) return { ok: false, message: err.message, candidates: err.candidates, oldStyle: err.oldStyle };
    const { code, message } = describeError(err);
    const text = code === 'internal' ? `${name} could not be imported: ${message}. Nothing was changed.` : message;
    return { ok: false, message: text, candidates: [], oldStyle: [] };
  }
  performance.measure('hfp:import', 'hfp:import:start');
  for (let i = 0; i < summary.changedIds.length; i += 20_000) {
    // The library is already written; a tab that misses this news catches up on its next load.
    await request('libraryChanged', { ids: summary.changedIds.slice(i, i + 20_000) }).catch(() => undefined);
  }
  const described = describeImport(summary);
  return { ok: true, summary, described, message: described.line };
}
