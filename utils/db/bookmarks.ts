import type { PaperFields } from '../model';
import { mergeStored } from '../parse/merge';
import type { ShelfDB } from './schema';

/** Sets (never toggles) a bookmark, storing the paper too if the library has not met it yet. */
export async function setBookmark(db: ShelfDB, id: string, on: boolean, paper: PaperFields | undefined, now: number) {
  return db.transaction('rw', db.papers, db.bookmarks, async () => {
    if (on) {
      const old = await db.papers.get(id);
      if (!old || paper) await db.papers.put(mergeStored(old, paper ?? { id }, { at: now }));
      if (!(await db.bookmarks.get(id))) await db.bookmarks.put({ id, bookmarkedAt: now });
    } else {
      await db.bookmarks.delete(id);
    }
    return { id, bookmarked: on };
  });
}
