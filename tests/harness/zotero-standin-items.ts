/**
 * How Zotero takes a connector item (ItemSaver._saveItem, Item.fromJSON, Creators.cleanData; see
 * ZOTERO-PROTOCOL.md), and a check that a citation parser can read what it stored. `takeItem`
 * throws where Zotero throws (which fails the whole save with 500) and lists as `defects` what Zotero
 * would quietly move to Extra or discard. `readable` converts the stored item to CSL-JSON by
 * Zotero's own mapping (schema.json `csl`) and has citation.js read it back.
 */
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-csl';

/** Fields per item type, from zotero-schema's schema.json (preprint as Zotero 6.0 shipped it, schema 15). */
const FIELDS: Record<string, string[]> = {
  preprint:
    'title abstractNote genre repository archiveID place date series seriesNumber DOI citationKey url accessDate archive archiveLocation shortTitle language libraryCatalog callNumber rights extra'.split(
      ' ',
    ),
  journalArticle:
    'title abstractNote publicationTitle volume issue pages date series seriesTitle seriesText journalAbbreviation language DOI ISSN shortTitle url accessDate archive archiveLocation libraryCatalog callNumber rights extra'.split(
      ' ',
    ),
  webpage: 'title abstractNote websiteTitle websiteType date shortTitle url accessDate language rights extra'.split(' '),
};
/** Keys Item.fromJSON handles itself, and those ItemSaver strips before it (attachments, notes, id…). */
const HANDLED = new Set([
  'itemType',
  'creators',
  'tags',
  'relations',
  'collections',
  'key',
  'version',
  'attachments',
  'notes',
  'id',
  'itemID',
  'seeAlso',
  'dateAdded',
  'dateModified',
  'path',
]);
const CREATOR_TYPES = new Set(['author', 'contributor', 'editor', 'translator', 'reviewedAuthor']);

export interface StoredItem {
  itemType: string;
  fields: Record<string, string>;
  creators: Array<{ firstName: string; lastName: string; fieldMode: 0 | 1; creatorType: string }>;
  tags: Array<{ tag: string; type: 0 | 1 }>;
  notes: string[];
  /** What Zotero would move to Extra or throw away, or what makes the item unfit to cite (an empty title). */
  defects: string[];
}

export class ZoteroInvalidData extends Error {}

function cleanCreator(c: Record<string, unknown>, defects: string[]): StoredItem['creators'][number] {
  if (c.name === undefined && c.lastName === undefined)
    throw new ZoteroInvalidData("Creator data must contain either 'name' or 'firstName'/'lastName' properties");
  if (c.name !== undefined && (c.firstName !== undefined || c.lastName !== undefined))
    throw new ZoteroInvalidData("Creator data cannot contain both 'name' and 'firstName'/'lastName' properties");
  if (c.name !== undefined && typeof c.name !== 'string') throw new ZoteroInvalidData("'name' must be a string");
  if (c.firstName != null && typeof c.firstName !== 'string') throw new ZoteroInvalidData("'firstName' must be a string");
  if (c.lastName !== undefined && typeof c.lastName !== 'string') throw new ZoteroInvalidData("'lastName' must be a string");
  const type = typeof c.creatorType === 'string' ? c.creatorType : 'author';
  if (!CREATOR_TYPES.has(type)) defects.push(`creatorType ${type}`);
  if (typeof c.name === 'string') return { firstName: '', lastName: c.name.trim().normalize(), fieldMode: 1, creatorType: type };
  return {
    firstName: String(c.firstName ?? '')
      .trim()
      .normalize(),
    lastName: String(c.lastName).trim().normalize(),
    fieldMode: 0,
    creatorType: type,
  };
}

