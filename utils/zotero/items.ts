/**
 * A library item as Zotero's connector takes it (`/connector/saveItems`): the translator item
 * format, as Zotero's own arXiv translator fills it (type `preprint`, arXiv as repository,
 * `arXiv:<id>` as archive ID, the DOI arXiv registers). It carries what the RIS and BibTeX exports
 * carry: authors split as they split them, abstract, date, DOI, arXiv link and id, the user's note.
 * The user's tags are not in the item: they go with `/connector/updateSession` (see client.ts).
 */
import { paperDate, splitName } from '../citation';
import { arxivDoi, arxivUrl } from '../links';
import type { Item } from '../model';
import { oneLine, paragraphs } from '../text';

export type ZoteroCreator = { firstName: string; lastName: string; creatorType: 'author' } | { name: string; creatorType: 'author' };

export interface ZoteroItem {
  /** The connector's key for the item within a save session: the arXiv id. */
  id: string;
  itemType: 'preprint' | 'journalArticle';
  title: string;
  creators: ZoteroCreator[];
  abstractNote?: string;
  date?: string;
  DOI: string;
  url: string;
  /** Zotero fills it with the time of saving. */
  accessDate: 'CURRENT_TIMESTAMP';
  /** Where the metadata came from. */
  libraryCatalog: string;
  /** Where Zotero, Better BibTeX and citeproc look for an arXiv id on any item type. */
  extra: string;
  repository?: 'arXiv';
  archiveID?: string;
  publicationTitle?: 'arXiv';
  tags: never[];
  notes: Array<{ note: string }>;
  attachments: never[];
}

export const LIBRARY_CATALOG = 'Hugging Face Papers';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** Zotero notes are HTML: the user's text, escaped, one paragraph per line (a note is never markup). */
export function noteHtml(note: string): string {
  return paragraphs(note)
    .split('\n')
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join('');
}

export function zoteroCreator(raw: string): ZoteroCreator {
  const n = splitName(raw);
  if (n.literal !== undefined || !n.family) return { name: n.literal ?? oneLine(raw), creatorType: 'author' };
  return { firstName: n.given ?? '', lastName: n.family, creatorType: 'author' };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `preprint` needs Zotero 6 or newer (version.ts); older ones get the journal-article form of the RIS export. */
export function toZoteroItem(p: Item, options: { preprint: boolean }): ZoteroItem {
  const d = paperDate(p);
  const item: ZoteroItem = {
    id: p.id,
    itemType: options.preprint ? 'preprint' : 'journalArticle',
    title: oneLine(p.title),
    creators: p.authors.map(zoteroCreator),
    DOI: arxivDoi(p.id),
    url: arxivUrl(p.id),
    accessDate: 'CURRENT_TIMESTAMP',
    libraryCatalog: LIBRARY_CATALOG,
    extra: `arXiv:${p.id}`,
    tags: [],
    notes: [],
    attachments: [],
  };
  if (options.preprint) {
    item.repository = 'arXiv';
    item.archiveID = `arXiv:${p.id}`;
  } else item.publicationTitle = 'arXiv';
  if (p.abstract?.trim()) item.abstractNote = paragraphs(p.abstract);
  if (d) item.date = `${d.year}-${pad(d.month)}${d.day ? `-${pad(d.day)}` : ''}`;
  if (p.entry?.note.trim()) item.notes.push({ note: noteHtml(p.entry.note) });
  return item;
}

/** The user's tags, as Zotero will show them: trimmed, no empty ones, each once. */
export function zoteroTags(p: Item): string[] {
  return [...new Set((p.entry?.tags ?? []).map(oneLine).filter(Boolean))];
}
