/**
 * The library's IndexedDB schema. One database for the extension's origin: the background,
 * the popup and the library page all open it. Each version is kept, with its upgrade beside
 * it; tests/unit/schema.test.ts opens a database of every earlier version full of data and
 * checks nothing is lost.
 */
import Dexie, { type EntityTable, type Table, type Transaction } from 'dexie';
import { newEntry, type Entry, type Follow, type Paper, type Tag } from '../model';
import type { ZoteroSentRow } from '../zotero-sent';
import { revStamps } from './rev';

/** A paper waiting for the site's API to fill its missing fields. */
export interface Fill {
  id: string;
  queuedAt: number;
  tries: number;
}

export interface Setting {
  key: string;
  value: unknown;
}

/** What a page's worker keeps between openings (the catalogue: rows and search index), as of `rev`. */
export interface Snapshot {
  key: string;
  rev: number;
  /** The format of `data`: a snapshot of another format is ignored and made again. */
  format: number;
  data: unknown;
}

/** The visit going on (`current`) and the one before it (`previous`): utils/db/visits.ts. */
export interface Visit {
  key: 'current' | 'previous';
  start: number;
  /** The last sign of a papers page open (a page's report or its heartbeat). */
  last: number;
}

/**
 * A paper matching a follow, kept so the Followed view and its counts read an index instead of
 * matching the library (utils/db/matches.ts keeps it in step). `at` is the paper's firstSeenAt
 * (newest first); `unread` is 1 unless the paper is read or dismissed (0/1: a boolean is no key).
 */
export interface Match {
  follow: string;
  paper: string;
  at: number;
  unread: 0 | 1;
}

/** A synced record (utils/sync/types.ts) by its identity: `p2409.12345`, `trl`, `fauthor:yann lecun`, `sbadge`. */
export interface SyncRow {
  id: string;
  r: unknown;
}

/** Version 1 (the walking skeleton) kept bookmarks in a table of their own. */
interface V1Bookmark {
  id: string;
  bookmarkedAt: number;
}

export const DB_NAME = 'hf-papers-shelf';

/** Each version's table declarations (as changes to the one before): tests build old databases from them. */
export const STORES = {
  1: { papers: 'id, lastSeenAt', bookmarks: 'id, bookmarkedAt', fills: 'id, queuedAt' },
  // The reading list: a library entry per paper the user touched (bookmark, status, tags,
  // note, priority). `bookmarkedAt` is absent when not bookmarked, which leaves the row out of
  // the indexes on it: those indexes hold exactly the reading list.
  2: {
    papers: 'id, lastSeenAt',
    bookmarks: 'id, bookmarkedAt',
    entries: 'id, bookmarkedAt, [status+bookmarkedAt], *tags, updatedAt',
    tags: 'key',
    settings: 'key',
    fills: 'id, queuedAt',
  },
  3: { bookmarks: null },
  // Nothing queries entries by updatedAt: the index only cost every write (a 10,000-paper import
  // writes 10,000 entries). Dropping an index needs no upgrade of the rows.
  4: { entries: 'id, bookmarkedAt, [status+bookmarkedAt], *tags' },
  // Triage (issue 13): dismissed papers have no bookmarkedAt, so they are found by status and
  // date; visits, follows and the papers matching each follow. No row changes: no upgrade.
  5: {
    entries: 'id, bookmarkedAt, [status+bookmarkedAt], *tags, [status+statusAt]',
    visits: 'key',
    follows: 'key',
    matches: '[follow+paper], paper, at, [follow+at], [follow+unread]',
  },
  // What changed since a moment (rev.ts stamps every write), and the catalogue's snapshot: an
  // opening reads the few changed records, not the whole library. Rows written before v6 have no
  // `rev` and are simply read whole on the first opening.
  6: { papers: 'id, lastSeenAt, rev', entries: 'id, bookmarkedAt, [status+bookmarkedAt], *tags, [status+statusAt], rev', snapshots: 'key' },
  // Sync (issue 14): each synced record with its clock stamps, beside the library (sync-records.ts),
  // and the sync's bookkeeping (device id, clock, pending writes, status). No row changes.
  7: { syncRecords: 'id', syncMeta: 'key' },
  // Papers sent to Zotero, per Zotero library (utils/zotero/record.ts): a table of its own, so a send neither
  // changes an entry's `updatedAt` (which decides merges) nor wakes the catalogue.
  8: { zoteroSent: 'id' },
} as const;

export class ShelfDB extends Dexie {
  papers!: EntityTable<Paper, 'id'>;
  entries!: EntityTable<Entry, 'id'>;
  tags!: EntityTable<Tag, 'key'>;
  settings!: EntityTable<Setting, 'key'>;
  fills!: EntityTable<Fill, 'id'>;
  snapshots!: EntityTable<Snapshot, 'key'>;
  zoteroSent!: EntityTable<ZoteroSentRow, 'id'>;
  visits!: EntityTable<Visit, 'key'>;
  follows!: EntityTable<Follow, 'key'>;
  matches!: Table<Match, [string, string]>;
  syncRecords!: EntityTable<SyncRow, 'id'>;
  syncMeta!: EntityTable<Setting, 'key'>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores(STORES[1]);
    this.version(2).stores(STORES[2]).upgrade(moveBookmarksToEntries);
    this.version(3).stores(STORES[3]);
    this.version(4).stores(STORES[4]);
    this.version(5).stores(STORES[5]);
    this.version(6).stores(STORES[6]);
    this.version(7).stores(STORES[7]);
    this.version(8).stores(STORES[8]);
    this.use(revStamps);
  }
}

/** v1 → v2: each bookmark becomes a library entry, to read, bookmarked at the same moment. */
async function moveBookmarksToEntries(tx: Transaction) {
  const marks: V1Bookmark[] = await tx.table('bookmarks').toArray();
  await tx.table('entries').bulkPut(marks.map((m) => ({ ...newEntry(m.id, m.bookmarkedAt), bookmarkedAt: m.bookmarkedAt })));
}

/** The one database of the extension's origin. */
export const db = new ShelfDB();
