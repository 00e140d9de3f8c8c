/**
 * The six export formats: their names and file types, and the five citation and list formats'
 * writers (the JSON backup is made from the database: utils/db/backup.ts). Each writer is loaded
 * when first used, so the popup opens without them.
 */
import type { Item } from '../model';
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
export type ListFormat = Exclude<FormatKey, 'json'>;

export const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** `hf-papers-shelf-2026-11-25.bib`: the day of the export, and the format's extension. */
export function exportFileName(format: FormatKey, now: number): string {
  const suffix = format === 'csljson' ? '.csl' : '';
  return `hf-papers-shelf-${day(now)}${suffix}.${FORMATS[format].ext}`;
}

export async function writeList(format: ListFormat, items: Item[], opts: { groupBy?: MarkdownGrouping; now: number }): Promise<string> {
  switch (format) {
    case 'csv':
      return (await import('./csv')).toCsv(items);
    case 'bibtex':
      return (await import('./bibtex')).toBibtex(items);
    case 'markdown':
      return (await import('./markdown')).toMarkdown(items, { groupBy: opts.groupBy, title: 'Reading list', date: day(opts.now) });
    case 'ris':
      return (await import('./ris')).toRis(items);
    case 'csljson':
      return (await import('./csljson')).toCslJson(items);
  }
}
