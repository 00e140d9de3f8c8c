/**
 * The background's sync wiring with the browser's API (fakeBrowser): requests through the real
 * handlers are stamped and written to storage.sync; what another device wrote there arrives
 * through storage.onChanged and is merged, its unknown papers sent to the fill queue. fakeBrowser's
 * storage.sync has no quotas, so set() here enforces Chromium's (tests/harness/sync-limits.ts,
 * read from Chromium's quota enforcer and quota service).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { makeHandlers } from '../../utils/background/handlers';
import { makeSync, type Sync } from '../../utils/background/sync';
import { browserArea, listenForSync } from '../../utils/background/sync-browser';
import { withSync } from '../../utils/background/sync-hook';
import { ShelfDB } from '../../utils/db/schema';
import { getSchedule, getSyncStatus } from '../../utils/db/sync-status';
import { SYNC_LIMITS } from '../../utils/sync/quota';
import { AreaLimits, type Limits } from '../harness/sync-limits';

const X = '2609.31620';
const Y = '2609.30192';
const T0 = Date.UTC(2026, 8, 28, 12);

interface Device {
  db: ShelfDB;
  sync: Sync;
  handlers: ReturnType<typeof withSync<ReturnType<typeof makeHandlers>>>;
  filled: string[];
  due: () => number | undefined;
}

let clock = T0;
const dbs: ShelfDB[] = [];
const plainSet = fakeBrowser.storage.sync.set.bind(fakeBrowser.storage.sync);
/** Changes from sync are applied without the quota check (Chromium's IGNORE_QUOTA); storage.onChanged fires. */
const deliver = (items: Record<string, unknown>) => plainSet(items);

/** storage.sync of this (fake) browser with Chromium's quotas and rate limits. */
function enforceQuotas(limits: Limits) {
  const enforcer = new AreaLimits('chromium', limits);
  const sync = fakeBrowser.storage.sync;
  const set = plainSet;
  const stats = { refused: 0 };
  sync.set = async (items: Record<string, unknown>) => {
    try {
      enforcer.rate('set', clock);
      enforcer.quota(new Map(Object.entries(await sync.get(null))), items);
    } catch (e) {
      stats.refused++;
      throw e;
    }
    return set(items);
  };
  return stats;
}

function device(area = browserArea()): Device {
  const db = new ShelfDB(`sync-browser-${Math.random()}`);
  dbs.push(db);
  const filled: string[] = [];
  let due: number | undefined;
  const raw = makeHandlers({
    db,
    now: () => clock,
    broadcast: async () => {},
    badge: async () => {},
    filler: { enqueue: async (ids) => void filled.push(...ids) },
  });
  const sync = makeSync({
    db,
    area,
    now: () => clock,
    wakeup: {
      at: (w) => {
        due = w;
      },
      clear: () => {
        due = undefined;
      },
    },
    applied: (ids) => raw.libraryChanged({ ids }),
    random: Math.random,
  });
  return { db, sync, handlers: withSync(raw, sync), filled, due: () => due };
}

/** The request's reply does not wait for the sync: a later call in its queue does. */
const quiet = (d: Device) => d.sync.changed();

/** Time moves to the scheduled write, which runs. */
async function flush(d: Device) {
  await quiet(d);
  const at = d.due();
  if (at === undefined) return false;
  clock = Math.max(clock, at);
  await d.sync.flush();
  return true;
}

/** Another device's storage.sync, in memory (what Chrome's sync relays from it). */
function memoryArea() {
  const items: Record<string, string> = {};
  return {
    items,
    get: async () => ({ ...items }),
    set: async (next: Record<string, string>) => void Object.assign(items, next),
    remove: async (keys: string[]) => {
      for (const k of keys) delete items[k];
    },
  };
}

beforeEach(() => {
  fakeBrowser.reset();
  fakeBrowser.storage.sync.set = plainSet;
  clock = T0;
});
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

