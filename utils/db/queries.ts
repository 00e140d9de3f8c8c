/**
 * What the popup and the library page read. The first rows of a view come from an index, a
 * few at a time, so the first paint does not wait for the whole library; the whole library
 * follows, for counts, filters, sorting and search.
 */
import Dexie from 'dexie';
import type { Entry, Item, ViewKey } from '../model';
import type { ShelfDB } from './schema';

/** A bookmarked paper with the user's data about it. */
export type SavedPaper = Item & { entry: Entry & { bookmarkedAt: number } };

async function join(db: ShelfDB, entries: Entry[]): Promise<SavedPaper[]> {
  const papers = await db.papers.bulkGet(entries.map((e) => e.id));
  return entries.flatMap((entry, i) => (papers[i] ? [{ ...papers[i], entry } as SavedPaper] : []));
}

/** Bookmarked papers, newest bookmark first. */
export async function listBookmarks(db: ShelfDB, limit = Infinity): Promise<SavedPaper[]> {
  return join(db, await db.entries.orderBy('bookmarkedAt').reverse().limit(limit).toArray());
}

/** The whole reading list (every bookmarked paper). */
export async function allSaved(db: ShelfDB): Promise<SavedPaper[]> {
  return join(db, await db.entries.orderBy('bookmarkedAt').reverse().toArray());
}

/** The first `n` rows of a view in its default order (newest bookmark first), for the first paint. */
export async function firstRows(db: ShelfDB, view: ViewKey, n: number): Promise<Item[]> {
  const byStatus = (s: string, limit: number) =>
    db.entries.where('[status+bookmarkedAt]').between([s, Dexie.minKey], [s, Dexie.maxKey]).reverse().limit(limit).toArray();
  let entries: Entry[];
  if (view === 'list') {
    entries = await byStatus('to-read', n);
    if (entries.length < n) entries = entries.concat(await byStatus('reading', n - entries.length));
  } else if (view === 'to-read' || view === 'reading' || view === 'read') {
    entries = await byStatus(view, n);
  } else if (view === 'all') {
    entries = await db.entries.orderBy('bookmarkedAt').reverse().limit(n).toArray();
  } else {
    return [];
  }
  return join(db, entries);
}

/** Papers met on the site but never saved, most recently seen first. */
export async function seenNotSaved(db: ShelfDB, limit = 5000): Promise<Item[]> {
  const papers = await db.papers
    .orderBy('lastSeenAt')
    .reverse()
    .limit(limit * 2)
    .toArray();
  const entries = await db.entries.bulkGet(papers.map((p) => p.id));
  return papers.flatMap((p, i) => (entries[i]?.bookmarkedAt === undefined ? [{ ...p, entry: entries[i] }] : [])).slice(0, limit);
}
