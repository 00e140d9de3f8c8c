/**
 * Following and unfollowing. A new follow is matched against the whole library in chunks, each
 * one transaction that also records how far it got (`backfill`), so a worker stopped mid-way
 * resumes where it was and the library stays writable between chunks.
 */
import Dexie from 'dexie';
import { followKey, matchForm } from '../follows/fold';
import { compileFollows } from '../follows/match';
import type { Follow, FollowKind } from '../model';
import { isUnread } from './matches';
import type { ShelfDB } from './schema';

/** Papers matched per transaction: ~20 ms of work in Chromium, short enough for a page's report to wait. */
export const BACKFILL_CHUNK = 500;

export class FollowError extends Error {}

/** Follows `text` as `kind`; following the same name again (any spelling) keeps the first follow. */
export async function addFollow(db: ShelfDB, kind: FollowKind, text: string, now: number): Promise<{ follow: Follow; added: boolean }> {
  const key = followKey(kind, text);
  if (!key) throw new FollowError(`Nothing to follow in “${text}”: a ${kind === 'keyword' ? 'keyword' : 'name'} needs letters or digits.`);
  return db.transaction('rw', db.follows, async () => {
    const known = await db.follows.get(key);
    if (known) return { follow: known, added: false };
    const follow: Follow = {
      key,
      kind,
      value: matchForm(kind, text),
      label: text.trim().replace(/\s+/g, ' ').slice(0, 200),
      addedAt: now,
      backfill: '',
    };
    await db.follows.put(follow);
    return { follow, added: true };
  });
}

/** Stops following: the follow and every match of it go, in one transaction. */
export async function removeFollow(db: ShelfDB, key: string): Promise<boolean> {
  return db.transaction('rw', db.follows, db.matches, async () => {
    const known = await db.follows.get(key);
    await db.matches.where('[follow+paper]').between([key, Dexie.minKey], [key, Dexie.maxKey]).delete();
    await db.follows.delete(key);
    return !!known;
  });
}

/** Matches the next chunk of the library against follow `key`; false once the whole library is done. */
export async function backfillChunk(db: ShelfDB, key: string, size = BACKFILL_CHUNK): Promise<boolean> {
  return db.transaction('rw', [db.follows, db.papers, db.entries, db.matches], async () => {
    const follow = await db.follows.get(key);
    if (follow?.backfill === undefined) return false;
    const papers = await db.papers.where(':id').above(follow.backfill).limit(size).toArray();
    const match = compileFollows([follow]);
    const hits = papers.filter((p) => match(p).length);
    const entries = await db.entries.bulkGet(hits.map((p) => p.id));
    if (hits.length) await db.matches.bulkPut(hits.map((p, i) => ({ follow: key, paper: p.id, at: p.firstSeenAt, unread: isUnread(entries[i]) })));
    const more = papers.length === size;
    const { backfill: _done, ...rest } = follow;
    await db.follows.put(more ? { ...follow, backfill: papers.at(-1)!.id } : rest);
    return more;
  });
}

/** Follows whose library match is not finished (a worker stopped mid-way). */
export async function unfinishedFollows(db: ShelfDB): Promise<string[]> {
  return (await db.follows.toArray()).filter((f) => f.backfill !== undefined).map((f) => f.key);
}

export async function listFollows(db: ShelfDB): Promise<Follow[]> {
  return (await db.follows.toArray()).sort((a, b) => b.addedAt - a.addedAt || a.key.localeCompare(b.key));
}
