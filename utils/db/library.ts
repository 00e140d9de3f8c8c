/**
 * Every change to the user's own data: bookmarks, reading status, tags, notes, priority.
 * Each is one IndexedDB transaction and idempotent (it states the result wanted, never
 * "toggle"), so a worker stopped mid-way, or a request sent twice, leaves exactly one outcome.
 */
import Dexie from 'dexie';
import { newEntry, normalizeTag, tagKey, type Entry, type PaperFields, type Status, type Tag } from '../model';
import { refreshUnread } from './matches';
import { mergeStored } from './merge';
import type { ShelfDB } from './schema';

/** Eight colours a new tag gets one of, by its name (the user can change it). */
export const TAG_COLORS = ['#2563eb', '#059669', '#d97706', '#dc2626', '#7c3aed', '#0891b2', '#db2777', '#4b5563'];

export function defaultColor(key: string): string {
  let h = 0;
  for (const c of key) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return TAG_COLORS[h % TAG_COLORS.length]!;
}

/**
 * An entry's new `updatedAt`: now, and always later than its last one, so versions of one
 * entry are strictly ordered even within a millisecond (tabs apply only newer states; an
 * import keeps the newer change).
 */
export function bump(e: Entry, now: number): number {
  return Math.max(now, e.updatedAt + 1);
}

/** Reads entries, creating (in memory) the missing ones; the caller writes them back. */
async function entriesFor(db: ShelfDB, ids: string[], now: number): Promise<Entry[]> {
  const found = await db.entries.bulkGet(ids);
  return ids.map((id, i) => found[i] ?? newEntry(id, now));
}

export interface BookmarkChange {
  ids: string[];
  on: boolean;
  /** Bookmark date to restore (an undo puts a removed bookmark back where it was). */
  at?: number;
  /** What the page showed of papers the library may not know yet. */
  papers?: PaperFields[];
}

/**
 * Bookmarks or un-bookmarks papers. Un-bookmarking keeps the entry (tags, note, status) in
 * case the paper comes back. Returns the previous bookmark dates (for an undo) and each
 * paper's state with its version (`at`: the entry's updatedAt), for the tabs.
 */
export async function setBookmarks(db: ShelfDB, { ids, on, at, papers = [] }: BookmarkChange, now: number) {
  return db.transaction('rw', db.papers, db.entries, db.matches, async () => {
    if (on) {
      const given = new Map(papers.map((p) => [p.id, p]));
      const known = await db.papers.bulkGet(ids);
      const fresh = ids.flatMap((id, i) => (!known[i] || given.has(id) ? [mergeStored(known[i], given.get(id) ?? { id }, { at: now })] : []));
      if (fresh.length) await db.papers.bulkPut(fresh);
    }
    const entries = await entriesFor(db, ids, now);
    const before: Record<string, number | undefined> = {};
    const states: Record<string, { bookmarked: boolean; at: number; dismissed?: false }> = {};
    const undismissed: string[] = [];
    const changed = entries.flatMap((e) => {
      before[e.id] = e.bookmarkedAt;
      if (on === (e.bookmarkedAt !== undefined) && (at === undefined || at === e.bookmarkedAt)) {
        states[e.id] = { bookmarked: on, at: e.updatedAt };
        return [];
      }
      const next: Entry = { ...e, updatedAt: bump(e, now) };
      if (on) next.bookmarkedAt = at ?? e.bookmarkedAt ?? now;
      else delete next.bookmarkedAt;
      states[e.id] = { bookmarked: on, at: next.updatedAt };
      // Saved again, a paper is no longer "not interested": it is to read.
      if (on && e.status === 'dismissed') {
        Object.assign(next, { status: 'to-read', statusAt: now });
        states[e.id]!.dismissed = false;
        undismissed.push(e.id);
      }
      return [next];
    });
    if (changed.length) await db.entries.bulkPut(changed);
    if (undismissed.length) await refreshUnread(db, undismissed);
    return { before, states };
  });
}

/**
 * Sets the reading status. "Not interested" (`dismissed`) takes the papers off the reading list:
 * their bookmark goes, their tags and note stay. Returns the changed papers' states, for the tabs.
 */
export async function setStatus(db: ShelfDB, ids: string[], status: Status, now: number): Promise<Record<string, EntryState>> {
  return db.transaction('rw', db.entries, db.matches, async () => {
    const entries = await entriesFor(db, ids, now);
    const changed = entries.flatMap((e) => {
      if (e.status === status && (status !== 'dismissed' || e.bookmarkedAt === undefined)) return [];
      const next: Entry = { ...e, status, statusAt: e.status === status ? e.statusAt : now, updatedAt: bump(e, now) };
      if (status === 'dismissed') delete next.bookmarkedAt;
      return [next];
    });
    if (changed.length) await db.entries.bulkPut(changed);
    await refreshUnread(
      db,
      changed.map((e) => e.id),
    );
    return Object.fromEntries(changed.map((e) => [e.id, entryState(e)]));
  });
}

/** What a card shows of an entry: saved, dismissed, and the version of both. */
export interface EntryState {
  bookmarked: boolean;
  dismissed: boolean;
  at: number;
}

export function entryState(e: Entry | undefined): EntryState {
  return { bookmarked: e?.bookmarkedAt !== undefined, dismissed: e?.status === 'dismissed', at: e?.updatedAt ?? 0 };
}

