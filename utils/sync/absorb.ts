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
  let behind = false;
  for (const [id, e] of incoming.entries) {
    const mine = local.entries.get(id);
    if (!entryCovers(mine, e)) news.entries.push(id);
    if (mine && !entryCovers(e, mine)) behind = true;
  }
  for (const [k, t] of incoming.tags) {
    const mine = local.tags.get(k);
    if (!tagCovers(mine, t)) news.tags.push(k);
    if (mine && !tagCovers(t, mine)) behind = true;
  }
  for (const [k, f] of incoming.follows) {
    const mine = local.follows.get(k);
    if (!followCovers(mine, f)) news.follows.push(k);
    if (mine && !followCovers(f, mine)) behind = true;
  }
  for (const [k, s] of incoming.settings) {
    const mine = local.settings.get(k);
    if (!settingCovers(mine, s)) news.settings.push(k);
    if (mine && !settingCovers(s, mine)) behind = true;
  }
  return { state, news, behind };
}