/** ItemSaver._cleanTags with forceTagType 1: strings or {tag}, empty ones skipped, all automatic; none if the pref is off. */
export function cleanTags(tags: unknown, automaticTags: boolean, type: 0 | 1 = 1): StoredItem['tags'] {
  if (!Array.isArray(tags) || (type === 1 && !automaticTags)) return [];
  return tags
    .map((t) => (typeof t === 'string' ? t : String((t as { tag?: unknown }).tag)))
    .filter((t) => t.trim())
    .map((tag) => ({ tag, type }));
}

/** One top-level item as Zotero stores it; throws ZoteroInvalidData where Zotero's save throws. */
export function takeItem(json: Record<string, unknown>, knownTypes: Set<string>, automaticTags: boolean): StoredItem {
  const itemType = typeof json.itemType === 'string' ? json.itemType : 'webpage';
  if (!knownTypes.has(itemType)) throw new ZoteroInvalidData(`Unknown item type '${itemType}'`);
  const defects: string[] = [];
  const creators = Array.isArray(json.creators) ? json.creators.map((c) => cleanCreator(c as Record<string, unknown>, defects)) : [];
  const fields: Record<string, string> = {};
  for (const [k, v] of Object.entries(json)) {
    if (HANDLED.has(k)) continue;
    if (!FIELDS[itemType]?.includes(k)) defects.push(`${k} (${typeof v === 'string' ? 'moved to Extra' : 'discarded'})`);
    else if (typeof v === 'string' || typeof v === 'number')
      fields[k] = k === 'accessDate' && v === 'CURRENT_TIMESTAMP' ? new Date().toISOString() : String(v);
  }
  if (!fields.title?.trim()) defects.push('title (empty)');
  const notes = (Array.isArray(json.notes) ? json.notes : []).map((n) => (typeof n === 'string' ? n : String((n as { note?: unknown }).note ?? '')));
  return { itemType, fields, creators, tags: cleanTags(json.tags, automaticTags), notes, defects };
}

const CSL_TYPE: Record<string, string> = { preprint: 'article', journalArticle: 'article-journal', webpage: 'webpage' };
/** schema.json csl.fields.text, for the fields we send (repository and archiveID are base-mapped to publisher and number). */
const CSL_FIELD: Record<string, string> = {
  title: 'title',
  abstractNote: 'abstract',
  publicationTitle: 'container-title',
  DOI: 'DOI',
  url: 'URL',
  extra: 'note',
  libraryCatalog: 'source',
  repository: 'publisher',
  archiveID: 'number',
};

export function toCsl(item: StoredItem, id: string): Record<string, unknown> {
  const csl: Record<string, unknown> = { id, type: CSL_TYPE[item.itemType] ?? 'document' };
  for (const [field, value] of Object.entries(item.fields)) if (CSL_FIELD[field]) csl[CSL_FIELD[field]] = value;
  const d = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(item.fields.date ?? '');
  if (d) csl.issued = { 'date-parts': [d.slice(1).filter(Boolean).map(Number)] };
  const authors = item.creators.filter((c) => c.creatorType === 'author');
  if (authors.length) csl.author = authors.map((c) => (c.fieldMode === 1 ? { literal: c.lastName } : { family: c.lastName, given: c.firstName }));
  return csl;
}

/** What citation.js reads back that differs from what was stored: empty when the item is readable. */
export function unreadable(item: StoredItem, id: string): string[] {
  const problems: string[] = [];
  try {
    const [read] = new Cite([toCsl(item, id)]).data as Array<{ title?: string; DOI?: string; author?: unknown[]; issued?: unknown }>;
    if (read?.title !== item.fields.title) problems.push(`title read as ${JSON.stringify(read?.title)}`);
    if (read?.DOI !== item.fields.DOI) problems.push(`DOI read as ${JSON.stringify(read?.DOI)}`);
    if ((read?.author?.length ?? 0) !== item.creators.length) problems.push(`${read?.author?.length ?? 0} of ${item.creators.length} authors read`);
    if (item.fields.date && !read?.issued) problems.push('date not read');
  } catch (e) {
    problems.push(`citation.js cannot read it: ${e instanceof Error ? e.message : e}`);
  }
  return problems;
}
