/**
 * A row of the list: what a list shows of a paper and what views sort, filter and count by,
 * without its abstract or summary (100,000 of those would not fit a page's memory). Rows are
 * kept in a worker (catalog.ts) and persisted together, column by column (`encodeRows`), so an
 * opening restores them in tens of milliseconds rather than reading every paper again.
 */
import type { Entry, Paper } from '../model';

/** Names a row keeps: the list shows three, the count says how many more. */
const SHOWN_AUTHORS = 3;
/** A note's start: the row's marker shows it as a tooltip. */
const NOTE_START = 200;

export type Row = Pick<Paper, 'id' | 'title' | 'authors' | 'authorCount' | 'publishedAt' | 'upvotes' | 'firstSeenAt' | 'lastSeenAt'> & {
  entry?: Entry;
  /** The keys of the follows the paper matches (the worker sets them from the matches table; never in a snapshot). */
  follows?: string[];
};

export function toRow(p: Paper, entry: Entry | undefined): Row {
  const total = Math.max(p.authorCount ?? 0, p.authors.length);
  const row: Row = {
    id: p.id,
    title: p.title,
    authors: p.authors.length > SHOWN_AUTHORS ? p.authors.slice(0, SHOWN_AUTHORS) : p.authors,
    firstSeenAt: p.firstSeenAt,
    lastSeenAt: p.lastSeenAt,
  };
  if (total > row.authors.length) row.authorCount = total;
  if (p.publishedAt) row.publishedAt = p.publishedAt;
  if (p.upvotes !== undefined) row.upvotes = p.upvotes;
  if (entry) row.entry = entry.note.length > NOTE_START ? { ...entry, note: entry.note.slice(0, NOTE_START) } : entry;
  return row;
}

/** Rows as a few strings and typed arrays: structured-clone friendly, and quick to read back. */
export interface EncodedRows {
  ids: string;
  titles: string;
  authors: string;
  published: string;
  numbers: Float64Array;
  /** The entries, as JSON (a fifth of the rows at most). */
  entries: string;
}

const SEP = '\u0000';
const NAME_SEP = '\u0001';
/** Per row: firstSeenAt, lastSeenAt, upvotes (-1: none), authorCount (-1: none). */
const NUMBERS = 4;
const SEPARATORS = new RegExp(`[${SEP}${NAME_SEP}]`, 'g');
const clean = (s: string) => (s.includes(SEP) || s.includes(NAME_SEP) ? s.replace(SEPARATORS, ' ') : s);

export function encodeRows(rows: Iterable<Row>): EncodedRows {
  const ids: string[] = [];
  const titles: string[] = [];
  const authors: string[] = [];
  const published: string[] = [];
  const nums: number[] = [];
  const entries: Entry[] = [];
  for (const r of rows) {
    ids.push(r.id);
    titles.push(clean(r.title));
    authors.push(r.authors.map(clean).join(NAME_SEP));
    published.push(r.publishedAt ?? '');
    nums.push(r.firstSeenAt, r.lastSeenAt, r.upvotes ?? -1, r.authorCount ?? -1);
    if (r.entry) entries.push(r.entry);
  }
  return {
    ids: ids.join(SEP),
    titles: titles.join(SEP),
    authors: authors.join(SEP),
    published: published.join(SEP),
    numbers: Float64Array.from(nums),
    entries: JSON.stringify(entries),
  };
}

export function decodeRows(e: EncodedRows): Row[] {
  if (!e.ids) return [];
  const ids = e.ids.split(SEP);
  const titles = e.titles.split(SEP);
  const authors = e.authors.split(SEP);
  const published = e.published.split(SEP);
  const n = e.numbers;
  if (titles.length !== ids.length || authors.length !== ids.length || published.length !== ids.length || n.length !== ids.length * NUMBERS) {
    throw new Error('damaged row snapshot');
  }
  const entries = new Map<string, Entry>((JSON.parse(e.entries) as Entry[]).map((x) => [x.id, x]));
  return ids.map((id, i) => {
    const row: Row = {
      id,
      title: titles[i]!,
      authors: authors[i] ? authors[i]!.split(NAME_SEP) : [],
      firstSeenAt: n[i * NUMBERS]!,
      lastSeenAt: n[i * NUMBERS + 1]!,
    };
    if (published[i]) row.publishedAt = published[i];
    if (n[i * NUMBERS + 2]! >= 0) row.upvotes = n[i * NUMBERS + 2];
    if (n[i * NUMBERS + 3]! >= 0) row.authorCount = n[i * NUMBERS + 3];
    const entry = entries.get(id);
    if (entry) row.entry = entry;
    return row;
  });
}
