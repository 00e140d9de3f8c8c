/**
 * What the triage views read: the Followed view and its counts, the papers new since the last
 * visit, the dismissed papers, and the digest. Each reads an index over what it shows (the
 * matches of the follows, the papers seen this visit, the dismissed entries), never the whole
 * library, so they stay fast at 100,000 papers (tests/unit/triage-queries.test.ts counts the
 * records each reads).
 *
 * Definitions. Newest first: most recently first met (`firstSeenAt`). Unread: a matching paper
 * you have not marked read or not interested, saved or not.
 */
import Dexie from 'dexie';
import type { Follow, Item } from '../model';
import { listFollows } from './follows';
import { toReadCount } from './library';
import type { Match, ShelfDB } from './schema';
import { lastVisit, type LastVisit } from './visits';

/** A paper of the Followed view: the follows it matches, and whether it is unread. */
export type FollowedItem = Item & { follows: Follow[]; unread: boolean };

async function join(db: ShelfDB, ids: string[]): Promise<Item[]> {
  const [papers, entries] = await Promise.all([db.papers.bulkGet(ids), db.entries.bulkGet(ids)]);
  return ids.flatMap((_, i) => (papers[i] ? [entries[i] ? { ...papers[i], entry: entries[i] } : papers[i]] : []));
}

/**
 * The Followed view: papers matching any follow (or the follow `follow`), newest first, at most
 * `limit`; `unreadOnly` leaves out the read and dismissed.
 */
export async function followedPapers(db: ShelfDB, opts: { follow?: string; limit?: number; unreadOnly?: boolean } = {}): Promise<FollowedItem[]> {
  const { follow, limit = 200, unreadOnly = false } = opts;
  return db.transaction('r', [db.matches, db.follows, db.papers, db.entries], async () => {
    const ids: string[] = [];
    const seen = new Set<string>();
    const take = (m: Match) => {
      if (seen.has(m.paper) || (unreadOnly && !m.unread)) return;
      seen.add(m.paper);
      ids.push(m.paper);
    };
    const rows = follow
      ? db.matches.where('[follow+at]').between([follow, Dexie.minKey], [follow, Dexie.maxKey]).reverse()
      : db.matches.orderBy('at').reverse();
    await rows.until(() => ids.length >= limit).each(take);
    // Every follow each paper matches (its rows are not all next to each other in the order above).
    const all = await db.matches.where('paper').anyOf(ids).toArray();
    const byKey = new Map((await db.follows.toArray()).map((f) => [f.key, f]));
    const follows = new Map<string, Follow[]>();
    for (const m of all) {
      const f = byKey.get(m.follow);
      if (f) follows.set(m.paper, [...(follows.get(m.paper) ?? []), f]);
    }
    const unread = new Map(all.map((m) => [m.paper, m.unread === 1]));
    return (await join(db, ids)).map((p) => ({ ...p, follows: follows.get(p.id) ?? [], unread: unread.get(p.id) ?? false }));
  });
}

export interface FollowCount {
  follow: Follow;
  /** Papers matching it. */
  total: number;
  unread: number;
}

/** Every follow (newest first) with its counts, and the number of distinct papers matching any, and of those unread. */
export async function followCounts(db: ShelfDB): Promise<{ follows: FollowCount[]; papers: number; unread: number }> {
  return db.transaction('r', [db.matches, db.follows], async () => {
    const follows = await listFollows(db);
    const counted = await Promise.all(
      follows.map(async (follow) => ({
        follow,
        total: await db.matches.where('[follow+at]').between([follow.key, Dexie.minKey], [follow.key, Dexie.maxKey]).count(),
        unread: await db.matches.where('[follow+unread]').equals([follow.key, 1]).count(),
      })),
    );
    const papers = (await db.matches.orderBy('paper').uniqueKeys()).length;
    return { follows: counted, papers, unread: (await unreadFollowed(db)).size };
  });
}

/** The distinct unread papers matching any follow: their keys only, follow by follow. */
async function unreadFollowed(db: ShelfDB): Promise<Set<string>> {
  const unread = new Set<string>();
  for (const f of await db.follows.toCollection().primaryKeys()) {
    const keys = await db.matches.where('[follow+unread]').equals([f, 1]).primaryKeys();
    for (const [, paper] of keys) unread.add(paper);
  }
  return unread;
}

/** Papers first met on the latest visit (ongoing or not), newest first: read from the papers seen since it began. */
export async function newSinceLastVisit(db: ShelfDB, now: number, limit = 1000): Promise<{ visit?: LastVisit; papers: Item[]; total: number }> {
  return db.transaction('r', [db.visits, db.papers, db.entries], async () => {
    const visit = await lastVisit(db, now);
    if (!visit) return { papers: [], total: 0 };
    const ids = await newIds(db, visit);
    return { visit, papers: await join(db, ids.slice(0, limit)), total: ids.length };
  });
}

async function newIds(db: ShelfDB, visit: LastVisit): Promise<string[]> {
  const met = await db.papers.where('lastSeenAt').aboveOrEqual(visit.start).toArray();
  return met
    .filter((p) => p.firstSeenAt >= visit.start)
    .sort((a, b) => b.firstSeenAt - a.firstSeenAt || b.id.localeCompare(a.id))
    .map((p) => p.id);
}

/** Papers marked "Not interested", most recently first. */
export async function dismissedPapers(db: ShelfDB, limit = 1000): Promise<Item[]> {
  return db.transaction('r', [db.entries, db.papers], async () => {
    const ids = await db.entries
      .where('[status+statusAt]')
      .between(['dismissed', Dexie.minKey], ['dismissed', Dexie.maxKey])
      .reverse()
      .limit(limit)
      .primaryKeys();
    return join(db, ids);
  });
}

export interface Digest {
  /** The latest visit; absent before the first. */
  visit?: LastVisit;
  /** Papers first met on that visit, how many of them match a follow, and how many of them are saved. */
  newPapers: number;
  newFollowed: number;
  newSaved: number;
  /** Unread papers matching a follow, all visits. */
  followedUnread: number;
  /** The reading list: saved, to read or reading. */
  saved: number;
}

/** "Today, at a glance": the counts behind the popup's and the library's digest. */
export async function digest(db: ShelfDB, now: number): Promise<Digest> {
  return db.transaction('r', [db.visits, db.papers, db.entries, db.matches, db.follows], async () => {
    const visit = await lastVisit(db, now);
    const ids = visit ? await newIds(db, visit) : [];
    const [matched, entries, reading] = await Promise.all([
      db.matches.where('paper').anyOf(ids).primaryKeys(),
      db.entries.bulkGet(ids),
      db.entries.where('[status+bookmarkedAt]').between(['reading', Dexie.minKey], ['reading', Dexie.maxKey]).count(),
    ]);
    return {
      ...(visit ? { visit } : {}),
      newPapers: ids.length,
      newFollowed: new Set(matched.map(([, paper]) => paper)).size,
      newSaved: entries.filter((e) => e?.bookmarkedAt !== undefined).length,
      followedUnread: (await unreadFollowed(db)).size,
      saved: (await toReadCount(db)) + reading,
    };
  });
}
