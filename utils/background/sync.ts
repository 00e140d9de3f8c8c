/**
 * The background's side of sync, wired as utils/sync/planner.ts describes: local edits are
 * stamped (utils/db/sync-step.ts) and a write is scheduled (schedule.ts: batched, debounced,
 * under the browser's rate limits); what arrives through storage.onChanged is merged with the
 * library and its news applied, never written over it; at the scheduled time the area is read,
 * merged again, and the planner's shards written. A failed write (quota, rate, anything) loses
 * nothing: the library and its records are the source, and the next plan starts from them.
 *
 * Everything that matters is in IndexedDB (records, clock, schedule, status); the copy of the
 * records in memory is a cache that a new worker reloads. Operations run one at a time.
 */
import { getSettings } from '../db/settings';
import type { ShelfDB } from '../db/schema';
import { type Local, loadLocal } from '../db/sync-records';
import { getSchedule, getSyncStatus, putSchedule, putSyncStatus, type Schedule, type SyncStatus } from '../db/sync-status';
import { syncStep } from '../db/sync-step';
import type { SyncReport } from '../sync/pack';
import { type Plan, type PlanOptions, plan } from '../sync/planner';
import { backoff, classifyWriteError, logWrite, nextWriteAt } from '../sync/schedule';
import { shardIndex } from '../sync/shards';
import type { SyncState } from '../sync/types';
import { unpack } from '../sync/unpack';

