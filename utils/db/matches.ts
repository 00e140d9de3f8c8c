/**
 * The `matches` table in step with the library: which follows each paper matches. Papers are
 * matched where they are written (a page's report, the API fill, an import) against every
 * follow, and the whole library against a new follow, in chunks (utils/db/follows.ts).
 */
import { compileFollows, type Matcher } from '../follows/match';
import type { Entry, Follow, Paper } from '../model';
import type { Match, ShelfDB } from './schema';

/** A paper is unread in the Followed view until it is read or dismissed. */
export const isUnread = (entry: Pick<Entry, 'status'> | undefined): 0 | 1 => (entry?.status === 'read' || entry?.status === 'dismissed' ? 0 : 1);

export interface Follows {
  match: Matcher;
  byKey: Map<string, Follow>;
}

let compiled: { signature: string; follows: Follows } | undefined;

/** Every follow, and a matcher for them (compiled again only when the follows changed). */
export async function loadFollows(db: ShelfDB): Promise<Follows> {
  const list = await db.follows.orderBy('key').toArray();
  const signature = list.map((f) => `${f.key}\n${f.label}`).join('\n');
  if (compiled?.signature !== signature) {
    compiled = { signature, follows: { match: compileFollows(list), byKey: new Map(list.map((f) => [f.key, f])) } };
  }
  return compiled.follows;
}

/**
 * Stores which follows each of `papers` matches now, and returns them per paper (papers matching
 * none are left out). Writes only what changed: a page seen again costs one indexed read.
 * `entries`, when the caller has read them, in the order of `papers`.
 */
export async function syncMatches(db: ShelfDB, papers: Paper[], entries?: Array<Entry | undefined>): Promise<Map<string, Follow[]>> {
  const matched = new Map<string, Follow[]>();
  return db.transaction('rw', db.follows, db.matches, db.entries, async () => {
    const { match, byKey } = await loadFollows(db);
    // No follows, no rows: removing a follow removes its rows (removeFollow).
    if (!papers.length || !byKey.size) return matched;
    const ids = papers.map((p) => p.id);
    const stored = await db.matches.where('paper').anyOf(ids).toArray();
    const have = new Map(stored.map((m) => [`${m.follow}\n${m.paper}`, m]));
    const status = entries ?? (await db.entries.bulkGet(ids));
    const put: Match[] = [];
    const start = performance.now();
    const keysOf = papers.map(match);
    // Matching alone, in the worker (npm run bench reads it).
    performance.measure('hfp:match', { start });
    papers.forEach((p, i) => {
      const keys = keysOf[i]!;
      if (keys.length)
        matched.set(
          p.id,
          keys.map((k) => byKey.get(k)!),
        );
      const unread = isUnread(status[i]);
      for (const follow of keys) {
        const old = have.get(`${follow}\n${p.id}`);
        have.delete(`${follow}\n${p.id}`);
        if (!old || old.at !== p.firstSeenAt || old.unread !== unread) put.push({ follow, paper: p.id, at: p.firstSeenAt, unread });
      }
    });
    // What is left matched before and no longer does (the paper's text changed).
    const gone = [...have.values()].map((m): [string, string] => [m.follow, m.paper]);
    if (gone.length) await db.matches.bulkDelete(gone);
    if (put.length) await db.matches.bulkPut(put);
    return matched;
  });
}

/** The papers' statuses changed: their matches follow (read and dismissed papers are not unread). */
export async function refreshUnread(db: ShelfDB, ids: string[]) {
  await db.transaction('rw', db.matches, db.entries, async () => {
    const stored = await db.matches.where('paper').anyOf(ids).toArray();
    if (!stored.length) return;
    const entries = new Map((await db.entries.bulkGet([...new Set(stored.map((m) => m.paper))])).flatMap((e) => (e ? [[e.id, e]] : [])));
    const changed = stored.filter((m) => m.unread !== isUnread(entries.get(m.paper))).map((m) => ({ ...m, unread: isUnread(entries.get(m.paper)) }));
    if (changed.length) await db.matches.bulkPut(changed);
  });
}