describe('storage.sync wiring', () => {
  it('a request is stamped, batched and written to storage.sync within the rate limits', async () => {
    const stats = enforceQuotas(SYNC_LIMITS);
    const a = device();
    listenForSync(a.sync);
    await a.sync.start();
    await a.handlers.setBookmark({ ids: [X, Y], on: true });
    await a.handlers.setStatus({ ids: [X], status: 'reading' });
    await a.handlers.addTags({ ids: [X], tags: ['RL'] });
    await quiet(a);
    // Three edits, one write, debounced after the last.
    expect(a.due()).toBeGreaterThanOrEqual(clock + 2_000);
    expect(await flush(a)).toBe(true);
    const items = await fakeBrowser.storage.sync.get(null);
    expect(Object.keys(items).length).toBeGreaterThan(0);
    expect(stats.refused).toBe(0);
    const status = await getSyncStatus(a.db);
    expect(status).toMatchObject({ syncedAt: clock, report: { synced: 2, total: 2, quota: 102_400 } });
    expect((await getSchedule(a.db)).pending).toEqual({});
    expect(await flush(a)).toBe(false);
  });

  it('what another device wrote arrives through storage.onChanged, is merged and written back, unknown papers filled', async () => {
    enforceQuotas(SYNC_LIMITS);
    const elsewhere = memoryArea();
    const b = device(elsewhere);
    await b.sync.start();
    await b.handlers.setBookmark({ ids: [Y], on: true });
    await b.handlers.setPriority({ ids: [Y], priority: 3 });
    await flush(b);

    const a = device();
    listenForSync(a.sync);
    await a.sync.start();
    await a.handlers.setBookmark({ ids: [X], on: true });
    await flush(a);
    // Chrome's sync delivers B's shards: last writer wins per key, A's copy of a shard is replaced.
    await deliver(elsewhere.items);
    await vi.waitFor(async () => expect((await a.db.entries.get(Y))?.priority).toBe(3));
    expect(await a.db.entries.get(X)).toMatchObject({ bookmarkedAt: expect.any(Number) });
    expect(a.filled).toContain(Y);
    expect(await a.db.papers.get(Y)).toMatchObject({ id: Y });
    // A's edit was overwritten in the area by B's shard: A writes the merged state back.
    expect(await flush(a)).toBe(true);
    const back = await fakeBrowser.storage.sync.get(null);
    Object.assign(elsewhere.items, back);
    await b.sync.onChanged(Object.fromEntries(Object.entries(back).map(([k, v]) => [k, { newValue: v }])));
    expect(await b.db.entries.get(X)).toMatchObject({ bookmarkedAt: expect.any(Number) });
  });

  it('a rate error loses nothing: reported with its retry time, retried, and everything written', async () => {
    const stats = enforceQuotas({ ...SYNC_LIMITS, MAX_WRITE_OPERATIONS_PER_MINUTE: 1 });
    const a = device();
    await a.sync.start();
    await a.handlers.setBookmark({ ids: [X], on: true });
    await flush(a);
    await a.handlers.setBookmark({ ids: [Y], on: true });
    await flush(a);
    expect(stats.refused).toBe(1);
    const { error } = await getSyncStatus(a.db);
    expect(error).toMatchObject({ kind: 'rate-minute', retryAt: expect.any(Number) });
    expect(a.due()).toBe(error!.retryAt);
    expect(await flush(a)).toBe(true);
    expect((await getSyncStatus(a.db)).error).toBeUndefined();
    const fresh = device(memoryArea());
    await fresh.sync.start();
    await fresh.sync.onChanged(Object.fromEntries(Object.entries(await fakeBrowser.storage.sync.get(null)).map(([k, v]) => [k, { newValue: v }])));
    expect((await fresh.db.entries.toArray()).map((e) => e.id).sort()).toEqual([Y, X].sort());
  });

  it('switched off: nothing is written and nothing arriving is merged; switched on, it catches up', async () => {
    enforceQuotas(SYNC_LIMITS);
    const elsewhere = memoryArea();
    const b = device(elsewhere);
    await b.sync.start();
    await b.handlers.setBookmark({ ids: [Y], on: true });
    await flush(b);

    const a = device();
    listenForSync(a.sync);
    await a.sync.start();
    await a.handlers.setSettings({ sync: false });
    await a.handlers.setBookmark({ ids: [X], on: true });
    expect(await flush(a)).toBe(false);
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
    await deliver(elsewhere.items);
    await quiet(a);
    expect(await a.db.entries.get(Y)).toBeUndefined();
    await a.handlers.setSettings({ sync: true });
    expect(await flush(a)).toBe(true);
    expect(await a.db.entries.get(Y)).toMatchObject({ priority: 0 });
    expect((await getSyncStatus(a.db)).report).toMatchObject({ synced: 2, total: 2 });
  });
});
