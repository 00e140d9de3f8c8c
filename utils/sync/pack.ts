/**
 * The state as storage.sync items, within a byte budget, and a report of what syncs.
 *
 * `pack(state, options)` ranks the state's units (select.ts) and keeps the longest prefix whose
 * shards, encoded, take at most `budget` bytes in all (Firefox's count, the stricter) and at most
 * `itemLimit` each. It is deterministic: the same state and options give the same items on every
 * device. A shard is encoded once per content (records are values: the cache knows them by
 * identity), so packing again after an edit re-encodes the shards that changed, and the search
 * for the cut, near its first guess, re-encodes the few shards whose share of the prefix moves.
 *
 * The report says what the library page shows ("4,812 of 5,230 papers · 97 KB of 100 KB") and
 * which papers and notes were left out.
 */
import { SYNC_LIMITS, strictItemBytes } from './quota';
import { horizonOf, rankUnits, type RecordId, type Unit } from './select';
import { encodeShard } from './shard-write';
import { SHARDS, shardKey } from './shards';
import { emptyState, followId, type SyncState } from './types';

/** Room kept free under the quota for what other devices add before they see our items. */
export const RESERVE_BYTES = 2_048;

export interface PackOptions {
  /** Bytes the items may take in all (default QUOTA_BYTES − RESERVE_BYTES). */
  budget?: number;
  /** Bytes one item may take, key included (default QUOTA_BYTES_PER_ITEM). */
  itemLimit?: number;
  /** Seconds from which tombstone retention counts (default: the state's latest stamp). */
  horizon?: number;
  /** Records to include whole, first: those whose stored copy is older than ours. */
  force?: ReadonlySet<RecordId>;
  compress?: boolean;
}

export interface SyncReport {
  /** Papers in the reading list that sync, and in all. */
  synced: number;
  total: number;
  /** Notes that sync, and notes in all. */
  notesSynced: number;
  notesTotal: number;
  /** Bytes of the items (the stricter count), and the quota. */
  bytes: number;
  quota: number;
  /** Papers in the reading list left out of sync for space (they stay on this device), least important last. */
  leftOut: string[];
  /** Papers whose note was left out. */
  notesLeftOut: string[];
}

export interface Packed {
  /** Every shard's value, by key; shards with nothing in them are left out. */
  items: Record<string, string>;
  /** Each packed shard's records (what the items hold), by key. */
  contents: Record<string, SyncState>;
  report: SyncReport;
}

/** Encodings of recent shard contents, by the identity of the records in them (records never change in place). */
const encoded = new Map<string, string>();
const ENCODED = 4_096;
const ids = new WeakMap<object, number>();
let nextId = 0;
const idOf = (o: object) => {
  let id = ids.get(o);
  if (id === undefined) {
    id = nextId++;
    ids.set(o, id);
  }
  return id;
};
const recordOf = (u: Unit): object =>
  u.kind === 'entry' || u.kind === 'note' ? u.entry : u.kind === 'tag' ? u.tag : u.kind === 'follow' ? u.follow : u.setting;

async function encodeUnits(units: Unit[], compress: boolean | undefined): Promise<string> {
  const key = `${compress === false ? 0 : 1}${units.map((u) => u.kind[0]! + idOf(recordOf(u))).join(',')}`;
  let v = encoded.get(key);
  if (v === undefined) {
    v = await encodeShard(shardState(units), { compress });
    if (encoded.size >= ENCODED) encoded.delete(encoded.keys().next().value!);
    encoded.set(key, v);
  }
  return v;
}

function shardState(units: Unit[]): SyncState {
  const s = emptyState();
  for (const u of units) {
    if (u.kind === 'entry') s.entries.set(u.id, u.entry);
    else if (u.kind === 'note') {
      const e = s.entries.get(u.id);
      if (e && u.entry.note) s.entries.set(u.id, { ...e, note: u.entry.note });
    } else if (u.kind === 'tag') s.tags.set(u.tag.key, u.tag);
    else if (u.kind === 'follow') s.follows.set(followId(u.follow.kind, u.follow.key), u.follow);
    else s.settings.set(u.setting.key, u.setting);
  }
  return s;
}

