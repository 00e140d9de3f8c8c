/**
 * Where the library meets its synced records (utils/db/sync-step.ts), on a real (fake-indexeddb)
 * database: every write function's change is stamped, and only what changed; an existing library
 * gets records on the first start; what arrives is merged and its news written to the library.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addTags, deleteTag, removeTags, renameTag, setBookmarks, setNote, setPriority, setStatus, setTagColor } from '../../utils/db/library';
import { ShelfDB } from '../../utils/db/schema';
import { setSettings } from '../../utils/db/settings';
import { type Local, loadLocal } from '../../utils/db/sync-records';
import { syncStep } from '../../utils/db/sync-step';
import { formatStamp, parseStamp } from '../../utils/sync/hlc';
import { emptyState, type SyncEntry, type SyncState } from '../../utils/sync/types';

const A = '2609.00001';
const B = '2609.00002';
const T0 = 1_790_000_000_000;
let db: ShelfDB;
let local: Local;
let t = T0;

beforeEach(async () => {
  db = new ShelfDB(`sync-step-${Math.random()}`);
  t = T0;
  local = await loadLocal(db, () => 0.5);
});
afterEach(() => db.delete());

async function step(incoming?: SyncState, ids?: string[]) {
  t += 1000;
  const r = await syncStep(db, local, t, incoming, ids);
  local = r.local;
  return r;
}
const record = (id: string) => local.state.entries.get(id);
const stampOf = (r: { s: string } | undefined) => (r ? parseStamp(r.s) : undefined);

describe('local edits', () => {
  it('stamps each write of the library with the fields it changed, and nothing twice', async () => {
    const saved = t;
    await setBookmarks(db, { ids: [A, B], on: true }, saved);
    expect((await step()).stamped).toBe(2);
    const first = record(A)!;
    expect(first.mark?.v).toBe(Math.floor(saved / 1000) * 1000);
    expect(first.status).toBeUndefined(); // to read: the default, never stamped over an unknown value
    expect((await step()).stamped).toBe(0);
    expect(record(A)).toBe(first);

    await setStatus(db, [A], 'read', t);
    await setPriority(db, [A], 2, t);
    await setNote(db, A, 'Section 4', t);
    await addTags(db, [A], ['RL'], t);
    await step();
    const edited = record(A)!;
    expect(edited.mark).toBe(first.mark);
    expect(edited.status?.v.status).toBe('read');
    expect([edited.priority?.v, edited.note?.v, edited.tags.map((m) => [m.k, m.on])]).toEqual([2, 'Section 4', [['rl', true]]]);
    expect(stampOf(edited.status)!.t).toBeGreaterThan(stampOf(first.mark)!.t);
    expect(local.state.tags.get('rl')).toMatchObject({ name: { v: 'RL' }, live: { v: true } });

    await removeTags(db, [A], ['rl'], t);
    await setBookmarks(db, { ids: [B], on: false }, t);
    await step();
    expect(record(A)!.tags).toEqual([expect.objectContaining({ k: 'rl', on: false })]);
    expect(record(B)!.mark?.v).toBeNull();
    expect(record(A)!.status).toBe(edited.status);
  });

  it('stamps a rename as a tag moved on each paper, a deletion and a colour as the tag’s own fields', async () => {
    await setBookmarks(db, { ids: [A, B], on: true }, t);
    await addTags(db, [A, B], ['rl'], t);
    await step();
    await renameTag(db, 'rl', 'Reinforcement', t);
    await step();
    expect(record(A)!.tags.map((m) => [m.k, m.on])).toEqual([
      ['reinforcement', true],
      ['rl', false],
    ]);
    expect(local.state.tags.get('rl')?.live?.v).toBe(false);
    expect(local.state.tags.get('reinforcement')?.name?.v).toBe('Reinforcement');
    await setTagColor(db, 'reinforcement', '#123456');
    await step();
    expect(local.state.tags.get('reinforcement')?.color?.v).toBe('#123456');
    await deleteTag(db, 'reinforcement', t);
    await step();
    expect(local.state.tags.get('reinforcement')?.live?.v).toBe(false);
    expect(record(B)!.tags.every((m) => !m.on)).toBe(true);
  });

  it('stamps settings, but not the sync switch itself', async () => {
    await setSettings(db, { badge: false, sync: false });
    await step();
    expect([...local.state.settings.keys()]).toEqual(['badge']);
    expect(local.state.settings.get('badge')?.value.v).toBe(false);
  });

  it('looks at entries a page wrote when told, however old their stamp', async () => {
    await setBookmarks(db, { ids: [A], on: true }, t);
    await step();
    // An import that committed long after it stamped its rows: older than the last look.
    await db.entries.put({ ...(await db.entries.get(A))!, priority: 3 });
    local = { ...local, cursor: Date.now() + 10 ** 7 };
    expect((await step()).stamped).toBe(0);
    expect((await step(undefined, [A])).stamped).toBe(1);
    expect(record(A)!.priority?.v).toBe(3);
  });

  it('keeps everything in IndexedDB: a new worker reloads the same records and a clock past them', async () => {
    await setBookmarks(db, { ids: [A], on: true }, t);
    await addTags(db, [A], ['x'], t);
    await step();
    const again = await loadLocal(db, () => 0.9);
    expect(again.device).toBe(local.device);
    expect(again.state.entries.get(A)).toEqual(record(A));
    expect(again.state.tags).toEqual(local.state.tags);
    expect(again.clock).toEqual(local.clock);
  });
});

describe('an existing library', () => {
  it('gets records on the first start: each field at its own date, defaults unstamped', async () => {
    const fresh = new ShelfDB(`sync-boot-${Math.random()}`);
    await setBookmarks(fresh, { ids: [A, B], on: true }, T0);
    await setStatus(fresh, [A], 'reading', T0 + 60_000);
    await addTags(fresh, [B], ['Vision'], T0 + 120_000);
    const boot = await loadLocal(fresh, () => 0.1);
    const a = boot.state.entries.get(A)!;
    expect(stampOf(a.mark)!.t).toBe(T0 / 1000);
    expect(stampOf(a.status)!.t).toBe(T0 / 1000 + 60);
    expect(a.priority).toBeUndefined();
    expect(boot.state.entries.get(B)!.tags.map((m) => m.k)).toEqual(['vision']);
    expect(boot.state.tags.get('vision')?.name?.v).toBe('Vision');
    expect(await fresh.syncRecords.count()).toBe(3);
    // The bootstrap is the look: nothing is stamped again.
    expect((await syncStep(fresh, boot, T0 + 200_000)).stamped).toBe(0);
    await fresh.delete();
  });
});

describe('what arrives', () => {
  const at = (sec: number) => formatStamp({ t: Math.floor(T0 / 1000) + sec, c: 0, device: 'zzzzzz' });
  const from = (entries: SyncEntry[], extra: Partial<SyncState> = {}): SyncState => ({
    ...emptyState(),
    entries: new Map(entries.map((e) => [e.id, e])),
    ...extra,
  });

  it('writes its news to the library: a paper never seen gets a placeholder to fill, a tag and a setting come with it', async () => {
    const incoming = from(
      [{ id: B, mark: { v: T0, s: at(5) }, status: { v: { status: 'reading', at: T0 }, s: at(5) }, tags: [{ k: 'rl', on: true, s: at(5) }] }],
      {
        tags: new Map([
          ['rl', { key: 'rl', name: { v: 'RL', s: at(5) }, color: { v: '#dc2626', s: at(5) }, live: { v: true, s: at(5) }, createdAt: T0 }],
        ]),
        settings: new Map([
          ['badge', { key: 'badge', value: { v: false, s: at(5) } }],
          ['sync', { key: 'sync', value: { v: false, s: at(5) } }],
          ['future', { key: 'future', value: { v: 1, s: at(5) } }],
        ]),
      },
    );
    const r = await step(incoming);
    expect(r.changed).toEqual([B]);
    expect(r.unknown).toEqual([B]);
    expect(await db.entries.get(B)).toMatchObject({ bookmarkedAt: T0, status: 'reading', tags: ['RL'] });
    expect(await db.papers.get(B)).toMatchObject({ id: B, title: `arXiv:${B}` });
    expect(await db.tags.get('rl')).toMatchObject({ name: 'RL', color: '#dc2626' });
    expect(await db.settings.toArray()).toEqual([{ key: 'badge', value: false }]);
    expect(parseStamp(formatStamp({ ...local.clock, device: local.device })).t).toBeGreaterThanOrEqual(T0 / 1000 + 5);
    // Applying it stamped nothing of its own, and the same arrival again changes nothing.
    expect((await step()).stamped).toBe(0);
    expect((await step(incoming)).changed).toEqual([]);
  });

  it('never overwrites a local edit with an older one, and a later one wins', async () => {
    await setBookmarks(db, { ids: [A], on: true }, t);
    await setStatus(db, [A], 'read', t);
    // Not yet looked at: the step stamps it before merging what arrived.
    const older = from([{ id: A, status: { v: { status: 'reading', at: T0 }, s: at(-100) }, tags: [] }]);
    await step(older);
    expect((await db.entries.get(A))!.status).toBe('read');
    const later = from([{ id: A, status: { v: { status: 'to-read', at: T0 + 10 ** 7 }, s: at(10 ** 4) }, tags: [] }]);
    await step(later);
    expect((await db.entries.get(A))!.status).toBe('to-read');
  });

  it('takes a removal and a rename from elsewhere', async () => {
    await setBookmarks(db, { ids: [A, B], on: true }, t);
    await addTags(db, [A], ['rl'], t);
    await step();
    const rl = local.state.tags.get('rl')!;
    const s = at(10 ** 4);
    const incoming = from(
      [
        {
          ...record(A)!,
          tags: [
            { k: 'ml', on: true, s },
            { k: 'rl', on: false, s },
          ],
        },
        { ...record(B)!, mark: { v: null, s } },
      ],
      {
        tags: new Map([
          ['rl', { ...rl, live: { v: false, s } }],
          ['ml', { key: 'ml', name: { v: 'ML', s }, live: { v: true, s }, createdAt: T0 }],
        ]),
      },
    );
    await step(incoming);
    expect((await db.entries.get(A))!.tags).toEqual(['ML']);
    expect((await db.entries.get(B))!.bookmarkedAt).toBeUndefined();
    expect((await db.tags.toArray()).map((x) => x.key)).toEqual(['ml']);
  });
});
