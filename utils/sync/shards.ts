/**
 * Which stored item holds which record. The records are spread over SHARDS items by a hash of
 * their identity, so an edit rewrites one item of a few kilobytes, never the whole library, and
 * every device puts every record in the same item. The number is fixed (changing it would move
 * every record): 32 items of about 3 KB each at 100 KB keeps each far under the 8 KB an item may
 * hold and far under the 512 items an extension may have.
 */
import { emptyState, followId, type SyncState } from './types';

export const SHARDS = 32;
const PREFIX = 's';

export const shardKey = (i: number) => PREFIX + i.toString(36);
export const SHARD_KEYS = Array.from({ length: SHARDS }, (_, i) => shardKey(i));
const INDEX = new Map(SHARD_KEYS.map((k, i) => [k, i]));
export const shardIndex = (key: string): number | undefined => INDEX.get(key);

/** FNV-1a, 32 bits, over UTF-16 code units: stable everywhere, no dependency. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export const shardOfEntry = (id: string) => hash(`p${id}`) % SHARDS;
export const shardOfTag = (key: string) => hash(`t${key}`) % SHARDS;
export const shardOfFollow = (fid: string) => hash(`f${fid}`) % SHARDS;
export const shardOfSetting = (key: string) => hash(`s${key}`) % SHARDS;

/** A state split by shard (empty shards included). */
export function splitByShard(state: SyncState): SyncState[] {
  const out = Array.from({ length: SHARDS }, emptyState);
  for (const [id, e] of state.entries) out[shardOfEntry(id)]!.entries.set(id, e);
  for (const [k, t] of state.tags) out[shardOfTag(k)]!.tags.set(k, t);
  for (const [k, f] of state.follows) out[shardOfFollow(followId(f.kind, f.key))]!.follows.set(k, f);
  for (const [k, s] of state.settings) out[shardOfSetting(k)]!.settings.set(k, s);
  return out;
}
