/**
 * How an imported record meets the library's: merge, never clobber. Per paper the newer change
 * wins, tags are the union of both, nothing known is erased (utils/db/import.ts runs these in
 * its transactions).
 */
import type { ListedPaper } from '../import/types';
import { newEntry, normalizeTag, type Entry, type Paper, type PaperFields } from '../model';
import { mergeStored } from './merge';

/** Equal records, whatever the order of their keys. */
export function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object' || Array.isArray(a) !== Array.isArray(b)) return false;
  // `rev` is the database's bookkeeping (rev.ts), not part of a record.
  const ka = Object.keys(a).filter((k) => k !== 'rev' && (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => k !== 'rev' && (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** Tags of both, each once regardless of case, in the order first seen (the winner's first). */
export function unionTags(first: string[], second: string[]): string[] {
  const out = new Map<string, string>();
  for (const t of [...first, ...second]) {
    const name = normalizeTag(t);
    if (name && !out.has(name.toLowerCase())) out.set(name.toLowerCase(), name);
  }
  return [...out.values()];
}

/** Two records of one paper: the more recently seen one's values win, the other fills gaps. */
export function mergePapers(local: Paper, incoming: Paper): Paper {
  const [older, newer] = incoming.lastSeenAt > local.lastSeenAt ? [local, incoming] : [incoming, local];
  const defined = Object.fromEntries(Object.entries(newer).filter(([, v]) => v !== undefined));
  const merged = mergeStored(older, defined as PaperFields, { at: newer.lastSeenAt, url: newer.lastSeenUrl });
  // Where it was first seen, and that listing's day, come from the earlier sighting.
  const [first, later] = incoming.firstSeenAt < local.firstSeenAt ? [incoming, local] : [local, incoming];
  merged.firstSeenAt = first.firstSeenAt;
  if (first.firstSeenUrl) merged.firstSeenUrl = first.firstSeenUrl;
  else delete merged.firstSeenUrl;
  const day = first.listingDate ?? later.listingDate;
  if (day) merged.listingDate = day;
  else delete merged.listingDate;
  const fetched = Math.max(local.fetchedAt ?? 0, incoming.fetchedAt ?? 0);
  if (fetched) merged.fetchedAt = fetched;
  return merged;
}

/** Two entries of one paper: the newer change wins whole, but tags are the union of both. */
export function mergeEntries(local: Entry, incoming: Entry, now: number): Entry {
  const newer = incoming.updatedAt > local.updatedAt ? incoming : local;
  const older = newer === incoming ? local : incoming;
  const tags = unionTags(newer.tags, older.tags);
  if (tags.length === newer.tags.length) return newer;
  // A true merge: newer than both, so every tab and a later import take it.
  return { ...newer, tags, updatedAt: Math.max(now, local.updatedAt + 1, incoming.updatedAt + 1) };
}

/**
 * What a listed paper asks. A whole entry (the extension's own CSV) merges as a backup's does;
 * `null` (a paper the CSV says was only seen) leaves the library's entry as it is. Otherwise the
 * paper is saved, its tags added, and its note, priority and status (for a new entry) taken
 * where the library has none; a file's added date (PaperMemory's) stands for the bookmark's.
 */
export function listedEntry(local: Entry | undefined, item: ListedPaper, now: number): Entry | undefined {
  if (item.entry === null) return local;
  if (item.entry) return local ? mergeEntries(local, editedOutside(local, item.entry, now), now) : { ...item.entry };
  const base = local ?? { ...newEntry(item.paper.id, now), ...(item.status ? { status: item.status } : {}) };
  const next: Entry = { ...base, tags: unionTags(base.tags, item.tags) };
  if (next.bookmarkedAt === undefined) next.bookmarkedAt = item.addedAt ?? now;
  if (item.note && !base.note.trim()) next.note = item.note;
  if (item.priority && !base.priority) next.priority = item.priority;
  if (!local || !same(local, next)) next.updatedAt = local ? Math.max(now, local.updatedAt + 1) : now;
  return next;
}

/**
 * The extension changes `updatedAt` with every change, so a CSV row with the library's own
 * `updatedAt` but other values was edited outside (in a spreadsheet): that edit is the newer
 * change. Only what a row carries counts (status and its time only for a saved paper).
 */
export function editedOutside(local: Entry, row: Entry, now: number): Entry {
  if (row.updatedAt !== local.updatedAt) return row;
  const saved = row.bookmarkedAt !== undefined;
  const carried = (e: Entry) => [e.bookmarkedAt, e.note, e.priority, [...e.tags].sort(), ...(saved ? [e.status, e.statusAt] : [])];
  if (same(carried(local), carried(row))) return row;
  const next: Entry = { ...local, ...row, updatedAt: local.updatedAt + 1, ...(saved ? {} : { status: local.status, statusAt: local.statusAt }) };
  // A status changed by hand, its time left as it was: it changed now.
  if (saved && row.status !== local.status && row.statusAt === local.statusAt) next.statusAt = now;
  if (!saved) delete next.bookmarkedAt;
  return next;
}
