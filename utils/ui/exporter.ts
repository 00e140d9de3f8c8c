/** An export from the popup or the library page: made, downloaded, timed, and reported to the user. */
import { db } from '../db/schema';
import { buildExport, FORMATS, type FormatKey } from '../export';
import type { ExportItem } from '../export/common';
import type { MarkdownGrouping } from '../export/markdown';
import { download } from './download';
import type { Notify } from './actions';

export async function runExport(
  opts: { format: FormatKey; items: ExportItem[]; wholeLibrary?: boolean; known?: ExportItem[]; groupBy?: MarkdownGrouping },
  notify: Notify,
): Promise<void> {
  const { format } = opts;
  try {
    // `npm run bench` reads this measure: click to file handed to the browser.
    performance.mark(`hfp:export:${format}:start`);
    const file = await buildExport({ ...opts, db });
    download(file.name, file.text, file.mime);
    performance.measure(`hfp:export:${format}`, `hfp:export:${format}:start`);
    notify(`Exported ${file.count} paper${file.count === 1 ? '' : 's'} as ${FORMATS[format].label} (${file.name}).`);
  } catch (err) {
    notify(`Could not export: ${(err as Error)?.message ?? String(err)}`);
  }
}
