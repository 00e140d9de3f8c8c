/**
 * Tags (name and colour), follows and settings and their synced records, both ways; the same
 * rule as entry-convert.ts: a local edit stamps the fields that differ from the record.
 *
 * A deleted tag keeps a record with `live` false (a tombstone), so an old copy cannot bring it
 * back. A tag that a paper still carries after a merge (another device added it to a paper while
 * this one deleted the tag) comes back as a tag: both edits are kept, the paper is not silently
 * untagged.
 */
import type { Tag } from '../model';
import { stampTime, type Stamp } from './hlc';
import { canon } from './merge';
import { type FollowKind, followKey, type Json, type SyncFollow, type SyncSetting, type SyncTag, toSyncTime } from './types';

/** A tag's record after a local edit; `tag` undefined: the tag was deleted. Same object when nothing changed. */
export function stampTag(prev: SyncTag | undefined, key: string, tag: Tag | undefined, stamp: Stamp): SyncTag {
  if (!tag) {
    if (!prev || prev.live?.v === false) return prev ?? { key, createdAt: stampTime(stamp) * 1000, live: { v: false, s: stamp } };
    return { ...prev, live: { v: false, s: stamp } };
  }
  const createdAt = toSyncTime(tag.createdAt);
  const next: SyncTag = { ...(prev ?? { key }), createdAt: Math.min(prev?.createdAt ?? createdAt, createdAt) };
  let changed = !prev || next.createdAt !== prev.createdAt;
  if (prev?.live?.v !== true) {
    next.live = { v: true, s: stamp };
    changed = true;
  }
  // A tag made here only because a synced paper carries it (tagUpdates: its key as name, created at 0)
  // has no name of its own yet: stamping it would outrank the name its record brings later.
  const placeholder = !prev?.name && tag.createdAt === 0 && tag.name === key;
  if (!placeholder && tag.name !== prev?.name?.v) {
    next.name = { v: tag.name, s: stamp };
    changed = true;
  }
  if (tag.color !== undefined && tag.color !== prev?.color?.v) {
    next.color = { v: tag.color, s: stamp };
    changed = true;
  }
  return changed ? next : prev!;
}

/**
 * The tag a record stands for: undefined when deleted and no paper carries it. `local` keeps its
 * creation milliseconds when in the same second.
 */
export function tagFromSync(record: SyncTag, carried: boolean, local: Tag | undefined): Tag | undefined {
  if (record.live?.v === false && !carried) return undefined;
  const tag: Tag = {
    key: record.key,
    name: record.name?.v ?? local?.name ?? record.key,
    createdAt: local && toSyncTime(local.createdAt) === record.createdAt ? local.createdAt : record.createdAt,
  };
  const color = record.color?.v ?? local?.color;
  if (color !== undefined) tag.color = color;
  return tag;
}

/** An author, organisation or keyword followed (the shape the library will keep them in). */
export interface Follow {
  kind: FollowKind;
  value: string;
  addedAt: number;
}

/** A follow's record after a local edit; `follow` undefined: unfollowed. */
export function stampFollow(prev: SyncFollow | undefined, kind: FollowKind, value: string, follow: Follow | undefined, stamp: Stamp): SyncFollow {
  const key = followKey(value);
  if (!follow) {
    if (prev && !prev.state.v.on) return prev;
    return { kind, key, state: { v: { on: false, value: prev?.state.v.value ?? value, at: stampTime(stamp) * 1000 }, s: stamp } };
  }
  const v = { on: true, value: follow.value, at: toSyncTime(follow.addedAt) };
  if (prev && canon(prev.state.v) === canon(v)) return prev;
  return { kind, key: followKey(follow.value), state: { v, s: stamp } };
}

export function followFromSync(record: SyncFollow): Follow | undefined {
  return record.state.v.on ? { kind: record.kind, value: record.state.v.value, addedAt: record.state.v.at } : undefined;
}

/** Setting records after a local change of some settings; unchanged ones are left out. */
export function stampSettings(prev: ReadonlyMap<string, SyncSetting>, next: Record<string, Json>, stamp: Stamp): SyncSetting[] {
  return Object.entries(next)
    .filter(([k, v]) => v !== undefined && canon(prev.get(k)?.value.v) !== canon(v))
    .map(([key, v]) => ({ key, value: { v, s: stamp } }));
}

/** The settings the records hold. */
export function settingsFromSync(records: Iterable<SyncSetting>): Record<string, Json> {
  const out: Record<string, Json> = Object.create(null);
  for (const r of records) out[r.key] = r.value.v;
  return out;
}

/**
 * The tags to store or delete after a merge brought news: those whose record changed, and those
 * whose papers changed (a deleted tag stays while a paper carries it, and goes when the last one
 * drops it, whichever arrives first). `local(key)`: the tag the library has now.
 */
export function tagUpdates(
  state: { entries: ReadonlyMap<string, { tags: { k: string; on: boolean }[] }>; tags: ReadonlyMap<string, SyncTag> },
  news: { entries: string[]; tags: string[] },
  local: (key: string) => Tag | undefined,
): { put: Tag[]; remove: string[] } {
  const keys = new Set(news.tags);
  for (const id of news.entries) for (const m of state.entries.get(id)?.tags ?? []) keys.add(m.k);
  const carried = new Set<string>();
  for (const e of state.entries.values()) for (const m of e.tags) if (m.on && keys.has(m.k)) carried.add(m.k);
  const put: Tag[] = [];
  const remove: string[] = [];
  for (const k of keys) {
    const record = state.tags.get(k);
    const mine = local(k);
    const tag = record ? tagFromSync(record, carried.has(k), mine) : carried.has(k) && !mine ? { key: k, name: k, createdAt: 0 } : mine;
    if (tag) {
      if (!mine || canon(mine) !== canon(tag)) put.push(tag);
    } else if (mine) remove.push(k);
  }
  return { put, remove };
}
