/**
 * The sync adapter on several devices, each with its own library (fake-indexeddb) and its own
 * copy of storage.sync, relayed by the stand-in of Chrome's sync (tests/harness/sync-area.ts:
 * quotas, rate limits, delays, last writer wins per key). Chrome's sync servers cannot run here;
 * the stand-in follows their protocol as read from Chromium's source.
 */
import { describe, expect, it } from 'vitest';
import { addTags, renameTag, setBookmarks, setNote, setPriority, setStatus, setTagColor } from '../../utils/db/library';
import { getSchedule, getSyncStatus } from '../../utils/db/sync-status';
import { SYNC_LIMITS } from '../../utils/sync/quota';
import { Sim } from '../harness/sim';
import { DeviceArea, type Limits, type NetworkOptions, SyncServer } from '../harness/sync-area';
import { ShelfDevice } from '../harness/sync-shelf';

const X = '2609.31620';
const Y = '2609.30192';
const Z = '2608.00042';
const MINUTE = 60_000;
const NET: NetworkOptions = { commitDelay: [100, 3_000], deliverDelay: [100, 5_000] };

async function network(n: number, opts: { limits?: Limits; online?: boolean[]; seed?: number; quota?: number } = {}) {
  const sim = new Sim(opts.seed ?? 7, Date.UTC(2026, 8, 28, 12));
  const server = new SyncServer(sim, 'chromium', NET, opts.limits ?? SYNC_LIMITS);
  const devices = Array.from(
    { length: n },
    (_, i) => new ShelfDevice(sim, new DeviceArea(server, `d${i}`), `d${i}`, opts.quota ? { quota: opts.quota } : undefined),
  );
  devices.forEach((d, i) => {
    if (opts.online?.[i] ?? true) d.area.setOnline(true);
  });
  return { sim, server, devices };
}

const settle = (sim: Sim, ms = 30 * MINUTE) => sim.run(sim.now + ms);

describe('two devices', () => {
  it('a bookmark, a status, a tag rename and a removal made on one appear on the other', async () => {
    const { sim, devices } = await network(2);
    const [a, b] = devices as [ShelfDevice, ShelfDevice];
    await Promise.all([a.restart(), b.restart()]);
    await a.edit((db, now) => setBookmarks(db, { ids: [X, Y], on: true, papers: [{ id: X, title: 'FuseReg' }] }, now));
    await a.edit((db, now) => setStatus(db, [X], 'reading', now));
    await a.edit((db, now) => addTags(db, [X, Y], ['RL'], now));
    await settle(sim);
    expect((await b.view()).entries).toEqual([
      { id: Y, mark: expect.any(Number), status: 'to-read', tags: ['rl'], note: '', priority: 0 },
      { id: X, mark: expect.any(Number), status: 'reading', tags: ['rl'], note: '', priority: 0 },
    ]);
    // B never saw these papers: placeholders, which the fill queue completes from the site's API.
    expect((await b.db.papers.get(X))?.title).toBe(`arXiv:${X}`);
    expect(b.applied).toEqual(expect.arrayContaining([X, Y]));

    await a.edit((db, now) => renameTag(db, 'RL', 'Reinforcement', now));
    await a.edit((db, now) => setBookmarks(db, { ids: [Y], on: false }, now));
    await settle(sim);
    const seen = await b.view();
    expect(seen.tags.map((t) => t.name)).toEqual(['Reinforcement']);
    expect(seen.entries.find((e) => e.id === X)?.tags).toEqual(['reinforcement']);
    expect(seen.entries.find((e) => e.id === Y)?.mark).toBeNull();
    expect(seen).toEqual(await a.view());
    expect((await getSyncStatus(b.db)).report).toMatchObject({ synced: 1, total: 1 });
  });

  it('concurrent edits of one paper on both converge, each edit kept', async () => {
    const { sim, devices } = await network(2);
    const [a, b] = devices as [ShelfDevice, ShelfDevice];
    await Promise.all([a.restart(), b.restart()]);
    await a.edit((db, now) => setBookmarks(db, { ids: [X], on: true }, now));
    await settle(sim);
    await Promise.all([
      a.edit((db, now) => setStatus(db, [X], 'read', now)).then(() => a.edit((db, now) => addTags(db, [X], ['mine'], now))),
      b.edit((db, now) => setPriority(db, [X], 2, now)).then(() => b.edit((db, now) => addTags(db, [X], ['theirs'], now))),
      b.edit((db, now) => setNote(db, X, 'Read §4', now)),
    ]);
    await settle(sim);
    const view = await a.view();
    expect(view).toEqual(await b.view());
    expect(view.entries).toEqual([{ id: X, mark: expect.any(Number), status: 'read', tags: ['mine', 'theirs'], note: 'Read §4', priority: 2 }]);
  });

  it('the first sync of two existing libraries merges both: neither replaces the other', async () => {
    const { sim, devices } = await network(2, { online: [true, false] });
    const [a, b] = devices as [ShelfDevice, ShelfDevice];
    const t = sim.now;
    await setBookmarks(a.db, { ids: [X, Y], on: true }, t - 86_400_000);
    await addTags(a.db, [X], ['vision'], t - 86_400_000);
    await setBookmarks(b.db, { ids: [Y, Z], on: true }, t - 3_600_000);
    await setStatus(b.db, [Y], 'read', t - 3_600_000);
    await addTags(b.db, [Z], ['Vision'], t - 3_600_000);
    await setTagColor(b.db, 'vision', '#000000');
    await Promise.all([a.restart(), b.restart()]);
    await settle(sim);
    // B signs in to sync only now: the browser replaces its copy of the area with the server's.
    b.area.setOnline(true);
    await settle(sim);
    const view = await a.view();
    expect(view).toEqual(await b.view());
    expect(view.entries.map((e) => [e.id, e.status, e.tags])).toEqual([
      [Z, 'to-read', ['vision']],
      [Y, 'read', []],
      [X, 'to-read', ['vision']],
    ]);
    expect(view.tags).toEqual([{ key: 'vision', name: 'Vision', color: '#000000' }]);
  });

  it('a worker stopped while it waits for a write, or before it looked at an edit, loses nothing', async () => {
    const { sim, devices } = await network(2);
    const [a, b] = devices as [ShelfDevice, ShelfDevice];
    await Promise.all([a.restart(), b.restart()]);
    a.failNext = 'hang';
    await a.edit((db, now) => setBookmarks(db, { ids: [X], on: true }, now));
    await settle(sim, MINUTE);
    expect((await b.view()).entries).toEqual([]);
    expect((await getSchedule(a.db)).pending.since).toBeDefined();
    // Stopped: a new worker finds the write still pending in IndexedDB.
    await a.restart();
    // An edit whose worker stopped before the sync looked at it: the next worker finds it by its rev.
    await setStatus(a.db, [X], 'read', sim.now);
    await a.restart();
    await settle(sim);
    expect((await b.view()).entries).toEqual([expect.objectContaining({ id: X, status: 'read' })]);
    expect((await getSchedule(a.db)).pending).toEqual({});
  });
});

