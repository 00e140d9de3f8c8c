/**
 * What to write to storage.sync, given the local state and what the area holds now.
 *
 * storage.sync keeps, per key, whichever write reached the sync server last, so the area is never
 * trusted to hold everything: the planner merges it into the local state, packs the result, and
 * writes a shard only when the area's copy of it lacks something ours has (`covers`), never
 * because it merely differs. A device that sees another's shard overwrite its own edit still has
 * the edit, finds the shard lacking it, and writes it again, merged: devices that wrote one shard
 * at the same time converge, and none rewrites a shard that already holds all it knows.
 *
 * Besides: a record whose stored copy is older than ours is corrected even when it would not be
 * packed otherwise (a stale copy from a device that was away); when the area would pass the quota,
 * shards that shrink are written too, down to the budget, and shards no device packs any more are
 * removed; nothing is written while a shard in the area comes from a newer version.
 *
 * Wiring (the background): keep the state in memory with the library; on a local edit stamp the
 * records (entry-convert.ts, meta-convert.ts) and mark a write pending; on storage.onChanged for
 * our keys, `unpack` the new values, `absorb` them, apply the news to the library, `observe` their
 * stamps, and mark a write pending; at `nextWriteAt` (schedule.ts, an alarm), `plan` from
 * `storage.sync.get(null)`, call remove() then set() as the plan says, log the writes, and on a
 * failure plan again after `backoff`.
 */
import { covers, merge } from './merge';
import { pack, RESERVE_BYTES, type PackOptions, type SyncReport } from './pack';
import { chromiumItemBytes, SYNC_LIMITS, serdeJson, strictItemBytes, utf8Length } from './quota';
import type { RecordId } from './select';
import { SHARD_KEYS, shardIndex } from './shards';
import { emptyState, type Reg, type SyncEntry, type SyncState } from './types';
import { type Problem, unpack } from './unpack';

export interface Plan {
  /** One set() call: shard values by key (empty: nothing to write). */
  set: Record<string, string>;
  /**
   * Shards to remove (one remove() call, made before the set()): only when the area is past the
   * quota and holds shards with nothing this device would pack (papers every device left out).
   */
  remove: string[];
  /** The local state with what the area holds merged in (apply its news locally). */
  state: SyncState;
  report: SyncReport & { areaBytes: number };
  problems: Problem[];
  /** Why nothing may be written now, if so. */
  blocked?: 'newer-format' | 'over-quota';
}

const olderIn = <T>(stored: Reg<T> | undefined, ours: Reg<T> | undefined) => !!stored && !!ours && ours.s > stored.s;

/** Whether a stored record has a field that ours has newer (fields the copy lacks do not count). */
function stale(stored: SyncEntry, ours: SyncEntry): boolean {
  if (
    olderIn(stored.mark, ours.mark) ||
    olderIn(stored.status, ours.status) ||
    olderIn(stored.priority, ours.priority) ||
    olderIn(stored.note, ours.note)
  )
    return true;
  const marks = new Map(ours.tags.map((m) => [m.k, m]));
  return stored.tags.some((m) => (marks.get(m.k)?.s ?? '') > m.s);
}

/** Records of the area that ours would correct. */
function corrections(shards: Record<string, SyncState>, state: SyncState): Set<RecordId> {
  const out = new Set<RecordId>();
  for (const s of Object.values(shards)) {
    for (const [id, e] of s.entries) if (stale(e, state.entries.get(id)!)) out.add(`p${id}`);
    for (const [k, t] of s.tags) {
      const o = state.tags.get(k)!;
      if (olderIn(t.name, o.name) || olderIn(t.color, o.color) || olderIn(t.live, o.live)) out.add(`t${k}`);
    }
    for (const [k, f] of s.follows) if (olderIn(f.state, state.follows.get(k)!.state)) out.add(`f${k}`);
    for (const [k, x] of s.settings) if (olderIn(x.value, state.settings.get(k)!.value)) out.add(`s${k}`);
  }
  return out;
}

/** Bytes an item takes in the stricter count (Firefox's: key and value quoted, colon and comma). */
const itemBytes = (key: string, value: unknown) =>
  typeof value === 'string' && /^[\x20-\x7e]*$/.test(value) && !/["\\<]/.test(value)
    ? strictItemBytes(key, value)
    : Math.max(chromiumItemBytes(key, value), utf8Length(key) + utf8Length(serdeJson(value))) + 4;

export interface PlanOptions extends PackOptions {
  /** The area's QUOTA_BYTES (the browser's constant; smaller in tests). */
  quota?: number;
}

export async function plan(local: SyncState, area: Record<string, unknown>, options: PlanOptions = {}): Promise<Plan> {
  const quota = options.quota ?? SYNC_LIMITS.QUOTA_BYTES;
  const found = await unpack(area);
  const state = merge(local, found.state);
  const others = Object.entries(area).filter(([k, v]) => shardIndex(k) === undefined && v !== undefined);
  const otherBytes = others.reduce((n, [k, v]) => n + itemBytes(k, v), 0);
  const budget = (options.budget ?? quota - RESERVE_BYTES) - otherBytes;
  const packed = await pack(state, { ...options, budget, force: corrections(found.shards, state) });
  const areaBytes = 1 + Object.entries(area).reduce((n, [k, v]) => (v === undefined ? n : n + itemBytes(k, v)), 0);
  const report = { ...packed.report, quota, areaBytes };
  if (found.newer) return { set: {}, remove: [], state, report, problems: found.problems, blocked: 'newer-format' };

  const set: Record<string, string> = {};
  for (const [key, content] of Object.entries(packed.contents)) {
    const stored = found.shards[key] ?? emptyState();
    if (!covers(stored, content)) set[key] = packed.items[key]!;
  }
  // When the area would pass the quota (copies others packed while there was room, arrivals
  // applied without the browser's check), shards that shrink go too, the most first, until the
  // area is back within the budget; a shard we hold nothing for is removed. Only
  // past the quota: below it, a device that knows fewer papers (and so packs more of the others)
  // must not be undone by one that knows more, and back and forth.
  const after = (keys: Record<string, string>, gone: string[]) =>
    1 + Object.entries({ ...area, ...keys }).reduce((n, [k, v]) => (v === undefined || gone.includes(k) ? n : n + itemBytes(k, v)), 0);
  const saving = (k: string) => itemBytes(k, area[k]) - (packed.items[k] === undefined ? 0 : strictItemBytes(k, packed.items[k]!));
  const shrinking = SHARD_KEYS.filter((k) => !(k in set) && area[k] !== undefined && saving(k) > 0).sort((a, b) => saving(b) - saving(a));
  const remove: string[] = [];
  const over = after(set, remove) > quota;
  while (over && after(set, remove) > budget + otherBytes && shrinking.length) {
    const k = shrinking.shift()!;
    if (packed.items[k] === undefined) remove.push(k);
    else set[k] = packed.items[k]!;
  }
  const blocked = (Object.keys(set).length || remove.length) && after(set, remove) > quota ? 'over-quota' : undefined;
  return { set: blocked ? {} : set, remove: blocked ? [] : remove, state, report, problems: found.problems, ...(blocked ? { blocked } : {}) };
}
