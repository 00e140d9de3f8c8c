/** An export from the popup or the library page: made, downloaded, timed, and reported to the user. */
import { writeBackup } from '../db/backup';
import { loadItems } from '../db/queries';
import { db } from '../db/schema';
import { exportFileName, FORMATS, writeList, type FormatKey } from '../export';
import type { MarkdownGrouping } from '../export/markdown';
import type { Notify } from './actions';
import { download } from './download';

export interface ExportRequest {
  format: FormatKey;
  /** The papers, in the list's order. */
  ids: string[];
  /** The JSON backup of the whole library (every paper seen, every entry, tags, settings) rather than of `ids`. */
  wholeLibrary?: boolean;
  groupBy?: MarkdownGrouping;
}

export interface Progress {
  onProgress?: (p: { done: number; total: number }) => void;
  signal?: AbortSignal;
}

export async function buildExport({ format, ids, wholeLibrary, groupBy }: ExportRequest, { onProgress, signal }: Progress = {}, now = Date.now()) {
  let text: string | string[];
  let count: number;
  if (format === 'json') {
    text = await writeBackup(db, wholeLibrary ? undefined : ids, { now, onProgress, signal });
    count = wholeLibrary ? await db.papers.count() : ids.length;
  } else {
    const items = await loadItems(db, ids, { onProgress, signal });
    count = items.length;
    text = await writeList(format, items, { groupBy, now });
  }
  signal?.throwIfAborted();
  return { name: exportFileName(format, now), mime: FORMATS[format].mime, text, count };
}

export async function runExport(request: ExportRequest, notify: Notify, progress: Progress = {}): Promise<void> {
  const { format } = request;
  try {
    // `npm run bench` reads this measure: click to file handed to the browser.
    performance.mark(`hfp:export:${format}:start`);
    const file = await buildExport(request, progress);
    download(file.name, file.text, file.mime);
    performance.measure(`hfp:export:${format}`, `hfp:export:${format}:start`);
    notify(`Exported ${file.count} paper${file.count === 1 ? '' : 's'} as ${FORMATS[format].label} (${file.name}).`);
  } catch (err) {
    if (progress.signal?.aborted) notify('Export cancelled: no file was written.');
    else notify(`Could not export: ${(err as Error)?.message ?? String(err)}`);
  }
}
