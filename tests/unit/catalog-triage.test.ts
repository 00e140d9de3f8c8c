/**
 * The triage views as the catalogue computes them from rows (Followed, New since last visit, Not
 * interested), against the background's own queries over the same database (utils/db/triage.ts):
 * the same papers in the same order, and counts equal to the lists' lengths, so the digest's
 * numbers are the views'. Follows added or removed reach the rows without a paper being written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Catalog, type ListSpec } from '../../utils/catalog/catalog';
import { readAll, Stamps } from '../../utils/catalog/load';
import { changedRows, readTriage, withFollows, type TriageState } from '../../utils/catalog/triage';
import { NO_FILTERS } from '../../utils/catalog/view';
import { addFollow, backfillChunk, removeFollow } from '../../utils/db/follows';
import { setBookmarks, setStatus } from '../../utils/db/library';
import { ShelfDB } from '../../utils/db/schema';
import { digest, dismissedPapers, followedPapers, newSinceLastVisit } from '../../utils/db/triage';
import { touchVisit, VISIT_GAP_MS } from '../../utils/db/visits';
import type { Paper, ViewKey } from '../../utils/model';

const T = 1_800_000_000_000;
const id = (i: number) => `2601.${String(i).padStart(5, '0')}`;
let db: ShelfDB;
let start: number;

async function catalogue(): Promise<{ catalog: Catalog; triage: TriageState }> {
  const catalog = new Catalog();
  const triage = await readTriage(db);
  for await (const b of readAll(db, new Stamps())) catalog.put(withFollows(b.rows, triage.follows));
  catalog.setContext({ newSince: triage.newSince });
  return { catalog, triage };
}
const spec = (view: ViewKey): ListSpec => ({ view, filters: NO_FILTERS, sort: 'added' });

beforeAll(async () => {
  db = new ShelfDB(`catalog-triage-${Math.random()}`);
  const papers: Paper[] = Array.from({ length: 1500 }, (_, i) => ({
    id: id(i),
    title: i % 50 === 0 ? `Diffusion, ${i}` : `Paper ${i}`,
    authors: i % 30 === 0 ? ['Zoë Çelik', `B ${i}`] : [`B ${i}`],
    firstSeenAt: T + i,
    lastSeenAt: T + i,
    firstSeenUrl: 'https://huggingface.co/papers',
  }));
  await db.papers.bulkPut(papers);
  await touchVisit(db, T);
  await touchVisit(db, T + 2000);
  start = T + 2000 + VISIT_GAP_MS + 1;
  await touchVisit(db, start);
  await db.papers.bulkPut(
    Array.from({ length: 25 }, (_, i) => ({
      id: `2609.${String(i).padStart(5, '0')}`,
      title: i % 5 ? `New ${i}` : `New diffusion ${i}`,
      authors: ['C'],
      firstSeenAt: start + i,
      lastSeenAt: start + i,
      firstSeenUrl: 'https://huggingface.co/papers',
    })),
  );
  for (const [kind, text] of [
    ['author', 'Zoe Celik'],
    ['keyword', 'diffusion'],
  ] as const) {
    const { follow } = await addFollow(db, kind, text, start);
    while (await backfillChunk(db, follow.key, 400));
  }
  await setBookmarks(db, { ids: [id(30), id(50), '2609.00005', '2609.00007'], on: true }, start + 100);
  await setStatus(db, [id(50)], 'read', start + 101);
  await setStatus(db, [id(60), id(90), id(7)], 'dismissed', start + 102);
}, 60_000);
afterAll(() => db.delete());

describe('the triage views from rows', () => {
  it('Followed: the papers matching a follow, newest first met first, as the background lists them; unread counted', async () => {
    const { catalog } = await catalogue();
    const expected = await followedPapers(db, { limit: 10_000 });
    expect(catalog.list(spec('followed'))).toEqual(expected.map((p) => p.id));
    const c = catalog.counts();
    expect(c.views.followed).toBe(expected.length);
    expect(c.followedUnread).toBe(expected.filter((p) => p.unread).length);
    // Read and dismissed papers are followed all the same, not unread.
    expect(catalog.list(spec('followed'))).toContain(id(50));
    expect(c.followedUnread).toBe(expected.length - 3);
  });

  it('New since last visit and Not interested, as the background lists them; the digest’s counts are the views’', async () => {
    const { catalog } = await catalogue();
    const fresh = await newSinceLastVisit(db, start + 200);
    expect(catalog.list(spec('new'))).toEqual(fresh.papers.map((p) => p.id));
    expect(catalog.list(spec('dismissed')).sort()).toEqual((await dismissedPapers(db)).map((p) => p.id).sort());
    expect(catalog.list(spec('list'))).not.toContain(id(60));
    const c = catalog.counts();
    const d = await digest(db, start + 200);
    expect([c.views.new, c.newFollowed, c.newSaved]).toEqual([d.newPapers, d.newFollowed, d.newSaved]);
    expect([c.views.new, c.newFollowed, c.newSaved]).toEqual([25, 5, 2]);
    expect(c.followedUnread).toBe(d.followedUnread);
    for (const v of ['followed', 'new', 'dismissed', 'list'] as const) expect(c.views[v]).toBe(catalog.list(spec(v)).length);
  });

  it('a follow removed or added reaches the rows it concerns; the lists kept equal lists made anew', async () => {
    const { catalog, triage } = await catalogue();
    const before = catalog.list(spec('followed'));
    await removeFollow(db, 'keyword:diffusion');
    let next = await readTriage(db);
    catalog.put(changedRows(triage.follows, next.follows, (x) => catalog.get(x)));
    const after = catalog.list(spec('followed'));
    // Only Zoë Çelik's papers are left (every 30th), in the same order.
    expect(after).toEqual(before.filter((x) => catalog.get(x)!.authors.includes('Zoë Çelik')));
    expect(after).toHaveLength(50);
    expect(after).toEqual((await followedPapers(db, { limit: 10_000 })).map((p) => p.id));
    const { follow } = await addFollow(db, 'keyword', 'new', start + 300);
    while (await backfillChunk(db, follow.key, 400));
    const prev = next;
    next = await readTriage(db);
    catalog.put(changedRows(prev.follows, next.follows, (x) => catalog.get(x)));
    expect(catalog.list(spec('followed'))).toEqual((await followedPapers(db, { limit: 10_000 })).map((p) => p.id));
    expect(catalog.get('2609.00003')!.follows).toEqual(['keyword:new']);
    expect(catalog.list(spec('followed'))).toEqual((await catalogue()).catalog.list(spec('followed')));
  });
});
