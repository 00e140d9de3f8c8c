import { useMemo } from 'preact/hooks';
import { db } from '../db/schema';
import type { Tag } from '../model';
import { useLiveQuery } from './useLiveQuery';

const NO_TAGS: Tag[] = [];

/** The library's tags by name, live, and by key (lower-cased name). */
export function useTags() {
  const list = useLiveQuery(async () => (await db.tags.toArray()).sort((a, b) => a.name.localeCompare(b.name)), []) ?? NO_TAGS;
  const byKey = useMemo(() => new Map(list.map((t) => [t.key, t])), [list]);
  return { list, byKey };
}