/** The browser's storage.sync, as far as sync uses it. */
export interface SyncArea {
  get(keys: null): Promise<Record<string, unknown>>;
  set(items: Record<string, string>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

/** Calls flush() at a moment, even when the worker was stopped meanwhile (a timer and an alarm). */
export interface Wakeup {
  at(when: number): void;
  clear(): void;
}

export interface SyncDeps {
  db: ShelfDB;
  /** Undefined where the browser has no storage.sync. */
  area: SyncArea | undefined;
  now: () => number;
  wakeup: Wakeup;
  /** Entries rewritten from sync: tell the tabs, recount the badge, fill unknown papers from the API. */
  applied?: (ids: string[]) => Promise<void>;
  random?: () => number;
  /** The area's quota (tests use smaller ones). */
  planOptions?: PlanOptions;
}

export type Changes = Record<string, { oldValue?: unknown; newValue?: unknown }>;

/** A worker that starts this long after the last sync reads the area again (a change may have gone unheard). */
export const RECHECK_MS = 10 * 60_000;

const BLOCKED = {
  'newer-format': 'another device uses a newer version of HF Papers Shelf: update this one to sync',
  'over-quota': "the browser's sync storage is full with data this device cannot make smaller",
};

/** Firefox with storage.sync turned off, or a browser without it. */
const UNAVAILABLE = /storage\.sync.*(disabled|enabled|not (available|supported))|not (available|supported|implemented)/i;

export function makeSync(deps: SyncDeps) {
  const { db, area, now } = deps;
  let cache: Local | undefined;
  /** The value of each key this device last wrote: storage.onChanged echoes our own writes. */
  const written = new Map<string, unknown>();
  let tail: Promise<unknown> = Promise.resolve();
  function serial<T>(job: () => Promise<T>): Promise<T> {
    const run = tail.then(job);
    tail = run.catch(() => undefined);
    return run;
  }

  async function step(incoming?: SyncState, ids?: string[]) {
    try {
      cache ??= await loadLocal(db, deps.random ?? Math.random);
      const r = await syncStep(db, cache, now(), incoming, ids);
      cache = r.local;
      if (r.changed.length) await deps.applied?.(r.changed).catch((e) => console.warn('[hfp] sync: telling the tabs failed:', e));
      return r;
    } catch (e) {
      cache = undefined;
      throw e;
    }
  }

  const enabled = async () => !!area && (await getSettings(db)).sync;

  async function markPending() {
    const s = await getSchedule(db);
    const at = now();
    await putSchedule(db, { ...s, pending: { ...s.pending, since: s.pending.since ?? at, last: at } });
  }

  async function reschedule() {
    const s = await getSchedule(db);
    const when = (await enabled()) ? nextWriteAt(s.log, s.pending, now()) : undefined;
    if (when === undefined) deps.wakeup.clear();
    else deps.wakeup.at(when);
  }

  /** Sync switched on (or on for the first time): read the area and write what it lacks. */
  async function noticeSwitch() {
    const on = await enabled();
    if ((await db.syncMeta.get('on'))?.value === on) return;
    await db.syncMeta.put({ key: 'on', value: on });
    if (on) await markPending();
  }

  async function setStatus(change: Partial<SyncStatus>) {
    const { error: _e, ...before } = await getSyncStatus(db);
    await putSyncStatus(db, { ...before, ...change });
  }

  async function failed(sched: Schedule, message: string, kind: NonNullable<SyncStatus['error']>['kind'], extra: Partial<SyncStatus> = {}) {
    const attempts = sched.attempts + 1;
    const at = now();
    // Unavailable: tried again at the next start of the worker. A newer version elsewhere: every ten minutes.
    const retryAt =
      kind === 'unavailable' ? undefined : kind === 'newer-format' ? at + 10 * 60_000 : backoff(kind === 'over-quota' ? 'quota' : kind, at, attempts);
    await putSchedule(db, { ...sched, attempts, pending: { ...sched.pending, notBefore: retryAt } });
    await setStatus({ ...extra, error: { kind, message, ...(retryAt ? { retryAt } : {}) } });
  }

  async function write(sched: Schedule) {
    let items: Record<string, unknown>;
    try {
      items = await area!.get(null);
    } catch (e) {
      const message = messageOf(e);
      return failed(sched, message, UNAVAILABLE.test(message) ? 'unavailable' : 'other');
    }
    await step((await unpack(items)).state);
    const p = await plan(cache!.state, items, deps.planOptions);
    const seen = { report: summary(p.report, cache!.state), problems: p.problems.map((x) => `${x.key}: ${x.message}`) };
    if (p.blocked) return failed(sched, BLOCKED[p.blocked], p.blocked, seen);
    let log = sched.log;
    try {
      log = await send(p, log);
    } catch (e) {
      const message = messageOf(e);
      return failed({ ...sched, log: logWrite(log, now()) }, message, classifyWriteError(message), seen);
    }
    await putSchedule(db, { pending: {}, log, attempts: 0 });
    await setStatus({ ...seen, syncedAt: now() });
  }

  async function send(p: Plan, log: number[]) {
    if (p.remove.length) {
      await area!.remove(p.remove);
      log = logWrite(log, now());
      for (const k of p.remove) written.set(k, undefined);
    }
    if (Object.keys(p.set).length) {
      await area!.set(p.set);
      log = logWrite(log, now());
      for (const [k, v] of Object.entries(p.set)) written.set(k, v);
    }
    return log;
  }

  return {
    /** At each start of the worker: stamp what a stopped worker left unstamped, resume what waits. */
    start: () =>
      serial(async () => {
        if (!area) await setStatus({ error: { kind: 'unavailable', message: 'this browser has no storage.sync' } });
        if ((await step()).stamped) await markPending();
        await noticeSwitch();
        if ((await enabled()) && ((await getSyncStatus(db)).syncedAt ?? 0) < now() - RECHECK_MS) await markPending();
        await reschedule();
      }),

    /** After a request changed the library (`ids`: entries a page wrote itself): stamp the edits, schedule a write. */
    changed: (ids: string[] = []) =>
      serial(async () => {
        if ((await step(undefined, ids)).stamped) await markPending();
        await noticeSwitch();
        await reschedule();
      }),

    /** storage.onChanged for the sync area: merge what arrived, apply its news, and let the planner decide what to write. */
    onChanged(changes: Changes): Promise<void> {
      const ours = Object.entries(changes).filter(([k]) => shardIndex(k) !== undefined);
      if (!ours.length) return Promise.resolve();
      return serial(async () => {
        if (!(await enabled())) return;
        if (ours.every(([k, c]) => written.has(k) && written.get(k) === (c.newValue ?? undefined))) return;
        const arrived = Object.fromEntries(ours.filter(([, c]) => c.newValue != null).map(([k, c]) => [k, c.newValue]));
        await step((await unpack(arrived)).state);
        // A shard overwritten or removed may lack what this device holds: the planner decides.
        await markPending();
        await reschedule();
      });
    },

    /** The scheduled write, when it is due (an early wakeup reschedules). */
    flush: () =>
      serial(async () => {
        if (!(await enabled())) return reschedule();
        const sched = await getSchedule(db);
        const due = nextWriteAt(sched.log, sched.pending, now());
        if (due !== undefined && due <= now()) await write(sched);
        await reschedule();
      }),
  };
}

export type Sync = ReturnType<typeof makeSync>;

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

function summary(r: SyncReport, state: SyncState): NonNullable<SyncStatus['report']> {
  return {
    synced: r.synced,
    total: r.total,
    notesSynced: r.notesSynced,
    notesTotal: r.notesTotal,
    bytes: r.bytes,
    quota: r.quota,
    leftOut: r.leftOut.length,
    leftOutRead: r.leftOut.filter((id) => state.entries.get(id)?.status?.v.status === 'read').length,
    notesLeftOut: r.notesLeftOut.length,
  };
}
