/**
 * Merging an imported file into the library, in one transaction: all of it, or (on any failure)
 * none of it. Merge, never clobber: per paper the newer change wins, tags are unioned, nothing
 * known is erased. Importing the same file twice changes nothing the second time.
 */
import { DEVICE_SETTINGS, normalizeTag, tagKey, type Entry, type Paper, type Tag } from '../model';
import type { Backup } from '../backup';
import { mergeSentRows } from './zotero';
import type { Incoming, ListKind } from '../import/read';
import type { ImportProgress, ListedPaper, OldStylePaper, Skip, TitleCandidate } from '../import/types';
import { listedEntry, mergeEntries, mergePapers, same, unionTags } from './import-merge';
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
  /** Told as saving goes (a backup: after each chunk of papers; other files: at the start and the end). */
  onProgress?: (p: ImportProgress) => void;
  /** Aborting stops the import: the transaction is rolled back, nothing is written. */
  signal?: AbortSignal;
}

/** Papers merged at a time in a backup's import: the reads and writes of one chunk stay small. */
const CHUNK = 2000;

export async function importIncoming(db: ShelfDB, incoming: Incoming, now: number, opts: ImportOptions = {}): Promise<ImportSummary> {
  const total = incoming.kind === 'backup' ? incoming.backup.papers.length + incoming.backup.entries.length : incoming.items.length;
  opts.onProgress?.({ phase: 'saving', done: 0, total });
  const summary =
    incoming.kind === 'backup' ? await importBackup(db, incoming.backup, now, opts) : await importListed(db, incoming.items, incoming.skipped, now);
  opts.onProgress?.({ phase: 'saving', done: total, total });
  summary.kind = incoming.kind;
  if (incoming.kind !== 'backup') {
    if (incoming.candidates?.length) summary.candidates = incoming.candidates;
    if (incoming.oldStyle?.length) summary.oldStyle = incoming.oldStyle;
  }
  return summary;
}

/**
 * A backup merged in one transaction, a chunk of papers at a time (at 100,000 papers, reading
 * them all at once would double the page's memory). The writes of each chunk are issued as it is
 * merged; an abort or a failure anywhere rolls every one of them back.
 */
async function importBackup(db: ShelfDB, backup: Backup, now: number, { onProgress, signal }: ImportOptions): Promise<ImportSummary> {
  const papers = new Map(backup.papers.map((p) => [p.id, p]));
  const entries = new Map(backup.entries.map((e) => [e.id, e]));
  // An entry whose paper the backup lacks still comes in, with a placeholder the API fills later.
  for (const id of entries.keys()) {
    if (!papers.has(id)) papers.set(id, mergeStored(undefined, { id }, { at: now }));
  }
  const ids = [...papers.keys()];
  const total = backup.papers.length + backup.entries.length;
  return db.transaction('rw', [db.papers, db.entries, db.tags, db.settings, db.zoteroSent], async () => {
    const summary: ImportSummary = { added: 0, updated: 0, unchanged: 0, skipped: [], changedIds: [] };
    const writes: Array<Promise<unknown>> = [];
    await ensureTags(db, backup.tags, [], now);
    await mergeSentRows(db, backup.zoteroSent ?? []);
    for (let at = 0; at < ids.length; at += CHUNK) {
      signal?.throwIfAborted();
      const chunk = ids.slice(at, at + CHUNK);
      const [oldPapers, oldEntries] = await Promise.all([bulkGetKnown(db.papers, chunk), bulkGetKnown(db.entries, chunk)]);
      const putPapers: Paper[] = [];
      const putEntries: Entry[] = [];
      chunk.forEach((id, i) => {
        const inPaper = papers.get(id)!;
        const inEntry = entries.get(id);
        const oldPaper = oldPapers[i];
        const oldEntry = oldEntries[i];
        const nextPaper = oldPaper ? mergePapers(oldPaper, inPaper) : inPaper;
        const nextEntry = inEntry ? (oldEntry ? mergeEntries(oldEntry, inEntry, now) : inEntry) : oldEntry;
        tally(summary, { papers: putPapers, entries: putEntries }, id, [oldPaper, oldEntry], [nextPaper, nextEntry]);
      });
      await ensureTags(db, [], putEntries, now);
      // Issued, not awaited: the browser writes while the next chunk is read and merged (a failure
      // aborts the transaction, and the wait at the end reports it).
      for (const w of [db.papers.bulkPut(putPapers), db.entries.bulkPut(putEntries)]) {
        w.catch(() => undefined);
        writes.push(w);
      }
      onProgress?.({ phase: 'saving', done: Math.min(total, at + chunk.length), total });
    }
    if (backup.settings) {
      const have = new Set(await db.settings.toCollection().primaryKeys());
      const missing = Object.entries(backup.settings).filter(([key, v]) => v !== undefined && !have.has(key) && !DEVICE_SETTINGS.has(key));
      if (missing.length) await db.settings.bulkPut(missing.map(([key, value]) => ({ key, value })));
    }
    await Promise.all(writes);
    signal?.throwIfAborted();
    return summary;
  });
}

/** Queues what the merge changed, and counts the paper as added, updated or unchanged. */
function tally(
  summary: ImportSummary,
  put: { papers: Paper[]; entries: Entry[] },
  id: string,
  [oldPaper, oldEntry]: [Paper | undefined, Entry | undefined],
  [nextPaper, nextEntry]: [Paper, Entry | undefined],
) {
  const paperChanged = !oldPaper || !same(oldPaper, nextPaper);
  const entryChanged = !!nextEntry && (!oldEntry || !same(oldEntry, nextEntry));
  if (paperChanged) put.papers.push(nextPaper);
  if (entryChanged) put.entries.push(nextEntry);
  if (!oldPaper && !oldEntry) summary.added++;
  else if (paperChanged || entryChanged) summary.updated++;
  else summary.unchanged++;
  if (paperChanged || entryChanged) summary.changedIds.push(id);
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
      tally(summary, { papers: putPapers, entries: putEntries }, item.paper.id, [oldPaper, oldEntry], [nextPaper, nextEntry]);
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
