import * as z from 'zod/mini';

// No `new Function` probe: the extension's CSP forbids eval, and a strict CSP reports even a caught attempt.
z.config({ jitless: true });

import { PAPER_ID_RE } from './ids';
import { oneLine } from './text';

export { PAPER_ID_RE };
export const PaperId = z.string().check(z.regex(PAPER_ID_RE, 'expected an arXiv id such as 2409.12345'));

/** `YYYY-MM-DD`; dates are days, never times, so they sort and compare as strings. */
export const IsoDay = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD'));

const count = () => z.optional(z.number().check(z.int(), z.nonnegative()));

/** A moment, as `Date.now()` gives it: whole milliseconds, within what a Date can hold. */
export const Timestamp = z.number().check(z.int(), z.nonnegative(), z.lte(8.64e15));

/** Everything the site can tell about one paper. */
const SiteFields = z.object({
  id: PaperId,
  title: z.string(),
  /** Full author list when known, otherwise the names the card showed. */
  authors: z.array(z.string()),
  /** Total number of authors when `authors` is only the visible part of the list. */
  authorCount: count(),
  abstract: z.optional(z.string()),
  /** arXiv publication day. */
  publishedAt: z.optional(IsoDay),
  /** Day the paper was featured on Daily Papers. */
  featuredAt: z.optional(IsoDay),
  upvotes: count(),
  comments: count(),
  organization: z.optional(z.object({ name: z.string(), fullname: z.optional(z.string()) })),
  submitter: z.optional(z.string()),
  githubRepo: z.optional(z.string()),
  githubStars: count(),
  projectPage: z.optional(z.string()),
  thumbnail: z.optional(z.string()),
  aiSummary: z.optional(z.string()),
  aiKeywords: z.optional(z.array(z.string())),
});

/** A paper as read off a page or the site's API: only the id is certain. */
export const PaperFieldsSchema = z.extend(z.partial(SiteFields), { id: PaperId });
export type PaperFields = z.infer<typeof PaperFieldsSchema>;

/** A stored paper: `id` and `title` are always known. */
export const PaperSchema = z.extend(SiteFields, {
  /** Where and when the extension saw it (listingDate: the day of the listing it was first seen on). */
  firstSeenAt: Timestamp,
  firstSeenUrl: z.optional(z.string()),
  lastSeenAt: Timestamp,
  lastSeenUrl: z.optional(z.string()),
  listingDate: z.optional(IsoDay),
  /** When the site's public API last filled this record. */
  fetchedAt: z.optional(Timestamp),
});
export type Paper = z.infer<typeof PaperSchema>;

/**
 * `dismissed` ("Not interested") is a real state, not a flag: setting it takes the paper off the
 * reading list (its bookmark goes, its tags and note stay), and saving the paper again makes it
 * to read (utils/db/library.ts).
 */
export const STATUSES = ['to-read', 'reading', 'read', 'dismissed'] as const;
export const Status = z.enum(STATUSES);
export type Status = z.infer<typeof Status>;
export const STATUS_LABEL: Record<Status, string> = { 'to-read': 'To read', reading: 'Reading', read: 'Read', dismissed: 'Not interested' };

export const Priority = z.number().check(z.int(), z.gte(0), z.lte(3));

/**
 * The user's own data about a paper. A row outlives its bookmark: un-bookmarking clears
 * `bookmarkedAt` and keeps tags, note and status in case the paper comes back.
 */
export const EntrySchema = z.object({
  id: PaperId,
  /** Absent when not bookmarked (IndexedDB leaves the row out of the index, which is the point). */
  bookmarkedAt: z.optional(Timestamp),
  status: Status,
  statusAt: Timestamp,
  tags: z.array(z.string()),
  note: z.string(),
  priority: Priority,
  updatedAt: Timestamp,
});
export type Entry = z.infer<typeof EntrySchema>;

/** A paper with the user's data about it, if any: what lists, exports and search work on. */
export type Item = Paper & { entry?: Entry };

/**
 * A list of the library: `list` is the reading list (to read, then reading); `seen`, papers met but
 * never saved; `everything`, every paper met, saved or not.
 */
/** `followed`: papers matching a follow; `new`: papers first met on the latest visit to the papers pages. */
export type ViewKey = 'list' | Status | 'all' | 'seen' | 'everything' | 'followed' | 'new' | `tag:${string}`;

export const TagSchema = z.object({
  /** Lower-cased name: tags are unique regardless of case. */
  key: z.string(),
  name: z.string(),
  color: z.optional(z.string()),
  createdAt: Timestamp,
});
export type Tag = z.infer<typeof TagSchema>;

export const HIDE_MODES = ['hide', 'dim'] as const;

export const SettingsSchema = z.object({
  badge: z._default(z.boolean(), true),
  /** Listings: cards of papers met on an earlier visit, and saved ones, hidden (or dimmed: `hideMode`). */
  hideSeen: z._default(z.boolean(), false),
  hideSaved: z._default(z.boolean(), false),
  hideMode: z._default(z.enum(HIDE_MODES), 'hide'),
});
export type Settings = z.infer<typeof SettingsSchema>;

/** The settings a user chose, as a backup carries them: no default filled in (an import must not write one as if chosen). */
export const ChosenSettingsSchema = z.object({
  badge: z.optional(z.boolean()),
  hideSeen: z.optional(z.boolean()),
  hideSaved: z.optional(z.boolean()),
  hideMode: z.optional(z.enum(HIDE_MODES)),
});

export const FOLLOW_KINDS = ['author', 'org', 'keyword'] as const;
export const FollowKind = z.enum(FOLLOW_KINDS);
export type FollowKind = z.infer<typeof FollowKind>;

/**
 * Someone or something the user follows: an author by full name, an organisation by its hub name
 * (`deepseek-ai`) or full name, a keyword or phrase (whole words). `key` is `<kind>:<value>`, the
 * value folded (utils/follows/fold.ts), so two spellings of one name are one follow.
 */
export const FollowSchema = z.object({
  key: z.string(),
  kind: FollowKind,
  /** What is matched: the name or words, folded (`yann lecun`, `deepseek ai`, `diffusion model`). */
  value: z.string(),
  /** As the user typed it (or as the paper spells it). */
  label: z.string(),
  addedAt: Timestamp,
  /** While the library is being matched against it: the last paper id done ('' before the first). */
  backfill: z.optional(z.string()),
});
export type Follow = z.infer<typeof FollowSchema>;

export function newEntry(id: string, now: number): Entry {
  return { id, status: 'to-read', statusAt: now, tags: [], note: '', priority: 0, updatedAt: now };
}

export function tagKey(name: string): string {
  return normalizeTag(name).toLowerCase();
}

/** Trimmed, inner whitespace collapsed, at most 64 characters. */
export function normalizeTag(name: string): string {
  return oneLine(name).slice(0, 64);
}
