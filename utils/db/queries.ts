/**
 * What the pages read straight from the database: the first rows of a view from an index (the
 * first paint does not wait for the catalogue's worker: utils/catalog), and whole papers by id
 * for exports.
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

/** Papers with their entries, in the order of `ids`, read a chunk at a time (an export of 100,000). */
export async function loadItems(
  db: ShelfDB,
  ids: string[],
  { chunk = 2000, onProgress, signal }: { chunk?: number; onProgress?: (p: { done: number; total: number }) => void; signal?: AbortSignal } = {},
): Promise<Item[]> {
  const out: Item[] = [];
  for (let i = 0; i < ids.length; i += chunk) {
    signal?.throwIfAborted();
    onProgress?.({ done: i, total: ids.length });
    const part = ids.slice(i, i + chunk);
    const [papers, entries] = await Promise.all([db.papers.bulkGet(part), db.entries.bulkGet(part)]);
    papers.forEach((p, k) => {
      if (p) out.push(entries[k] ? { ...p, entry: entries[k] } : p);
    });
  }
  return out;
}
