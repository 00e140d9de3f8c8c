/**
 * The triage views' queries (utils/db/triage.ts) over a library of 6,000 papers: what each
 * returns, and how many records each reads (a counting layer under Dexie), which must follow the
 * size of the answer, never the size of the library.
 */
import Dexie, { type DBCore, type DBCoreCursor, type Middleware } from 'dexie';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addFollow, backfillChunk, removeFollow } from '../../utils/db/follows';
import { setBookmarks, setStatus } from '../../utils/db/library';
import { ShelfDB } from '../../utils/db/schema';
import { digest, dismissedPapers, followCounts, followedPapers, newSinceLastVisit } from '../../utils/db/triage';
import { touchVisit, VISIT_GAP_MS } from '../../utils/db/visits';
import type { Paper } from '../../utils/model';

const N = 6000;
const T = 1_800_000_000_000;
const id = (i: number) => `2601.${String(i).padStart(5, '0')}`;
let db: ShelfDB;
const reads = new Map<string, number>();

const counting: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'count-reads',
  create: (down) => ({
    ...down,
    table(name) {
      const t = down.table(name);
      const add = (n: number) => reads.set(name, (reads.get(name) ?? 0) + n);
      return {
        ...t,
        get: (req) => {
          add(1);
          return t.get(req);
        },
        getMany: (req) => {
          add(req.keys.length);
          return t.getMany(req);
        },
        query: async (req) => {
          const r = await t.query(req);
          add(r.result.length);
          return r;
        },
        openCursor: async (req) => {
          const c = await t.openCursor(req);
          if (!c) return c;
          const start = (next: () => void) =>
            c.start(() => {
              add(1);
              next();
            });
          return new Proxy(c, { get: (target, p) => (p === 'start' ? start : Reflect.get(target, p, target)) }) as DBCoreCursor;
        },
      };
    },
  }),
};

/** Records read by `job`, per table. */
async function counted<T>(job: () => Promise<T>): Promise<[T, Record<string, number>]> {
  reads.clear();
  const value = await job();
  return [value, Object.fromEntries(reads)];
}
const total = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);

beforeAll(async () => {
  db = new ShelfDB(`triage-q-${Math.random()}`);
  db.use(counting);
  // Papers of earlier visits; every 100th by Ana Perez, every 250th about "world models".
  const papers: Paper[] = Array.from({ length: N }, (_, i) => ({
    id: id(i),
    title: i % 250 === 0 ? `World models ${i}` : `Paper ${i}`,
    authors: i % 100 === 0 ? ['Ana Perez', `B ${i}`] : [`B ${i}`],
    firstSeenAt: T + i,
    lastSeenAt: T + i,
  }));
  await db.papers.bulkPut(papers);
  await touchVisit(db, T);
  await touchVisit(db, T + N);
  // A new visit: 40 papers first met on it, 10 of them by Ana Perez; 30 older ones met again.
  const start = T + N + VISIT_GAP_MS + 1;
  await touchVisit(db, start);
  await db.papers.bulkPut(
    Array.from({ length: 40 }, (_, i) => ({
      id: `2609.${String(i).padStart(5, '0')}`,
      title: `New ${i}`,
      authors: i < 10 ? ['Ana Pérez'] : ['C'],
      firstSeenAt: start + i,
      lastSeenAt: start + i,
    })),
  );
  await db.papers.bulkPut(papers.slice(0, 30).map((p) => ({ ...p, lastSeenAt: start + 100 })));
  for (const [kind, text] of [
    ['author', 'Ana Perez'],
    ['keyword', 'world models'],
    ['org', 'nobody'],
  ] as const) {
    const { follow } = await addFollow(db, kind, text, start);
    while (await backfillChunk(db, follow.key, 700));
  }
  await setBookmarks(db, { ids: [id(100), id(200), '2609.00001'], on: true }, start + 200);
  await setStatus(db, [id(200)], 'read', start + 201);
  await setStatus(db, [id(300), id(400), id(7)], 'dismissed', start + 202);
}, 120_000);
afterAll(() => db.delete());

