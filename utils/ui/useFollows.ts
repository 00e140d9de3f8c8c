/**
 * The follows, live, with how many papers match each and how many of those are unread
 * (utils/db/triage.ts). Following and unfollowing are actions (actions.ts): the background
 * matches the library against a new follow and tells the huggingface.co tabs.
 */
import { useMemo } from 'preact/hooks';
import { followKey } from '../follows/fold';
import type { FollowKind } from '../model';
import { db } from '../db/schema';
import { followCounts } from '../db/triage';
import { useLiveQuery } from './useLiveQuery';

export function useFollows() {
  const counts = useLiveQuery(() => followCounts(db), []);
  const followed = useMemo(() => new Set(counts?.follows.map((c) => c.follow.key)), [counts]);
  return {
    /** Each follow, newest first, with its counts; undefined until read. */
    follows: counts?.follows,
    /** The key `name` is followed under as `kind`, if it is. */
    keyOf(kind: FollowKind, name: string): string | undefined {
      const key = followKey(kind, name);
      return key && followed.has(key) ? key : undefined;
    },
  };
}

export type Follows = ReturnType<typeof useFollows>;
