/**
 * Taking in what arrived (storage.onChanged, or a read of the area): the merged state, and which
 * records brought news, so the background rewrites only those library rows (and the tags, follows
 * and settings that changed), and knows whether the arrival lacked something it holds (then the
 * shard must be written again: the writer plans).
 */
import { entryCovers, followCovers, merge, settingCovers, tagCovers } from './merge';
import type { SyncState } from './types';

export interface News {
  /** Paper ids, tag keys, follow ids and setting keys whose records changed locally. */
  entries: string[];
  tags: string[];
  follows: string[];
  settings: string[];
}

export interface Absorbed {
  state: SyncState;
  news: News;
  /** The arrival lacks something the local state has for the records it holds (write again). */
  behind: boolean;
}

export function absorb(local: SyncState, incoming: SyncState): Absorbed {
  const state = merge(local, incoming);
  const news: News = { entries: [], tags: [], follows: [], settings: [] };
  // Every kind is compared (no short cut): each one's news are needed.
  const behind = [
    compare(local.entries, incoming.entries, entryCovers, news.entries),
    compare(local.tags, incoming.tags, tagCovers, news.tags),
    compare(local.follows, incoming.follows, followCovers, news.follows),
    compare(local.settings, incoming.settings, settingCovers, news.settings),
  ].some(Boolean);
  return { state, news, behind };
}

/** Lists in `news` the keys whose arrival adds something here; true when the local copy has something the arrival lacks. */
function compare<V>(
  mine: ReadonlyMap<string, V>,
  theirs: ReadonlyMap<string, V>,
  covers: (a: V | undefined, b: V) => boolean,
  news: string[],
): boolean {
  let behind = false;
  for (const [k, v] of theirs) {
    const have = mine.get(k);
    if (!covers(have, v)) news.push(k);
    if (have && !covers(v, have)) behind = true;
  }
  return behind;
}