export async function setPriority(db: ShelfDB, ids: string[], priority: number, now: number) {
  await db.transaction('rw', db.entries, async () => {
    const entries = await entriesFor(db, ids, now);
    const changed = entries.filter((e) => e.priority !== priority).map((e) => ({ ...e, priority, updatedAt: bump(e, now) }));
    if (changed.length) await db.entries.bulkPut(changed);
  });
}

export async function setNote(db: ShelfDB, id: string, note: string, now: number) {
  await db.transaction('rw', db.entries, async () => {
    const [entry] = await entriesFor(db, [id], now);
    if (entry!.note !== note) await db.entries.put({ ...entry!, note, updatedAt: bump(entry!, now) });
  });
}

/**
 * Tag names as the library spells them: trimmed, and case-insensitively the same tag as one
 * that exists ("ml" joins "ML"). New tags are created with a colour.
 */
export async function resolveTags(db: ShelfDB, names: string[], now: number): Promise<string[]> {
  const firstSpelling = new Map<string, string>();
  for (const n of names.map(normalizeTag)) if (n && !firstSpelling.has(n.toLowerCase())) firstSpelling.set(n.toLowerCase(), n);
  const wanted = [...firstSpelling.entries()];
  const known = await db.tags.bulkGet(wanted.map(([key]) => key));
  const created: Tag[] = [];
  const resolved = wanted.map(([key, name], i) => {
    if (known[i]) return known[i].name;
    created.push({ key, name, color: defaultColor(key), createdAt: now });
    return name;
  });
  if (created.length) await db.tags.bulkPut(created);
  return resolved;
}

export async function addTags(db: ShelfDB, ids: string[], names: string[], now: number): Promise<string[]> {
  return db.transaction('rw', db.entries, db.tags, async () => {
    const tags = await resolveTags(db, names, now);
    const entries = await entriesFor(db, ids, now);
    const changed = entries.flatMap((e) => {
      const have = new Set(e.tags.map((t) => t.toLowerCase()));
      const add = tags.filter((t) => !have.has(t.toLowerCase()));
      return add.length ? [{ ...e, tags: [...e.tags, ...add], updatedAt: bump(e, now) }] : [];
    });
    if (changed.length) await db.entries.bulkPut(changed);
    return tags;
  });
}

export async function removeTags(db: ShelfDB, ids: string[], names: string[], now: number) {
  const drop = new Set(names.map(tagKey));
  await db.transaction('rw', db.entries, async () => {
    const entries = (await db.entries.bulkGet(ids)).filter((e): e is Entry => !!e);
    const changed = entries.flatMap((e) => {
      const tags = e.tags.filter((t) => !drop.has(t.toLowerCase()));
      return tags.length !== e.tags.length ? [{ ...e, tags, updatedAt: bump(e, now) }] : [];
    });
    if (changed.length) await db.entries.bulkPut(changed);
  });
}

/**
 * Renames a tag on every paper. Renaming onto an existing tag merges the two (papers that had
 * both keep one); a change of case only respells it.
 */
export async function renameTag(db: ShelfDB, from: string, to: string, now: number) {
  const fromKey = tagKey(from);
  const name = normalizeTag(to);
  const toKey = name.toLowerCase();
  if (!fromKey || !toKey) return;
  await db.transaction('rw', db.entries, db.tags, async () => {
    const old = await db.tags.get(fromKey);
    if (!old) return;
    const target = await db.tags.get(toKey);
    const finalName = target && toKey !== fromKey ? target.name : name;
    const tagged = await db.entries.where('tags').anyOf(taggedAs(old.name, fromKey)).toArray();
    await db.entries.bulkPut(
      unique(tagged).map((e) => {
        const rest = e.tags.filter((t) => t.toLowerCase() !== fromKey && t.toLowerCase() !== toKey);
        return { ...e, tags: [...rest, finalName], updatedAt: bump(e, now) };
      }),
    );
    if (toKey !== fromKey) await db.tags.delete(fromKey);
    await db.tags.put(target && toKey !== fromKey ? target : { ...old, key: toKey, name: finalName });
  });
}

export async function deleteTag(db: ShelfDB, name: string, now: number) {
  const key = tagKey(name);
  await db.transaction('rw', db.entries, db.tags, async () => {
    const old = await db.tags.get(key);
    const tagged = await db.entries
      .where('tags')
      .anyOf(taggedAs(old?.name ?? name, key))
      .toArray();
    await db.entries.bulkPut(unique(tagged).map((e) => ({ ...e, tags: e.tags.filter((t) => t.toLowerCase() !== key), updatedAt: bump(e, now) })));
    await db.tags.delete(key);
  });
}

export async function setTagColor(db: ShelfDB, name: string, color: string) {
  await db.tags.update(tagKey(name), { color });
}

/** Tags are stored as spelled; an index lookup needs the spellings a tag may have. */
function taggedAs(name: string, key: string): string[] {
  return [...new Set([name, key, normalizeTag(name)])];
}

function unique(entries: Entry[]): Entry[] {
  return [...new Map(entries.map((e) => [e.id, e])).values()];
}

/** How many bookmarked papers are still to read (the toolbar badge). */
export function toReadCount(db: ShelfDB): Promise<number> {
  return db.entries.where('[status+bookmarkedAt]').between(['to-read', Dexie.minKey], ['to-read', Dexie.maxKey]).count();
}
