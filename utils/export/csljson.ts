/**
 * CSL-JSON, the input of citeproc (Zotero's, pandoc's, citation.js's): arXiv papers as Zotero
 * itself writes them (type `article`, arXiv as publisher, `arXiv:<id>` as number, the DOI).
 */
import { arxivDoi, arxivUrl } from '../links';
import { citationKeys } from './common';
import { paperDate, splitName } from '../citation';
import type { Item } from '../model';
import { oneLine } from '../text';

export interface CslItem {
  id: string;
  type: 'article';
  title: string;
  author?: Array<{ family?: string; given?: string; literal?: string }>;
  issued?: { 'date-parts': number[][] };
  abstract?: string;
  publisher: 'arXiv';
  number: string;
  DOI: string;
  URL: string;
  keyword?: string;
  annote?: string;
}

export function toCslItems(items: Item[]): CslItem[] {
  const keys = citationKeys(items);
  return items.map((p) => {
    const d = paperDate(p);
    const item: CslItem = {
      id: keys.get(p.id)!,
      type: 'article',
      title: oneLine(p.title),
      publisher: 'arXiv',
      number: `arXiv:${p.id}`,
      DOI: arxivDoi(p.id),
      URL: arxivUrl(p.id),
    };
    if (p.authors.length) {
      item.author = p.authors.map((a) => {
        const n = splitName(a);
        return n.literal ? { literal: n.literal } : { family: n.family, ...(n.given ? { given: n.given } : {}) };
      });
    }
    if (d) item.issued = { 'date-parts': [d.day ? [d.year, d.month, d.day] : [d.year, d.month]] };
    if (p.abstract?.trim()) item.abstract = p.abstract.trim();
    if (p.entry?.tags.length) item.keyword = p.entry.tags.join(', ');
    if (p.entry?.note.trim()) item.annote = p.entry.note.trim();
    return item;
  });
}

/** A JSON array, one item per line: as readable in a diff as pretty-printing, a third of the size. */
export const toCslJson = (items: Item[]) =>
  `[\n${toCslItems(items)
    .map((i) => JSON.stringify(i))
    .join(',\n')}\n]\n`;
