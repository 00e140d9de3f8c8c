/**
 * Merging two copies of the synced data: per field, the later stamp wins; tags of a paper merge
 * per tag key; a tag's creation date is the earliest known. `merge` is commutative, associative
 * and idempotent (tests/unit/sync-merge.test.ts checks it on generated states), so devices that
 * have seen the same edits hold the same state whatever the order they saw them in.
 *
 * `covers(a, b)` says whether `a` already holds everything `b` does (merging `b` into `a` would
 * change nothing): the writer rewrites a stored shard only when the local state is not covered
 * by it.
 */
import type { Json, Reg, SyncEntry, SyncFollow, SyncSetting, SyncState, SyncTag, TagMark } from './types';

/** JSON with object keys sorted: equal values give equal strings. */
export function canon(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return `[${v.map(canon).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canon(o[k])}`)
    .join(',')}}`;
}

/** Whether two values are the same data (cheap for the values registers hold: primitives, status objects). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  const flat = (o: object, keys: string[]) => keys.every((k) => typeof (o as Record<string, unknown>)[k] !== 'object');
  if (ka.length === kb.length && flat(a, ka) && flat(b, kb))
    return ka.every((k) => (a as Record<string, unknown>)[k] === (b as Record<string, unknown>)[k]);
  return canon(a) === canon(b);
}

/** The winner of two registers: the later stamp; equal stamps (never issued twice by one clock) by value, for determinism. */
export function winner<T>(a: Reg<T>, b: Reg<T>): Reg<T> {
  if (a.s !== b.s) return a.s > b.s ? a : b;
  return sameValue(a.v, b.v) || canon(a.v) >= canon(b.v) ? a : b;
}

export function mergeReg<T>(a: Reg<T> | undefined, b: Reg<T> | undefined): Reg<T> | undefined {
  return a === undefined ? b : b === undefined ? a : winner(a, b);
}

function regCovers<T>(a: Reg<T> | undefined, b: Reg<T> | undefined): boolean {
  if (b === undefined) return true;
  if (a === undefined) return false;
  return a.s > b.s || (a.s === b.s && (sameValue(a.v, b.v) || canon(a.v) >= canon(b.v)));
}

function mergeMarks(a: TagMark[], b: TagMark[]): TagMark[] {
  if (a === b) return a;
  const out: TagMark[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    if (y === undefined || (x !== undefined && x.k < y.k)) {
      out.push(x!);
      i++;
    } else if (x === undefined || y.k < x.k) {
      out.push(y);
      j++;
    } else {
      const w = winner({ v: x.on, s: x.s }, { v: y.on, s: y.s });
      out.push(w.s === x.s && w.v === x.on ? x : y);
      i++;
      j++;
    }
  }
  return out.length === a.length && out.every((m, n) => m === a[n]) ? a : out;
}

/** An entry without the registers that are undefined (so equal entries are deep-equal). */
function tidy<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}

/** A merged record is `a` itself when b added nothing: records keep their identity (packing caches by it). */
function keep<T extends object>(a: T, merged: T): T {
  return (Object.keys(merged) as (keyof T)[]).every((k) => merged[k] === a[k]) && Object.keys(a).length === Object.keys(merged).length ? a : merged;
}

/** Two copies of a record merged field by field (`fields`), keeping `a` itself when `b` added nothing. */
function combine<T extends object>(a: T, b: T, fields: (a: T, b: T) => T): T {
  return a === b ? a : keep(a, tidy(fields(a, b)));
}

export const mergeEntry = (a: SyncEntry, b: SyncEntry): SyncEntry =>
  combine(a, b, (a, b) => ({
    id: a.id,
    mark: mergeReg(a.mark, b.mark),
    status: mergeReg(a.status, b.status),
    priority: mergeReg(a.priority, b.priority),
    note: mergeReg(a.note, b.note),
    tags: mergeMarks(a.tags, b.tags),
  }));

export const mergeTag = (a: SyncTag, b: SyncTag): SyncTag =>
  combine(a, b, (a, b) => ({
    key: a.key,
    name: mergeReg(a.name, b.name),
    color: mergeReg(a.color, b.color),
    live: mergeReg(a.live, b.live),
    createdAt: Math.min(a.createdAt, b.createdAt),
  }));

export const mergeFollow = (a: SyncFollow, b: SyncFollow): SyncFollow => (winner(a.state, b.state) === a.state ? a : b);

export const mergeSetting = (a: SyncSetting, b: SyncSetting): SyncSetting => (winner<Json>(a.value, b.value) === a.value ? a : b);

function mergeMaps<T>(a: Map<string, T>, b: Map<string, T>, f: (x: T, y: T) => T): Map<string, T> {
  const out = new Map(a);
  for (const [k, y] of b) {
    const x = out.get(k);
    out.set(k, x === undefined ? y : f(x, y));
  }
  return out;
}

/** Many states merged in one pass (the shards of an area). */
export function mergeAll(states: SyncState[]): SyncState {
  const out: SyncState = { entries: new Map(), tags: new Map(), follows: new Map(), settings: new Map() };
  const into = <T>(to: Map<string, T>, from: Map<string, T>, f: (x: T, y: T) => T) => {
    for (const [k, y] of from) {
      const x = to.get(k);
      to.set(k, x === undefined ? y : f(x, y));
    }
  };
  for (const s of states) {
    into(out.entries, s.entries, mergeEntry);
    into(out.tags, s.tags, mergeTag);
    into(out.follows, s.follows, mergeFollow);
    into(out.settings, s.settings, mergeSetting);
  }
  return out;
}

export function merge(a: SyncState, b: SyncState): SyncState {
  return {
    entries: mergeMaps(a.entries, b.entries, mergeEntry),
    tags: mergeMaps(a.tags, b.tags, mergeTag),
    follows: mergeMaps(a.follows, b.follows, mergeFollow),
    settings: mergeMaps(a.settings, b.settings, mergeSetting),
  };
}

export function entryCovers(found: SyncEntry | undefined, b: SyncEntry): boolean {
  const a = found ?? { id: b.id, tags: [] };
  if (!regCovers(a.mark, b.mark) || !regCovers(a.status, b.status) || !regCovers(a.priority, b.priority) || !regCovers(a.note, b.note)) return false;
  const marks = new Map(a.tags.map((m) => [m.k, m]));
  return b.tags.every((m) => {
    const x = marks.get(m.k);
    return !!x && regCovers({ v: x.on, s: x.s }, { v: m.on, s: m.s });
  });
}

export function tagCovers(a: SyncTag | undefined, b: SyncTag): boolean {
  return !!a && a.createdAt <= b.createdAt && regCovers(a.name, b.name) && regCovers(a.color, b.color) && regCovers(a.live, b.live);
}

export const followCovers = (a: SyncFollow | undefined, b: SyncFollow) => !!a && regCovers(a.state, b.state);
export const settingCovers = (a: SyncSetting | undefined, b: SyncSetting) => !!a && regCovers(a.value, b.value);

/** Whether `a` holds everything `b` holds. */
export function covers(a: SyncState, b: SyncState): boolean {
  for (const [id, e] of b.entries) if (!entryCovers(a.entries.get(id), e)) return false;
  for (const [k, t] of b.tags) if (!tagCovers(a.tags.get(k), t)) return false;
  for (const [k, f] of b.follows) if (!followCovers(a.follows.get(k), f)) return false;
  for (const [k, s] of b.settings) if (!settingCovers(a.settings.get(k), s)) return false;
  return true;
}

/** Two states hold the same data. */
export const sameState = (a: SyncState, b: SyncState) => covers(a, b) && covers(b, a);