export async function pack(state: SyncState, options: PackOptions = {}): Promise<Packed> {
  const budget = options.budget ?? SYNC_LIMITS.QUOTA_BYTES - RESERVE_BYTES;
  const itemLimit = options.itemLimit ?? SYNC_LIMITS.QUOTA_BYTES_PER_ITEM;
  const units = rankUnits(state, options.horizon ?? horizonOf(state), options.force);
  const byShard: Unit[][] = Array.from({ length: SHARDS }, () => []);
  /** position of each unit within its shard's list */
  const slot = units.map((u) => byShard[u.shard]!.push(u));
  const cache = new Map<string, string>();

  const layout = async (k: number) => {
    const counts = new Array<number>(SHARDS).fill(0);
    for (let i = 0; i < k; i++) counts[units[i]!.shard] = slot[i]!;
    const values: (string | undefined)[] = [];
    let total = 1;
    let fits = true;
    for (let s = 0; s < SHARDS; s++) {
      const n = counts[s]!;
      if (n === 0) {
        values.push(undefined);
        continue;
      }
      const id = `${s}:${n}`;
      let v = cache.get(id);
      if (v === undefined) {
        v = await encodeUnits(byShard[s]!.slice(0, n), options.compress);
        cache.set(id, v);
      }
      values.push(v);
      const bytes = strictItemBytes(shardKey(s), v);
      total += bytes;
      if (bytes - 4 > itemLimit) fits = false;
    }
    return { values, counts, total, fits: fits && total <= budget };
  };

  let best = await layout(units.length);
  if (!best.fits) {
    // The longest prefix that fits. A guess by proportion, then steps that double from it, then
    // halving: near the guess a step changes few shards, and the others' encodings are reused.
    const n = units.length;
    const tries = new Map<number, Awaited<ReturnType<typeof layout>>>();
    const fits = async (k: number) => {
      let l = tries.get(k);
      if (!l) {
        l = await layout(k);
        tries.set(k, l);
      }
      return l.fits;
    };
    const guess = Math.max(0, Math.min(n - 1, Math.floor((n * budget) / best.total)));
    let lo: number;
    let hi: number;
    let step = 8;
    if (await fits(guess)) {
      lo = guess;
      while (lo + step < n && (await fits(lo + step))) {
        lo += step;
        step *= 2;
      }
      hi = Math.min(n, lo + step);
    } else {
      hi = guess;
      while (hi - step > 0 && !(await fits(hi - step))) {
        hi -= step;
        step *= 2;
      }
      lo = Math.max(0, hi - step);
    }
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (await fits(mid)) lo = mid;
      else hi = mid;
    }
    best = tries.get(lo) ?? (await layout(lo));
  }
  return finish(state, units, byShard, best, budget);
}

function finish(
  state: SyncState,
  units: Unit[],
  byShard: Unit[][],
  best: { values: (string | undefined)[]; counts: number[]; total: number },
  _budget: number,
): Packed {
  const items: Record<string, string> = {};
  const contents: Record<string, SyncState> = {};
  const inCore = new Set<string>();
  const inNote = new Set<string>();
  for (let s = 0; s < SHARDS; s++) {
    const v = best.values[s];
    if (v === undefined) continue;
    items[shardKey(s)] = v;
    const included = byShard[s]!.slice(0, best.counts[s]);
    contents[shardKey(s)] = shardState(included);
    for (const u of included) {
      if (u.kind === 'entry') {
        inCore.add(u.id);
        if (u.entry.note && u.entry.note.v !== '') inNote.add(u.id);
      } else if (u.kind === 'note') inNote.add(u.id);
    }
  }
  const listed = [...state.entries.values()].filter((e) => e.mark?.v != null);
  const rank = new Map(units.map((u, i) => [u.kind === 'entry' || u.kind === 'note' ? `${u.kind}${u.id}` : '', i]));
  const order = (kind: string) => (a: string, b: string) => (rank.get(kind + a) ?? 1e9) - (rank.get(kind + b) ?? 1e9);
  const withNotes = [...state.entries.values()].filter((e) => e.note && e.note.v !== '');
  return {
    items,
    contents,
    report: {
      synced: listed.filter((e) => inCore.has(e.id)).length,
      total: listed.length,
      notesSynced: withNotes.filter((e) => inNote.has(e.id)).length,
      notesTotal: withNotes.length,
      bytes: best.total,
      quota: SYNC_LIMITS.QUOTA_BYTES,
      leftOut: listed
        .filter((e) => !inCore.has(e.id))
        .map((e) => e.id)
        .sort(order('entry')),
      notesLeftOut: withNotes
        .filter((e) => !inNote.has(e.id))
        .map((e) => e.id)
        .sort(order('note')),
    },
  };
}
