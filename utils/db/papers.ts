import type { Table } from 'dexie';
import type { Entry, Paper, PaperFields } from '../model';
import type { PaperState } from '../protocol';
import { entryState } from './library';
import { mergeStored, type Sighting } from './merge';
import type { ShelfDB } from './schema';

/**
 * The records of `ids` a table holds, in the order of `ids`. A page's ids are close together,
 * so one read of the keys in their range says which exist, and only those are fetched: a get
 * per missing key costs as much as a get per present one (50 ms for 2,000 in Chromium).
 */
export async function bulkGetKnown<T extends { id: string }, I>(table: Table<T, string, I>, ids: string[]): Promise<Array<T | undefined>> {
  if (ids.length < 16) return table.bulkGet(ids);
  let lo = ids[0]!;
  let hi = lo;
  for (const id of ids) {
    if (id < lo) lo = id;
    if (id > hi) hi = id;
  }
  const range = table.where(':id').between(lo, hi, true, true);
  const present = new Set(await range.primaryKeys());
  const wanted = ids.filter((id) => present.has(id));
  if (!wanted.length) return ids.map(() => undefined);
  // Mostly the page's own papers in that range (a revisit): one read of the range beats a get each.
  const rows = wanted.length * 2 >= present.size ? await range.toArray() : await table.bulkGet(wanted);
  const found = new Map<string, T>();
  for (const row of rows) if (row) found.set(row.id, row);
  return ids.map((id) => found.get(id));
}

export interface Ingested {
  states: Record<string, PaperState>;
  /** The papers as stored, and their entries, in the same order (for matching them against follows). */
  papers: Paper[];
  entries: Array<Entry | undefined>;
}

/**
 * Upserts every paper a page showed, in one transaction: new values win, nothing known is
 * erased, first/last seen are tracked. Returns each paper's state for its card: saved,
 * dismissed, and `new` when first met since `visitStart` (the current visit began), else `seen`.
 */
export async function ingestPapers(db: ShelfDB, cards: PaperFields[], seen: Sighting, visitStart = seen.at): Promise<Ingested> {
  const unique = [...new Map(cards.map((c) => [c.id, c])).values()];
  const ids = unique.map((c) => c.id);
  return db.transaction('rw', db.papers, db.entries, async () => {
    const [old, entries] = await Promise.all([bulkGetKnown(db.papers, ids), bulkGetKnown(db.entries, ids)]);
    const states: Record<string, PaperState> = {};
    const papers = unique.map((card, i) => {
      const paper = mergeStored(old[i], card, seen);
      states[card.id] = { ...entryState(entries[i]), visit: paper.firstSeenAt >= visitStart ? 'new' : 'seen' };
      return paper;
    });
    await db.papers.bulkPut(papers);
    return { states, papers, entries };
  });
}
