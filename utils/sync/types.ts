/**
 * What syncs, as records with a clock stamp per field: the user's own data about papers (bookmark
 * and its date, status and its date, priority, note, tags), tags with their colours, follows and
 * settings. Paper metadata does not sync: a device that receives an unknown id fills the paper
 * in from the site's API.
 *
 * Every field is a register `{ v, s }`: its value and the stamp of the edit that set it. A field
 * without a register is unknown (never set, or left out of sync for space): it never overrides a
 * known value, so absence never deletes anything. Tags of a paper are an LWW-element set: one
 * register per tag key, `on` true (added) or false (removed).
 *
 * The background keeps one `SyncEntry` beside each library entry (IndexedDB), and the records of
 * tags, follows and settings beside theirs; `SyncState` is all of them in memory.
 *
 * Records are values: never change one in place, make a new one (the stamp* functions do). Merging
 * gives back a record itself when the other side adds nothing, and the packer reuses encodings by
 * record identity, so an edit in place would go unseen.
 */
import * as z from 'zod/mini';
import { PaperId, Priority, Status } from '../model';
import { oneLine } from '../text';
import { StampSchema, type Stamp } from './hlc';

export interface Reg<T> {
  v: T;
  s: Stamp;
}

const reg = <T extends z.core.SomeType>(value: T) => z.object({ v: value, s: StampSchema });

/** A moment in whole seconds (as milliseconds): the precision dates sync with. */
export const SyncTime = z.number().check(z.int(), z.nonnegative(), z.lte(8.64e15), z.multipleOf(1000));

export const TagMarkSchema = z.object({ k: z.string(), on: z.boolean(), s: StampSchema });
export type TagMark = z.infer<typeof TagMarkSchema>;

export const SyncEntrySchema = z.object({
  id: PaperId,
  /** When bookmarked, or null once removed from the list (a tombstone: the removal is remembered). */
  mark: z.optional(reg(z.nullable(SyncTime))),
  status: z.optional(reg(z.object({ status: Status, at: SyncTime }))),
  priority: z.optional(reg(Priority)),
  note: z.optional(reg(z.string())),
  /** Sorted by key, one mark per tag key (lower-cased name). */
  tags: z.array(TagMarkSchema),
});
export type SyncEntry = z.infer<typeof SyncEntrySchema>;

export const SyncTagSchema = z.object({
  key: z.string(),
  name: z.optional(reg(z.string())),
  color: z.optional(reg(z.string())),
  /** False once the tag is deleted (a tombstone). */
  live: z.optional(reg(z.boolean())),
  /** The earliest creation known: the same on every device without a stamp of its own. */
  createdAt: SyncTime,
});
export type SyncTag = z.infer<typeof SyncTagSchema>;

export const FOLLOW_KINDS = ['author', 'org', 'keyword'] as const;
export const FollowKind = z.enum(FOLLOW_KINDS);
export type FollowKind = z.infer<typeof FollowKind>;

/** An author, organisation or keyword the user follows (`on`), or stopped following (a tombstone). */
export const SyncFollowSchema = z.object({
  kind: FollowKind,
  /** Lower-cased, one line: the identity of the follow. */
  key: z.string(),
  state: reg(z.object({ on: z.boolean(), value: z.string(), at: SyncTime })),
});
export type SyncFollow = z.infer<typeof SyncFollowSchema>;

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

export const SyncSettingSchema = z.object({ key: z.string(), value: reg(z.json()) });
export type SyncSetting = { key: string; value: Reg<Json> };

export interface SyncState {
  entries: Map<string, SyncEntry>;
  tags: Map<string, SyncTag>;
  /** Keyed by `followId(kind, key)`. */
  follows: Map<string, SyncFollow>;
  settings: Map<string, SyncSetting>;
}

export const emptyState = (): SyncState => ({ entries: new Map(), tags: new Map(), follows: new Map(), settings: new Map() });

export const followId = (kind: FollowKind, key: string) => `${kind}:${key}`;

/** The identity of a followed name: one line, lower-cased ("Yann LeCun" and "yann lecun" are one follow). */
export const followKey = (value: string) => oneLine(value).toLowerCase();

/** Dates sync in whole seconds. */
export const toSyncTime = (ms: number) => Math.floor(ms / 1000) * 1000;
