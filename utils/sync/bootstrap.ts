/**
 * Records for a library that existed before sync, so that the first sync of it merges with what
 * other devices hold instead of replacing it (or being replaced).
 *
 * Each field is stamped at the moment the library knows it happened, on this device: the bookmark
 * at its date, the status at its date, other fields (priority, note, each tag) at the entry's last
 * change; a paper removed from the list at its last change. Defaults (priority 0, no note) get no
 * stamp, so they never win over a value another device has. Two libraries that both have a paper
 * thus merge field by field, the later change winning, and tags as the union of both. A paper
 * one library removed and the other still lists ends the way the later of the two left it, as the
 * JSON import decides. Settings are stamped at 1970: any setting changed since wins over them.
 */
import { type Entry, type Tag, tagKey } from '../model';
import { legacyStamp } from './hlc';
import { emptyState, type Json, type SyncEntry, type SyncState, toSyncTime } from './types';

export function bootstrapEntry(entry: Entry, device: string): SyncEntry {
  const last = legacyStamp(entry.updatedAt, device);
  const record: SyncEntry = {
    id: entry.id,
    mark: entry.bookmarkedAt === undefined ? { v: null, s: last } : { v: toSyncTime(entry.bookmarkedAt), s: legacyStamp(entry.bookmarkedAt, device) },
    status: { v: { status: entry.status, at: toSyncTime(entry.statusAt) }, s: legacyStamp(entry.statusAt, device) },
    tags: [...new Set(entry.tags.map(tagKey).filter(Boolean))].sort().map((k) => ({ k, on: true, s: last })),
  };
  if (entry.priority) record.priority = { v: entry.priority, s: last };
  if (entry.note) record.note = { v: entry.note, s: last };
  return record;
}

export function bootstrapState(library: { entries: Entry[]; tags: Tag[]; settings?: Record<string, Json> }, device: string): SyncState {
  const state = emptyState();
  for (const e of library.entries) state.entries.set(e.id, bootstrapEntry(e, device));
  for (const t of library.tags) {
    const s = legacyStamp(t.createdAt, device);
    state.tags.set(t.key, {
      key: t.key,
      createdAt: toSyncTime(t.createdAt),
      live: { v: true, s },
      name: { v: t.name, s },
      ...(t.color !== undefined ? { color: { v: t.color, s } } : {}),
    });
  }
  const epoch = legacyStamp(0, device);
  for (const [key, v] of Object.entries(library.settings ?? {})) if (v !== undefined) state.settings.set(key, { key, value: { v, s: epoch } });
  return state;
}