describe('limits', () => {
  it('a quota error loses nothing: it is reported with its retry time, and the retry writes', async () => {
    const { sim, devices } = await network(2);
    const [a, b] = devices as [ShelfDevice, ShelfDevice];
    await Promise.all([a.restart(), b.restart()]);
    a.failNext = new Error('QUOTA_BYTES quota exceeded');
    await a.edit((db, now) => setBookmarks(db, { ids: [X], on: true }, now));
    await settle(sim, 4_000);
    const status = await getSyncStatus(a.db);
    expect(status.error).toMatchObject({ kind: 'quota', retryAt: expect.any(Number) });
    expect(status.error!.retryAt).toBeGreaterThan(sim.now);
    await settle(sim);
    expect((await getSyncStatus(a.db)).error).toBeUndefined();
    expect((await b.view()).entries.map((e) => e.id)).toEqual([X]);
  });

  it('past the browser’s rate limit, writes wait and everything arrives', async () => {
    const limits = { ...SYNC_LIMITS, MAX_WRITE_OPERATIONS_PER_MINUTE: 2 };
    const { sim, server, devices } = await network(2, { limits });
    const [a, b] = devices as [ShelfDevice, ShelfDevice];
    await Promise.all([a.restart(), b.restart()]);
    const errors: string[] = [];
    for (let i = 0; i < 8; i++) {
      await a.edit((db, now) => setBookmarks(db, { ids: [`2609.0000${i}`], on: true }, now));
      await sim.run(sim.now + 3_000);
      const e = (await getSyncStatus(a.db)).error;
      if (e) errors.push(e.kind);
    }
    await settle(sim, 10 * MINUTE);
    expect(errors).toContain('rate-minute');
    expect((await b.view()).entries).toHaveLength(8);
    expect(server.devices).toHaveLength(2);
  });

  it('what does not fit stays on its device, and the status says how much syncs', async () => {
    const limits = { ...SYNC_LIMITS, QUOTA_BYTES: 4_000 };
    const { sim, devices } = await network(2, { limits, quota: 4_000 });
    const [a, b] = devices as [ShelfDevice, ShelfDevice];
    await Promise.all([a.restart(), b.restart()]);
    const ids = Array.from({ length: 400 }, (_, i) => `2609.${String(10_000 + i * 37).padStart(5, '0')}`);
    await a.edit((db, now) => setBookmarks(db, { ids, on: true }, now));
    await a.edit((db, now) => setStatus(db, ids.slice(0, 300), 'read', now));
    await settle(sim);
    const { report } = await getSyncStatus(a.db);
    expect(report!.total).toBe(400);
    expect(report!.synced).toBeLessThan(400);
    // Papers to read go first: those left out are read ones.
    expect(report!.synced).toBeGreaterThan(100);
    expect(report!.leftOut).toBe(400 - report!.synced);
    expect(report!.leftOutRead).toBe(report!.leftOut);
    expect((await b.view()).entries).toHaveLength(report!.synced);
    // Left out of sync, never out of the library.
    expect(await a.db.entries.count()).toBe(400);
  });
});
