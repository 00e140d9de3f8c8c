/** What the shard writer and reader share: the format's tables and the canonical order of records. */
import { STATUSES } from '../model';
import type { Stamp } from './hlc';
import { paperNumber } from './paper-number';
import { FOLLOW_KINDS, type SyncEntry, type SyncFollow, type SyncSetting, type SyncState, type SyncTag } from './types';

/** The first character of every shard value; a reader refuses other formats (a newer version wrote them). */
export const FORMAT = '1';

export const COLOR_RE = /^#[0-9a-f]{6}$/;

export const STATUS_INDEX = Object.fromEntries(STATUSES.map((s, i) => [s, i])) as Record<(typeof STATUSES)[number], number>;
export const FOLLOW_KIND_INDEX = Object.fromEntries(FOLLOW_KINDS.map((s, i) => [s, i])) as Record<(typeof FOLLOW_KINDS)[number], number>;

type AnyRecord = SyncEntry | SyncTag | SyncFollow | SyncSetting;

const known = new WeakMap<AnyRecord, Stamp[]>();

/** The distinct stamps of a record, in order (records are never changed in place, so this is kept). */
export function stampsOf(r: AnyRecord): Stamp[] {
  let out = known.get(r);
  if (!out) {
    out = distinctStamps(r);
    known.set(r, out);
  }
  return out;
}

function distinctStamps(r: AnyRecord): Stamp[] {
  const out: Stamp[] = [];
  if ('id' in r) {
    for (const x of [r.mark, r.status, r.priority, r.note]) if (x) out.push(x.s);
    for (const m of r.tags) out.push(m.s);
  } else if ('createdAt' in r) {
    for (const x of [r.name, r.color, r.live]) if (x) out.push(x.s);
  } else if ('state' in r) out.push(r.state.s);
  else out.push(r.value.s);
  return [...new Set(out)].sort();
}

const byKey = <T>(m: Map<string, T>) => [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);

/** A state's records in the order they are written, with the devices and tag keys they name. */
export function sortedState(state: SyncState) {
  const entries = [...state.entries.values()].map((e) => ({ e, n: paperNumber(e.id) })).sort((a, b) => a.n - b.n);
  const tags = byKey(state.tags);
  const follows = byKey(state.follows);
  const settings = byKey(state.settings);
  const devices = new Set<string>();
  const tagKeys = new Set<string>();
  for (const { e } of entries) {
    for (const s of stampsOf(e)) devices.add(s.slice(10));
    for (const m of e.tags) tagKeys.add(m.k);
  }
  for (const r of [...tags, ...follows, ...settings]) for (const s of stampsOf(r)) devices.add(s.slice(10));
  return {
    entries: entries.map(({ e }) => e),
    tags,
    follows,
    settings,
    devices: [...devices].sort(),
    tagKeys: [...tagKeys].sort(),
  };
}
