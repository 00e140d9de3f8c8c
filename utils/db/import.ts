/**
 * Merging an imported file into the library, in one transaction: all of it, or (on any failure)
 * none of it. Merge, never clobber: per paper the newer change wins, tags are unioned, nothing
 * known is erased. Importing the same file twice changes nothing the second time.
 */
import { newEntry, normalizeTag, tagKey, type Entry, type Paper, type PaperFields, type Tag } from '../model';
import type { Backup } from '../backup';
import { mergeSentRows } from './zotero';
import type { Incoming, ListKind } from '../import/read';
import type { ImportProgress, ListedPaper, OldStylePaper, Skip, TitleCandidate } from '../import/types';
import { mergeStored } from './merge';
import { bulkGetKnown } from './papers';
import { defaultColor } from './library';
import type { ShelfDB } from './schema';

export interface ImportSummary {
  /** Papers new to the library. */
  added: number;
  /** Papers the library knew, changed by the import. */
  updated: number;
  /** Papers the library already held exactly so (or held a newer change of). */
  unchanged: number;
  skipped: Skip[];
  /** Ids of every paper added or updated: the tabs and the badge are told of them. */
  changedIds: string[];
  /** What the file was read as. */
  kind?: ListKind | 'backup';
  /** Entries that name no arXiv paper but have a title: the page offers to find them on huggingface.co. */
  candidates?: TitleCandidate[];
  /** Papers named by old-style arXiv ids, as the file gave them (the library cannot store them yet). */
  oldStyle?: OldStylePaper[];
}