describe('the Followed view', () => {
  it('lists matching papers newest first, each with every follow it matches and whether it is unread', async () => {
    const [rows, r] = await counted(() => followedPapers(db, { limit: 12 }));
    expect(rows.map((p) => p.id)).toEqual([...Array.from({ length: 10 }, (_, i) => `2609.0000${9 - i}`), id(5900), id(5800)]);
    expect(rows[0]!.follows.map((f) => f.key)).toEqual(['author:anaperez']);
    expect(rows.every((p) => p.unread)).toBe(true);
    expect(total(r)).toBeLessThan(100);
  });

  it('lists one follow’s papers, and only unread ones when asked', async () => {
    const both = await followedPapers(db, { follow: 'keyword:world models', limit: 100 });
    expect(both).toHaveLength(N / 250);
    expect(
      both
        .find((p) => p.id === id(1000))!
        .follows.map((f) => f.key)
        .sort(),
    ).toEqual(['author:anaperez', 'keyword:world models']);
    const [unread, r] = await counted(() => followedPapers(db, { follow: 'author:anaperez', limit: 1000, unreadOnly: true }));
    expect(unread.map((p) => p.id)).not.toContain(id(200));
    expect(unread.map((p) => p.id)).not.toContain(id(300));
    expect(unread.map((p) => p.id)).toContain(id(100));
    expect(unread).toHaveLength(10 + N / 100 - 3);
    expect(total(r)).toBeLessThan(400);
  });

  it('counts each follow’s papers and unread ones, and the distinct papers of all', async () => {
    const [counts, r] = await counted(() => followCounts(db));
    const byKey = Object.fromEntries(counts.follows.map((c) => [c.follow.key, [c.total, c.unread]]));
    expect(byKey).toEqual({ 'author:anaperez': [70, 67], 'keyword:world models': [24, 24], 'org:nobody': [0, 0] });
    // Papers by Ana Perez every 100th, world models every 250th: both every 500th.
    expect(counts.papers).toBe(70 + 24 - N / 500);
    expect(counts.unread).toBe(67 + 24 - N / 500);
    expect(total(r)).toBeLessThan(300);
  });

  it('forgets a follow’s matches with it', async () => {
    const { follow } = await addFollow(db, 'keyword', 'paper 1', T);
    while (await backfillChunk(db, follow.key, 5000));
    expect((await followCounts(db)).follows.find((c) => c.follow.key === follow.key)?.total).toBe(1);
    await removeFollow(db, follow.key);
    expect(await db.matches.where('[follow+at]').between([follow.key, Dexie.minKey], [follow.key, Dexie.maxKey]).count()).toBe(0);
  });
});

describe('new since the last visit, dismissed, digest', () => {
  it('lists the papers first met on the latest visit, newest first, reading only those seen on it', async () => {
    const [{ papers, total: n, visit }, r] = await counted(() => newSinceLastVisit(db, T + N + VISIT_GAP_MS + 500));
    expect(n).toBe(40);
    expect(papers[0]!.id).toBe('2609.00039');
    expect(visit).toMatchObject({ since: T + N, ongoing: true });
    expect(total(r)).toBeLessThan(200);
  });

  it('lists the dismissed papers, most recent first, off the reading list', async () => {
    const [papers, r] = await counted(() => dismissedPapers(db));
    expect(papers.map((p) => p.id).sort()).toEqual([id(7), id(300), id(400)]);
    expect(papers.every((p) => p.entry?.status === 'dismissed' && p.entry.bookmarkedAt === undefined)).toBe(true);
    expect(total(r)).toBeLessThan(20);
  });

  it('sums up the day: new papers, how many match follows and are saved, unread followed, the reading list', async () => {
    const [d, r] = await counted(() => digest(db, T + N + VISIT_GAP_MS + 500));
    expect(d).toMatchObject({ newPapers: 40, newFollowed: 10, newSaved: 1, followedUnread: 67 + 24 - N / 500, saved: 2 });
    expect(total(r)).toBeLessThan(400);
  });

  it('has nothing new before the first visit', async () => {
    const empty = new ShelfDB(`triage-empty-${Math.random()}`);
    expect(await digest(empty, T)).toEqual({ newPapers: 0, newFollowed: 0, newSaved: 0, followedUnread: 0, saved: 0 });
    expect(await newSinceLastVisit(empty, T)).toEqual({ papers: [], total: 0 });
    await empty.delete();
  });
});
