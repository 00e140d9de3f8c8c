/** An export from the popup or the library page: made, downloaded, timed, and reported to the user. */
import { backupJson } from '../backup';
import { makeBackup } from '../db/backup';
import { db } from '../db/schema';
import { exportFileName, FORMATS, writeList, type FormatKey } from '../export';
import type { MarkdownGrouping } from '../export/markdown';
import type { Item } from '../model';
import type { Notify } from './actions';
import { download } from './download';

export interface ExportRequest {
  format: FormatKey;
  items: Item[];
  /** The JSON backup of the whole library (every paper seen, every entry, tags, settings) rather than of `items`. */
  wholeLibrary?: boolean;
  /** The reading list the page holds, live: a whole-library backup reads only the rest from the database. */
  known?: Item[];
  groupBy?: MarkdownGrouping;
}

export async function buildExport({ format, items, wholeLibrary, known, groupBy }: ExportRequest, now = Date.now()) {
  let text: string;
  let count = items.length;
  if (format === 'json') {
    const backup = await makeBackup(db, wholeLibrary ? undefined : items.map((p) => p.id), now, wholeLibrary ? known : undefined);
    count = backup.papers.length;
    text = backupJson(backup);
  } else {
    text = await writeList(format, items, { groupBy, now });
  }
  return { name: exportFileName(format, now), mime: FORMATS[format].mime, text, count };
}

export async function runExport(request: ExportRequest, notify: Notify): Promise<void> {
  const { format } = request;
  try {
    // `npm run bench` reads this measure: click to file handed to the browser.
    performance.mark(`hfp:export:${format}:start`);
    const file = await buildExport(request);
    download(file.name, file.text, file.mime);
    performance.measure(`hfp:export:${format}`, `hfp:export:${format}:start`);
    notify(`Exported ${file.count} paper${file.count === 1 ? '' : 's'} as ${FORMATS[format].label} (${file.name}).`);
  } catch (err) {
    notify(`Could not export: ${(err as Error)?.message ?? String(err)}`);
  }
}