export interface ImportOptions {
  /** Told when saving starts and when it is done (one transaction: nothing in between can be shown). */
  onProgress?: (p: ImportProgress) => void;
}

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
function unionTags(first: string[], second: string[]): string[] {
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
function listedEntry(local: Entry | undefined, item: ListedPaper, now: number): Entry | undefined {
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
function editedOutside(local: Entry, row: Entry, now: number): Entry {
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

export async function importIncoming(db: ShelfDB, incoming: Incoming, now: number, opts: ImportOptions = {}): Promise<ImportSummary> {
  const total = incoming.kind === 'backup' ? incoming.backup.papers.length + incoming.backup.entries.length : incoming.items.length;
  opts.onProgress?.({ phase: 'saving', done: 0, total });
  const summary =
    incoming.kind === 'backup' ? await importBackup(db, incoming.backup, now) : await importListed(db, incoming.items, incoming.skipped, now);
  opts.onProgress?.({ phase: 'saving', done: total, total });
  summary.kind = incoming.kind;
  if (incoming.kind !== 'backup') {
    if (incoming.candidates?.length) summary.candidates = incoming.candidates;
    if (incoming.oldStyle?.length) summary.oldStyle = incoming.oldStyle;
  }
  return summary;
}

async function importBackup(db: ShelfDB, backup: Backup, now: number): Promise<ImportSummary> {
  const papers = new Map(backup.papers.map((p) => [p.id, p]));
  const entries = new Map(backup.entries.map((e) => [e.id, e]));
  // An entry whose paper the backup lacks still comes in, with a placeholder the API fills later.
  for (const id of entries.keys()) {
    if (!papers.has(id)) papers.set(id, mergeStored(undefined, { id }, { at: now }));
  }
  const ids = [...papers.keys()];
  return db.transaction('rw', [db.papers, db.entries, db.tags, db.settings, db.zoteroSent], async () => {
    const [oldPapers, oldEntries] = await Promise.all([bulkGetKnown(db.papers, ids), bulkGetKnown(db.entries, ids)]);
    const putPapers: Paper[] = [];
    const putEntries: Entry[] = [];
    const summary: ImportSummary = { added: 0, updated: 0, unchanged: 0, skipped: [], changedIds: [] };
    await mergeSentRows(db, backup.zoteroSent ?? []);
    ids.forEach((id, i) => {
      const inPaper = papers.get(id)!;
      const inEntry = entries.get(id);
      const oldPaper = oldPapers[i];
      const oldEntry = oldEntries[i];
      const nextPaper = oldPaper ? mergePapers(oldPaper, inPaper) : inPaper;
      const nextEntry = inEntry ? (oldEntry ? mergeEntries(oldEntry, inEntry, now) : inEntry) : oldEntry;
      const paperChanged = !oldPaper || !same(oldPaper, nextPaper);
      const entryChanged = !!nextEntry && (!oldEntry || !same(oldEntry, nextEntry));
      if (paperChanged) putPapers.push(nextPaper);
      if (entryChanged) putEntries.push(nextEntry);
      if (!oldPaper && !oldEntry) summary.added++;
      else if (paperChanged || entryChanged) summary.updated++;
      else summary.unchanged++;
      if (paperChanged || entryChanged) summary.changedIds.push(id);
    });
    await ensureTags(db, backup.tags, putEntries, now);
    if (backup.settings) {
      const have = new Set(await db.settings.toCollection().primaryKeys());
      const missing = Object.entries(backup.settings).filter(([key, v]) => v !== undefined && !have.has(key));
      if (missing.length) await db.settings.bulkPut(missing.map(([key, value]) => ({ key, value })));
    }
    // Both at once: the browser writes them back to back instead of waiting on each reply.
    await Promise.all([db.papers.bulkPut(putPapers), db.entries.bulkPut(putEntries)]);
    return summary;
  });
}

async function importListed(db: ShelfDB, items: ListedPaper[], skipped: Skip[], now: number): Promise<ImportSummary> {
  const ids = items.map((i) => i.paper.id);
  return db.transaction('rw', [db.papers, db.entries, db.tags], async () => {
    const [oldPapers, oldEntries] = await Promise.all([bulkGetKnown(db.papers, ids), bulkGetKnown(db.entries, ids)]);
    const putPapers: Paper[] = [];
    const putEntries: Entry[] = [];
    const summary: ImportSummary = { added: 0, updated: 0, unchanged: 0, skipped, changedIds: [] };
    items.forEach((item, i) => {
      const oldPaper = oldPapers[i];
      const oldEntry = oldEntries[i];
      // The file's fields fill what the library lacks; the site's own values are kept.
      const fill = Object.fromEntries(
        Object.entries(item.paper).filter(([k]) => !oldPaper || oldPaper[k as keyof Paper] === undefined || k === 'id'),
      );
      const nextPaper = oldPaper ? { ...oldPaper, ...fill } : mergeStored(undefined, item.paper, { at: now });
      const nextEntry = listedEntry(oldEntry, item, now);
      const paperChanged = !oldPaper || !same(oldPaper, nextPaper);
      const entryChanged = !!nextEntry && (!oldEntry || !same(oldEntry, nextEntry));
      if (paperChanged) putPapers.push(nextPaper);
      if (entryChanged) putEntries.push(nextEntry);
      if (!oldPaper && !oldEntry) summary.added++;
      else if (paperChanged || entryChanged) summary.updated++;
      else summary.unchanged++;
      if (paperChanged || entryChanged) summary.changedIds.push(item.paper.id);
    });
    await ensureTags(db, [], putEntries, now);
    // Both at once: the browser writes them back to back instead of waiting on each reply.
    await Promise.all([db.papers.bulkPut(putPapers), db.entries.bulkPut(putEntries)]);
    return summary;
  });
}

/**
 * The tag records for everything imported: the library's own kept (name, colour), the file's
 * added where new, and any name an entry uses given a record. Entries are respelled to the
 * library's spelling of a tag ("ml" joins "ML").
 */
async function ensureTags(db: ShelfDB, fileTags: Tag[], entries: Entry[], now: number) {
  const known = new Map((await db.tags.toArray()).map((t) => [t.key, t]));
  const created: Tag[] = [];
  const add = (tag: Tag) => {
    if (known.has(tag.key)) return;
    known.set(tag.key, tag);
    created.push(tag);
  };
  for (const t of fileTags) add({ ...t, key: tagKey(t.name), name: normalizeTag(t.name) });
  for (const e of entries) {
    e.tags = unionTags(
      e.tags.map((t) => {
        const key = tagKey(t);
        if (!known.has(key)) add({ key, name: normalizeTag(t), color: defaultColor(key), createdAt: now });
        return known.get(key)!.name;
      }),
      [],
    );
  }
  if (created.length) await db.tags.bulkPut(created);
}

/** "120 papers: 100 added, 15 updated, 5 unchanged. 2 skipped: line 4: no arXiv id…" */
export function describeSummary(s: ImportSummary, shown = 5): string {
  const total = s.added + s.updated + s.unchanged;
  let text = `${total} paper${total === 1 ? '' : 's'} imported: ${s.added} added, ${s.updated} updated, ${s.unchanged} unchanged.`;
  if (s.skipped.length) {
    const list = s.skipped.slice(0, shown).map((k) => `${k.where}: ${k.why}`);
    const more = s.skipped.length > shown ? `; and ${s.skipped.length - shown} more` : '';
    text += ` ${s.skipped.length} skipped (${list.join('; ')}${more}).`;
  }
  return text;
}
