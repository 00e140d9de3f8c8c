/**
 * A library entry (utils/model.ts) and its synced record, both ways.
 *
 * `stampEntry(prev, entry, stamp)` records a local edit: after any change to an entry, the
 * background passes the record it kept beside the entry and the entry as it is now, with a fresh
 * stamp (hlc.ts `tick`); every field whose value differs from the record's gets that stamp. It
 * never needs to know which operation ran (bookmark, status, tags, a rename of a tag, an import).
 * A field the record does not know yet counts as its default (not bookmarked, to read, priority 0,
 * no note, no tag), so a default value is never stamped over an unknown one: tagging a paper this
 * device has not synced yet cannot reset its status elsewhere.
 *
 * `entryFromSync(record, names, local)` gives the entry to store after a merge brought news.
 * Dates sync in whole seconds: a local date in the same second is kept as it is, so a merge does
 * not rewrite every entry's milliseconds.
 */
import { type Entry, newEntry, tagKey } from '../model';
import type { Stamp } from './hlc';
import { canon } from './merge';
import { type SyncEntry, type TagMark, toSyncTime } from './types';

const sameSecond = (ms: number | undefined, s: number) => ms !== undefined && toSyncTime(ms) === s;

/** The entry's synced record after a local edit (the same object when nothing synced changed). */
export function stampEntry(prev: SyncEntry | undefined, entry: Entry, stamp: Stamp): SyncEntry {
  const next: SyncEntry = prev ? { ...prev } : { id: entry.id, tags: [] };
  let changed = false;
  const mark = entry.bookmarkedAt === undefined ? null : toSyncTime(entry.bookmarkedAt);
  if (mark !== (prev?.mark?.v ?? null)) {
    next.mark = { v: mark, s: stamp };
    changed = true;
  }
  const status = { status: entry.status, at: toSyncTime(entry.statusAt) };
  if (prev?.status ? canon(prev.status.v) !== canon(status) : status.status !== 'to-read') {
    next.status = { v: status, s: stamp };
    changed = true;
  }
  if (entry.priority !== (prev?.priority?.v ?? 0)) {
    next.priority = { v: entry.priority, s: stamp };
    changed = true;
  }
  if (entry.note !== (prev?.note?.v ?? '')) {
    next.note = { v: entry.note, s: stamp };
    changed = true;
  }
  const want = new Set(entry.tags.map(tagKey).filter(Boolean));
  const marks = new Map((prev?.tags ?? []).map((m) => [m.k, m]));
  for (const k of want) {
    if (marks.get(k)?.on) continue;
    marks.set(k, { k, on: true, s: stamp });
    changed = true;
  }
  for (const [k, m] of marks) {
    if (!m.on || want.has(k)) continue;
    marks.set(k, { k, on: false, s: stamp });
    changed = true;
  }
  if (!changed) return prev ?? next;
  next.tags = [...marks.values()].sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0));
  return next;
}

/** Tag names to show for the keys of a paper: the local order kept, new tags after it. */
function tagNames(marks: TagMark[], names: (key: string) => string, local: string[]): string[] {
  const on = new Set(marks.filter((m) => m.on).map((m) => m.k));
  const kept = local.filter((n) => on.delete(tagKey(n))).map((n) => names(tagKey(n)));
  return [...kept, ...[...on].map(names)];
}

/**
 * The entry a synced record stands for, given the local one (if any) and the tag names to use
 * (`names(key)`: the tag's name, or the key itself). `updatedAt` is the new entry's version.
 * Returns `local` itself when nothing the record says differs from it.
 */
export function entryFromSync(record: SyncEntry, names: (key: string) => string, local: Entry | undefined, updatedAt: number): Entry {
  const base = local ?? newEntry(record.id, record.mark?.v ?? updatedAt);
  const next: Entry = { ...base };
  if (record.mark) {
    if (record.mark.v === null) delete next.bookmarkedAt;
    else if (!sameSecond(base.bookmarkedAt, record.mark.v)) next.bookmarkedAt = record.mark.v;
  }
  if (record.status) {
    next.status = record.status.v.status;
    if (!sameSecond(base.statusAt, record.status.v.at)) next.statusAt = record.status.v.at;
  } else if (!local && next.bookmarkedAt !== undefined) next.statusAt = next.bookmarkedAt;
  if (record.priority) next.priority = record.priority.v;
  if (record.note) next.note = record.note.v;
  next.tags = tagNames(record.tags, names, base.tags);
  const same =
    local &&
    local.bookmarkedAt === next.bookmarkedAt &&
    local.status === next.status &&
    local.statusAt === next.statusAt &&
    local.priority === next.priority &&
    local.note === next.note &&
    local.tags.length === next.tags.length &&
    local.tags.every((t, i) => t === next.tags[i]);
  return same ? local : { ...next, updatedAt: Math.max(updatedAt, (local?.updatedAt ?? 0) + 1) };
}
