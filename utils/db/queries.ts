import type { Paper } from '../model';
import type { ShelfDB } from './schema';

export type SavedPaper = Paper & { bookmarkedAt: number };

/** Bookmarked papers, newest bookmark first. */
export async function listBookmarks(db: ShelfDB, limit = Infinity): Promise<SavedPaper[]> {
  const marks = await db.bookmarks.orderBy('bookmarkedAt').reverse().limit(limit).toArray();
  const papers = await db.papers.bulkGet(marks.map((m) => m.id));
  return marks.flatMap((m, i) => (papers[i] ? [{ ...papers[i], bookmarkedAt: m.bookmarkedAt }] : []));
}
