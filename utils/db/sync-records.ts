/**
 * The synced records kept beside the library (schema v7), and the sync's bookkeeping: this
 * device's id, its clock, how far the library was looked at for local edits (`cursor`: a `rev`),
 * the write schedule and the status the library page shows. All of it lives in IndexedDB, so a
 * stopped worker loses nothing; the background's copy in memory is only a cache of it.
 *
 * A library that existed before sync gets its records on the first start (bootstrap.ts): each
 * field stamped at the moment the library knows it happened, so the first sync merges it with
 * what other devices hold instead of replacing either.
 */
import * as z from 'zod/mini';
import { DEVICE_SETTINGS, SettingsSchema } from '../model';
import { bootstrapState } from '../sync/bootstrap';
import { type Clock, clockOf, DeviceIdSchema, newDeviceId } from '../sync/hlc';
import { stampsOf } from '../sync/shard-shape';
import { emptyState, followId, type Json, SyncEntrySchema, SyncFollowSchema, SyncSettingSchema, type SyncState, SyncTagSchema } from '../sync/types';
import { withoutRev } from './rev';
import type { Setting, ShelfDB, SyncRow } from './schema';

/** What the sync keeps of this device between two starts of the worker. */
export interface Local {
  device: string;
  clock: Clock;
  /** The newest `rev` of the entries already compared with their records. */
  cursor: number;
  state: SyncState;
}

/** Settings that stay on their device: turning sync off here must not turn it off everywhere. */
export const LOCAL_SETTINGS = DEVICE_SETTINGS;

/** The settings that sync, from the settings table's rows: only those the user set. */
export function syncedSettings(rows: Setting[]): Record<string, Json> {
  const out: Record<string, Json> = Object.create(null);
  for (const r of rows) if (!LOCAL_SETTINGS.has(r.key) && r.value !== undefined) out[r.key] = r.value as Json;
  return out;
}

/** Whether a setting from another device is one this version knows, with a value it accepts. */
export function acceptsSetting(key: string, value: unknown): boolean {
  const shape = SettingsSchema.shape as Record<string, z.ZodMiniType | undefined>;
  return !LOCAL_SETTINGS.has(key) && Object.hasOwn(shape, key) && !!shape[key]?.safeParse(value).success;
}

export const rowId = {
  entry: (id: string) => `p${id}`,
  tag: (key: string) => `t${key}`,
  follow: (fid: string) => `f${fid}`,
  setting: (key: string) => `s${key}`,
};

/** The records of the rows; a damaged row is left out (an unknown field never overrides a known one). */
export function readRows(rows: SyncRow[]): SyncState {
  const state = emptyState();
  for (const { id, r } of rows) {
    const key = id.slice(1);
    if (id[0] === 'p') {
      const p = SyncEntrySchema.safeParse(r);
      if (p.success && p.data.id === key) state.entries.set(key, p.data);
    } else if (id[0] === 't') {
      const p = SyncTagSchema.safeParse(r);
      if (p.success && p.data.key === key) state.tags.set(key, p.data);
    } else if (id[0] === 'f') {
      const p = SyncFollowSchema.safeParse(r);
      if (p.success && followId(p.data.kind, p.data.key) === key) state.follows.set(key, p.data);
    } else if (id[0] === 's') {
      const p = SyncSettingSchema.safeParse(r);
      if (p.success && p.data.key === key) state.settings.set(key, p.data as never);
    }
  }
  return state;
}

/** The rows of the records `ids` names (row ids), as the state holds them. */
export function rowsOf(state: SyncState, ids: Iterable<string>): SyncRow[] {
  const out: SyncRow[] = [];
  for (const id of ids) {
    const key = id.slice(1);
    const map = { p: state.entries, t: state.tags, f: state.follows, s: state.settings }[id[0] as 'p'];
    const r = (map as Map<string, unknown> | undefined)?.get(key);
    if (r !== undefined) out.push({ id, r });
  }
  return out;
}

/** Every stamp of a state (to move the clock past them). */
export function* stampsIn(state: SyncState) {
  for (const m of [state.entries, state.tags, state.follows, state.settings] as Map<string, never>[]) for (const r of m.values()) yield* stampsOf(r);
}

const ClockSchema = z.object({ t: z.number().check(z.int(), z.nonnegative()), c: z.number().check(z.int(), z.nonnegative()) });

async function meta<T>(db: ShelfDB, key: string, schema: z.ZodMiniType<T>): Promise<T | undefined> {
  const row = await db.syncMeta.get(key);
  const parsed = schema.safeParse(row?.value);
  return parsed.success ? parsed.data : undefined;
}

/** This device's records and clock, made from the library the first time (a new device id). */
export async function loadLocal(db: ShelfDB, random: () => number): Promise<Local> {
  return db.transaction('rw', [db.syncRecords, db.syncMeta, db.entries, db.tags, db.settings], async () => {
    const device = await meta(db, 'device', DeviceIdSchema);
    if (device) {
      const state = readRows(await db.syncRecords.toArray());
      const clock = clockOf(stampsIn(state), (await meta(db, 'clock', ClockSchema)) ?? { t: 0, c: 0 });
      return { device, clock, cursor: (await meta(db, 'cursor', z.number())) ?? 0, state };
    }
    const fresh = newDeviceId(random);
    const [entries, tags, settings] = await Promise.all([db.entries.toArray(), db.tags.toArray(), db.settings.toArray()]);
    const state = bootstrapState({ entries: entries.map(withoutRev), tags, settings: syncedSettings(settings) }, fresh);
    const cursor = entries.reduce((n, e) => Math.max(n, (e as { rev?: number }).rev ?? 0), 0);
    const local: Local = { device: fresh, clock: clockOf(stampsIn(state)), cursor, state };
    await db.syncRecords.clear();
    await db.syncRecords.bulkPut(rowsOf(state, allRowIds(state)));
    await saveMeta(db, local);
    return local;
  });
}

export function* allRowIds(state: SyncState) {
  for (const k of state.entries.keys()) yield rowId.entry(k);
  for (const k of state.tags.keys()) yield rowId.tag(k);
  for (const k of state.follows.keys()) yield rowId.follow(k);
  for (const k of state.settings.keys()) yield rowId.setting(k);
}

export async function saveMeta(db: ShelfDB, local: Local) {
  await db.syncMeta.bulkPut([
    { key: 'device', value: local.device },
    { key: 'clock', value: local.clock },
    { key: 'cursor', value: local.cursor },
  ]);
}
