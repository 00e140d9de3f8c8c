/**
 * Importing a file from the library page: read and checked first (utils/import), then merged in
 * one transaction (utils/db/import.ts), then the background tells the tabs and recounts the
 * badge. Any failure leaves the library as it was, and says why.
 */
import { db } from '../db/schema';
import { describeSummary, importIncoming, type ImportSummary } from '../db/import';
import { readImportFile } from '../import/read';
import { ImportError } from '../import/types';
import { describeError } from '../db/errors';
import { request } from '../messaging';

export type ImportOutcome = { ok: true; summary: ImportSummary; message: string } | { ok: false; message: string };

export async function importFile(file: File): Promise<ImportOutcome> {
  performance.mark('hfp:import:start');
  let summary: ImportSummary;
  try {
    const incoming = await readImportFile(file);
    summary = await importIncoming(db, incoming, Date.now());
  } catch (err) {
    if (err instanceof ImportError) return { ok: false, message: err.message };
    const { code, message } = describeError(err);
    return { ok: false, message: code === 'internal' ? `${file.name} could not be imported: ${message}. Nothing was changed.` : message };
  }
  performance.measure('hfp:import', 'hfp:import:start');
  for (let i = 0; i < summary.changedIds.length; i += 20_000) {
    // The library is already written; a tab that misses this news catches up on its next load.
    await request('libraryChanged', { ids: summary.changedIds.slice(i, i + 20_000) }).catch(() => undefined);
  }
  return { ok: true, summary, message: describeSummary(summary) };
}
