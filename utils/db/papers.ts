import type { PaperFields } from '../model';
import type { PaperState } from '../protocol';
import { mergeStored, type Sighting } from '../parse/merge';
import type { ShelfDB } from './schema';

/** A paper counts as seen before when it was first met elsewhere, or over an hour ago. */
const SEEN_BEFORE_MS = 60 * 60 * 1000;

/**
 * Upserts every paper a page showed, in one transaction: new values win, nothing known is
 * erased, first/last seen are tracked. Returns each paper's state for its card's button.
 */
export async function ingestPapers(
  db: ShelfDB,
  cards: PaperFields[],
  seen: Sighting,
): Promise<Record<string, PaperState>> {
  const unique = [...new Map(cards.map((c) => [c.id, c])).values()];
  const ids = unique.map((c) => c.id);
  return db.transaction('rw', db.papers, db.entries, async () => {
    const [old, entries] = await Promise.all([db.papers.bulkGet(ids), db.entries.bulkGet(ids)]);
    const states: Record<string, PaperState> = {};
    const next = unique.map((card, i) => {
      const before = old[i];
      states[card.id] = {
        bookmarked: entries[i]?.bookmarkedAt !== undefined,
        at: entries[i]?.updatedAt ?? 0,
        seenBefore: !!before && (before.firstSeenUrl !== seen.url || before.firstSeenAt < seen.at - SEEN_BEFORE_MS),
      };
      return mergeStored(before, card, seen);
    });
    await db.papers.bulkPut(next);
    return states;
  });
}
