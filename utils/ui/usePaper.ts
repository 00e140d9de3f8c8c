import { db } from '../db/schema';
import type { Item } from '../model';
import { useLiveQuery } from './useLiveQuery';

/** One paper whole (abstract, links, note) with its entry, live: what the editor shows. */
export function usePaper(id: string | null): Item | undefined {
  return useLiveQuery(async () => {
    if (!id) return undefined;
    const [paper, entry] = await Promise.all([db.papers.get(id), db.entries.get(id)]);
    return paper ? { ...paper, entry } : undefined;
  }, [id]);
}
