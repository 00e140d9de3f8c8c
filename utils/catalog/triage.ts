/**
 * What the triage views need beyond papers and entries: the follows each paper matches (the
 * matches table, kept in step by the background) and since when papers are new (the latest
 * visit's start). Read whole as keys: a match is two short strings, and the table holds only
 * papers that match something.
 */
import type { ShelfDB } from '../db/schema';
import type { Row } from './row';

export interface TriageState {
  /** Paper id → the keys of the follows it matches, in the follows' order of addition. */
  follows: Map<string, string[]>;
  newSince?: number;
}

export async function readTriage(db: ShelfDB): Promise<TriageState> {
  return db.transaction('r', [db.matches, db.follows, db.visits], async () => {
    const [pairs, order, current] = await Promise.all([
      db.matches.toCollection().primaryKeys(),
      db.follows.orderBy(':id').toArray(),
      db.visits.get('current'),
    ]);
    const rank = new Map(order.sort((a, b) => a.addedAt - b.addedAt).map((f, i) => [f.key, i]));
    const follows = new Map<string, string[]>();
    for (const [follow, paper] of pairs) {
      // A follow being removed may leave matches for a moment: they count for nothing.
      if (!rank.has(follow)) continue;
      const keys = follows.get(paper);
      if (keys) keys.push(follow);
      else follows.set(paper, [follow]);
    }
    for (const keys of follows.values()) if (keys.length > 1) keys.sort((a, b) => rank.get(a)! - rank.get(b)!);
    return current ? { follows, newSince: current.start } : { follows };
  });
}

const same = (a?: string[], b?: string[]) => (a?.join('\n') ?? '') === (b?.join('\n') ?? '');

/** The rows whose follows differ between `before` and `after`, with their new follows. */
export function changedRows(before: Map<string, string[]>, after: Map<string, string[]>, get: (id: string) => Row | undefined): Row[] {
  const out: Row[] = [];
  const ids = new Set([...before.keys(), ...after.keys()]);
  for (const id of ids) {
    const now = after.get(id);
    if (same(before.get(id), now)) continue;
    const row = get(id);
    if (!row) continue;
    const { follows: _, ...rest } = row;
    out.push(now ? { ...rest, follows: now } : rest);
  }
  return out;
}

/** A row as read from the database, with the follows it matches. */
export function withFollows(rows: Row[], follows: Map<string, string[]>): Row[] {
  return rows.map((r) => {
    const keys = follows.get(r.id);
    return keys ? { ...r, follows: keys } : r;
  });
}
