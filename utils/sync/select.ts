/**
 * What goes into sync first when not everything fits: the state as a ranked list of units, of
 * which the packer keeps the longest prefix that fits (pack.ts).
 *
 *   1. records the planner must correct (the stored copy is older than ours), whole
 *   2. settings, tags and follows (small, and every paper's tags need their names and colours)
 *   3. papers not read (to read, reading, and removed ones whose removal must spread), the most
 *      recently changed first
 *   4. read papers, the most recently changed first: the least recently changed read papers leave
 *      sync first
 *   5. notes, in the same order as their papers: notes sync as space allows
 *
 * Tombstones (a paper removed from the list, a tag removed from a paper, a deleted tag, an
 * unfollow) stay in sync for RETAIN_DAYS after the latest stamp of the state, then leave it: they
 * stay on the devices that have them, so a device that still has the removal corrects a stale
 * copy written by a device that was away longer (planner.ts), and the removal is undone only if
 * no device that remembers it is ever online again.
 *
 * A strict prefix of one order that all devices share (stamps and ids decide it) is what makes
 * devices agree: two devices that know the same records keep the same ones, and a device that
 * knows fewer keeps a prefix of the same list, so neither keeps rewriting what the other wrote.
 */
import { stampTime } from './hlc';
import { shardOfEntry, shardOfFollow, shardOfSetting, shardOfTag } from './shards';
import { followId, type SyncEntry, type SyncFollow, type SyncSetting, type SyncState, type SyncTag } from './types';

export const RETAIN_DAYS = 90;
const RETAIN = RETAIN_DAYS * 86_400;
/** A note longer than this (UTF-8 bytes) does not sync: it would crowd a shard on its own. */
export const MAX_NOTE_BYTES = 4_000;

export type Unit =
  | { kind: 'entry'; shard: number; entry: SyncEntry; id: string }
  | { kind: 'note'; shard: number; entry: SyncEntry; id: string }
  | { kind: 'tag'; shard: number; tag: SyncTag }
  | { kind: 'follow'; shard: number; follow: SyncFollow }
  | { kind: 'setting'; shard: number; setting: SyncSetting };

/** The identity of a record across kinds: `p2409.12345`, `trl`, `fauthor:yann lecun`, `sbadge`. */
export type RecordId = string;

const utf8 = new TextEncoder();

function lastStamp(e: SyncEntry): string {
  let s = '';
  for (const r of [e.mark, e.status, e.priority, e.note]) if (r && r.s > s) s = r.s;
  for (const m of e.tags) if (m.s > s) s = m.s;
  return s;
}

/** The latest stamp time of a state (seconds): tombstone retention counts from it. */
export function horizonOf(state: SyncState): number {
  let s = '';
  for (const e of state.entries.values()) {
    const x = lastStamp(e);
    if (x > s) s = x;
  }
  for (const t of state.tags.values()) for (const r of [t.name, t.color, t.live]) if (r && r.s > s) s = r.s;
  for (const f of state.follows.values()) if (f.state.s > s) s = f.state.s;
  for (const x of state.settings.values()) if (x.value.s > s) s = x.value.s;
  return s ? stampTime(s) : 0;
}

const cores = new WeakMap<SyncEntry, { cutoff: number; core: SyncEntry }>();

/**
 * A paper's record as it syncs: without its note (a unit of its own) and without expired tag
 * removals. The same object for the same record and cutoff, so that packing can reuse encodings.
 */
function core(e: SyncEntry, cutoff: number): SyncEntry {
  const known = cores.get(e);
  if (known?.cutoff === cutoff) return known.core;
  const made = makeCore(e, cutoff);
  cores.set(e, { cutoff, core: made });
  return made;
}

function makeCore(e: SyncEntry, cutoff: number): SyncEntry {
  const { note, ...rest } = e;
  const out: SyncEntry = { ...rest, tags: e.tags.filter((m) => m.on || stampTime(m.s) >= cutoff) };
  if (note && note.v === '') out.note = note;
  return out;
}

const fresh = (s: string | undefined, cutoff: number) => s !== undefined && stampTime(s) >= cutoff;

/**
 * The state's units in rank order. `force`: records to put first, whole (tombstones and notes
 * included), because the stored copy of them is older than ours.
 */
export function rankUnits(state: SyncState, horizon: number, force: ReadonlySet<RecordId> = new Set()): Unit[] {
  const cutoff = horizon - RETAIN;
  const first: Unit[] = [];
  const meta: Unit[] = [];
  for (const [k, setting] of state.settings) (force.has(`s${k}`) ? first : meta).push({ kind: 'setting', shard: shardOfSetting(k), setting });
  for (const [k, tag] of state.tags) {
    const unit: Unit = { kind: 'tag', shard: shardOfTag(k), tag };
    if (force.has(`t${k}`)) first.push(unit);
    else if (tag.live?.v !== false || fresh(tag.live?.s, cutoff)) meta.push(unit);
  }
  for (const [k, follow] of state.follows) {
    const unit: Unit = { kind: 'follow', shard: shardOfFollow(followId(follow.kind, follow.key)), follow };
    if (force.has(`f${k}`)) first.push(unit);
    else if (follow.state.v.on || fresh(follow.state.s, cutoff)) meta.push(unit);
  }
  const papers: { e: SyncEntry; last: string; read: boolean }[] = [];
  for (const [id, e] of state.entries) {
    if (force.has(`p${id}`)) {
      const { note, ...rest } = e;
      const long = note && utf8.encode(note.v).length > MAX_NOTE_BYTES;
      first.push({ kind: 'entry', shard: shardOfEntry(id), entry: long ? rest : e, id });
      continue;
    }
    const last = lastStamp(e);
    const listed = e.mark !== undefined && e.mark.v !== null;
    if (!listed && !fresh(last || undefined, cutoff)) continue;
    papers.push({ e, last, read: e.status?.v.status === 'read' });
  }
  papers.sort((a, b) => Number(a.read) - Number(b.read) || (a.last < b.last ? 1 : a.last > b.last ? -1 : a.e.id < b.e.id ? -1 : 1));
  const cores: Unit[] = papers.map(({ e }) => ({ kind: 'entry', shard: shardOfEntry(e.id), entry: core(e, cutoff), id: e.id }));
  const notes: Unit[] = papers
    .filter(({ e }) => e.note && e.note.v !== '' && utf8.encode(e.note.v).length <= MAX_NOTE_BYTES)
    .map(({ e }) => ({ kind: 'note', shard: shardOfEntry(e.id), entry: e, id: e.id }));
  return [...first, ...meta, ...cores, ...notes];
}
