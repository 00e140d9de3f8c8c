/**
 * The six export formats: their names, file types, and how each is made. Each writer is loaded
 * when first used, so the popup opens without them.
 */
import type { ShelfDB } from '../db/schema';
import type { ExportItem } from './common';
import type { MarkdownGrouping } from './markdown';

export const FORMATS = {
  json: { label: 'JSON backup', ext: 'json', mime: 'application/json' },
  csv: { label: 'CSV', ext: 'csv', mime: 'text/csv' },
  bibtex: { label: 'BibTeX', ext: 'bib', mime: 'application/x-bibtex' },
  markdown: { label: 'Markdown', ext: 'md', mime: 'text/markdown' },
  ris: { label: 'RIS', ext: 'ris', mime: 'application/x-research-info-systems' },
  csljson: { label: 'CSL-JSON', ext: 'json', mime: 'application/vnd.citationstyles.csl+json' },
} as const;
export type FormatKey = keyof typeof FORMATS;

export interface ExportRequest {
  format: FormatKey;
  items: ExportItem[];
  /** The JSON backup of the whole library (every paper seen, every entry, tags, settings) rather than of `items`. */
  wholeLibrary?: boolean;
  /** The reading list the page holds, live: a whole-library backup reads only the rest from the database. */
  known?: ExportItem[];
  db: ShelfDB;
  groupBy?: MarkdownGrouping;
  now?: number;
}

export interface ExportFile {
  name: string;
  mime: string;
  text: string;
  count: number;
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export async function buildExport({ format, items, wholeLibrary, known, db, groupBy, now = Date.now() }: ExportRequest): Promise<ExportFile> {
  let text: string;
  let count = items.length;
  switch (format) {
    case 'json': {
      const { makeBackup, backupJson } = await import('./backup');
      const backup = await makeBackup(db, wholeLibrary ? undefined : items.map((p) => p.id), now, wholeLibrary ? known : undefined);
      count = backup.papers.length;
      text = backupJson(backup);
      break;
    }
    case 'csv':
      text = (await import('./csv')).toCsv(items);
      break;
    case 'bibtex':
      text = (await import('./bibtex')).toBibtex(items);
      break;
    case 'markdown':
      text = (await import('./markdown')).toMarkdown(items, { groupBy, title: 'Reading list', date: day(now) });
      break;
    case 'ris':
      text = (await import('./ris')).toRis(items);
      break;
    case 'csljson':
      text = (await import('./csljson')).toCslJson(items);
      break;
  }
  const { ext, mime } = FORMATS[format];
  const suffix = format === 'csljson' ? '.csl' : '';
  return { name: `hf-papers-shelf-${day(now)}${suffix}.${ext}`, mime, text, count };
}
