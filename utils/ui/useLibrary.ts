/**
 * The library's data for a view, kept live: its first rows at once (from an index, or from the
 * snapshot of the last opening), then the whole reading list (or the papers seen but not saved),
 * the tags and the counts.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { allSaved, firstRows, seenNotSaved } from '../db/queries';
import { db } from '../db/schema';
import type { Item, Tag, ViewKey } from '../model';
import { readSnapshot, writeSnapshot } from './snapshot';
import { useLiveQuery } from './useLiveQuery';
import { counts as countAll } from './view';

const FIRST_ROWS = 30;

export function useLibrary(view: ViewKey) {
  // First paint from an index; the whole library once the first rows are on screen.
  const first = useLiveQuery(() => firstRows(db, view, FIRST_ROWS), [view]);
  const snapshot = useMemo(() => readSnapshot(view), [view]);
  useEffect(() => {
    if (first) writeSnapshot(view, first);
  }, [first]);
  const [loadAll, setLoadAll] = useState(false);
  useEffect(() => {
    if (!first || loadAll) return;
    const t = setTimeout(() => setLoadAll(true), 0);
    return () => clearTimeout(t);
  }, [first, loadAll]);
  const all = useLiveQuery(() => (loadAll ? allSaved(db) : Promise.resolve(undefined)), [loadAll]);
  const seen = useLiveQuery(() => (view === 'seen' ? seenNotSaved(db) : Promise.resolve(undefined)), [view]);
  const tags = useLiveQuery(async () => (await db.tags.toArray()).sort((a, b) => a.name.localeCompare(b.name)), []) ?? NO_TAGS;
  const tagMap = useMemo(() => new Map(tags.map((t) => [t.key, t])), [tags]);
  const counts = useMemo(() => (all ? countAll(all) : undefined), [all]);
  /** What the view is drawn from, once loaded. */
  const source: Item[] | undefined = view === 'seen' ? seen : all;
  return { first, snapshot, all, seen, source, tags, tagMap, counts };
}

const NO_TAGS: Tag[] = [];

export type Library = ReturnType<typeof useLibrary>;
