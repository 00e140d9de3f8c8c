/**
 * What storage.sync holds, read back into records. A value that is not one of our shards, or is
 * damaged, is left out with a message naming its key and what is wrong; leaving it out never
 * deletes anything (absence means unknown). A shard written by a newer version of the extension
 * sets `newer`: the writer then stops writing (planner.ts), so that two versions never overwrite
 * each other's shards back and forth.
 *
 * The states returned are shared with a cache of recent reads: treat them as read-only (merge()
 * never changes its inputs).
 */
import * as z from 'zod/mini';
import { mergeAll } from './merge';
import { decodeShard } from './shard-read';
import { shardIndex } from './shards';
import type { SyncState } from './types';

/** Shards read lately, by value: the area is read before every write, and most shards have not changed. */
const recent = new Map<string, SyncState>();
const RECENT = 256;

async function read(value: string): Promise<SyncState> {
  const hit = recent.get(value);
  if (hit) return hit;
  const state = await decodeShard(value);
  if (recent.size >= RECENT) recent.delete(recent.keys().next().value!);
  recent.set(value, state);
  return state;
}

const ShardValue = z.string().check(z.minLength(1, 'expected a non-empty string'));

export interface Problem {
  key: string;
  message: string;
}

export interface Unpacked {
  /** Everything the readable shards hold, merged. */
  state: SyncState;
  /** Each readable shard's records, by key. */
  shards: Record<string, SyncState>;
  problems: Problem[];
  /** A shard was written by a newer version of the extension. */
  newer: boolean;
}

/** Reads the shards among `items` (other keys are someone else's: ignored). */
export async function unpack(items: Record<string, unknown>): Promise<Unpacked> {
  const shards: Record<string, SyncState> = {};
  const problems: Problem[] = [];
  let newer = false;
  for (const [key, value] of Object.entries(items)) {
    if (shardIndex(key) === undefined || value === undefined) continue;
    const parsed = ShardValue.safeParse(value);
    if (!parsed.success) {
      problems.push({ key, message: `not a shard: ${parsed.error.issues[0]?.message ?? 'wrong type'}` });
      continue;
    }
    try {
      const s = await read(parsed.data);
      shards[key] = s;
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      if (message.includes('newer version')) newer = true;
      problems.push({ key, message });
    }
  }
  return { state: mergeAll(Object.values(shards)), shards, problems, newer };
}
