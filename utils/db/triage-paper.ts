/**
 * A change made from a card's menu on the site, in one transaction: status, tags, note,
 * priority. Setting a status or adding a tag saves an unsaved paper (the card showed it: the
 * library may not know it yet); "Not interested" un-saves it. Tagging a dismissed paper keeps it
 * dismissed, and unsaved.
 */
import { newEntry, type Entry, type PaperFields, type Status } from '../model';
import { same } from './import-merge';
import { bump, entryState, resolveTags, type EntryState } from './library';
import { refreshUnread } from './matches';
import { mergeStored } from './merge';
import type { ShelfDB } from './schema';

export interface TriageChange {
  id: string;
  /** What the card showed of the paper. */
  paper?: PaperFields;
  status?: Status;
  addTags?: string[];
  removeTags?: string[];
  note?: string;
  priority?: number;
}

export interface Triaged {
  state: EntryState;
  entry: Entry;
}

export async function triagePaper(db: ShelfDB, change: TriageChange, now: number): Promise<Triaged> {
  const { id, status, addTags = [], removeTags = [], note, priority } = change;
  return db.transaction('rw', [db.papers, db.entries, db.tags, db.matches], async () => {
    const [paper, old] = await Promise.all([db.papers.get(id), db.entries.get(id)]);
    if (!paper || change.paper) await db.papers.put(mergeStored(paper, change.paper ?? { id }, { at: now }));
    const base = old ?? newEntry(id, now);
    const e: Entry = { ...base, tags: [...base.tags] };
    if (status && status !== e.status) Object.assign(e, { status, statusAt: now });
    const drop = new Set(removeTags.map((t) => t.trim().toLowerCase()));
    if (drop.size) e.tags = e.tags.filter((t) => !drop.has(t.toLowerCase()));
    if (addTags.length) {
      const have = new Set(e.tags.map((t) => t.toLowerCase()));
      for (const t of await resolveTags(db, addTags, now)) if (!have.has(t.toLowerCase())) e.tags.push(t);
    }
    if (note !== undefined) e.note = note;
    if (priority !== undefined) e.priority = priority;
    if (e.status === 'dismissed') delete e.bookmarkedAt;
    else if ((status || addTags.length) && e.bookmarkedAt === undefined) e.bookmarkedAt = now;

    if (same(base, e)) return { state: entryState(old), entry: base };
    e.updatedAt = old ? bump(old, now) : now;
    await db.entries.put(e);
    if (e.status !== old?.status) await refreshUnread(db, [id]);
    return { state: entryState(e), entry: e };
  });
}
