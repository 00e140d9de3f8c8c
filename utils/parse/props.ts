/**
 * The site's embedded JSON (`data-props` of the `DailyPapers` and `PaperContent` islands) and
 * the `/api/papers/<id>` answer, validated field by field: a field of the wrong type is dropped,
 * never the whole paper. Runs in the background, where JSON.parse of a 650 KB listing costs the
 * page nothing.
 */
import * as z from 'zod/mini';
import { PAPER_ID_RE, type PaperFields } from '../model';

/** What a malformed field parses to, until `stripDropped` takes it out and says the record lost something. */
const DROPPED: unique symbol = Symbol('dropped');

/** Optional, and dropped (not fatal) when malformed. */
function loose<T extends z.core.SomeType>(schema: T) {
  return z.catch(z.optional(schema), () => DROPPED as never);
}

/** Removes the fields (and array items) `loose` dropped from a parsed value; true when there were any. */
function stripDropped(value: unknown): boolean {
  let found = false;
  if (Array.isArray(value)) {
    for (let i = value.length - 1; i >= 0; i--) {
      if (value[i] === DROPPED) {
        value.splice(i, 1);
        found = true;
      } else if (stripDropped(value[i])) found = true;
    }
  } else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const k of Object.keys(record)) {
      if (record[k] === DROPPED) {
        delete record[k];
        found = true;
      } else if (stripDropped(record[k])) found = true;
    }
  }
  return found;
}

const Text = z.string();
const Count = z.number().check(z.int(), z.nonnegative());
const User = z.object({ name: loose(Text), user: loose(Text), fullname: loose(Text) });
const Org = z.object({ name: Text, fullname: loose(Text) });

export const PropsPaper = z.object({
  id: z.string().check(z.regex(PAPER_ID_RE)),
  title: loose(Text),
  summary: loose(Text),
  authors: loose(z.array(z.catch(z.object({ name: Text, hidden: loose(z.boolean()) }), () => DROPPED as never))),
  publishedAt: loose(Text),
  submittedOnDailyAt: loose(Text),
  submittedOnDailyBy: loose(User),
  upvotes: loose(Count),
  numComments: loose(Count),
  projectPage: loose(Text),
  githubRepo: loose(Text),
  githubStars: loose(Count),
  organization: loose(Org),
  ai_summary: loose(Text),
  ai_keywords: loose(z.array(Text)),
  thumbnail: loose(Text),
});
export type PropsPaper = z.infer<typeof PropsPaper>;

/** One entry of `dailyPapers[]` (and, when the site sends it, `searchResults[]`). */
export const PropsItem = z.object({
  paper: PropsPaper,
  title: loose(Text),
  summary: loose(Text),
  thumbnail: loose(Text),
  numComments: loose(Count),
  submittedBy: loose(User),
  organization: loose(Org),
});

const Listing = z.object({
  dateString: loose(Text),
  periodType: loose(Text),
  dailyPapers: loose(z.array(z.unknown())),
  searchResults: loose(z.array(z.unknown())),
});
const PaperContent = z.object({ paper: z.unknown(), comments: loose(z.array(z.unknown())), numComments: loose(Count) });

export interface PropsIndex {
  papers: Map<string, PaperFields>;
  /** Papers with a malformed field dropped: their card's DOM may show more than this data. */
  partial: Set<string>;
  /** `dateString` of a daily listing. */
  listingDate?: string;
}

/** Parses a `data-props` value. Malformed JSON or shape → an empty index, never an exception. */
export function readProps(raw: string | null | undefined, target: 'DailyPapers' | 'PaperContent'): PropsIndex {
  const index: PropsIndex = { papers: new Map(), partial: new Set() };
  let json: unknown;
  try {
    json = raw ? JSON.parse(raw) : undefined;
  } catch {
    return index;
  }
  if (target === 'PaperContent') {
    const page = PaperContent.safeParse(json);
    if (!page.success) return index;
    stripDropped(page.data);
    const paper = PropsPaper.safeParse(page.data.paper);
    if (paper.success) {
      const partial = stripDropped(paper.data);
      const fields = fromPaper(paper.data);
      fields.comments ??= page.data.numComments ?? page.data.comments?.length;
      add(index, fields, partial);
    }
    return index;
  }
  const listing = Listing.safeParse(json);
  if (!listing.success) return index;
  stripDropped(listing.data);
  const { dateString, periodType, dailyPapers = [], searchResults = [] } = listing.data;
  for (const raw of [...dailyPapers, ...searchResults]) {
    const item = PropsItem.safeParse(raw);
    if (item.success) {
      const partial = stripDropped(item.data);
      add(index, fromItem(item.data), partial);
    }
  }
  const listingDate = periodType === 'day' || periodType === undefined ? dayOf(dateString) : undefined;
  if (listingDate) index.listingDate = listingDate;
  return index;
}

function add(index: PropsIndex, fields: PaperFields, partial: boolean) {
  index.papers.set(fields.id, fields);
  if (partial) index.partial.add(fields.id);
}

/** A flat paper object: `/api/papers/<id>` or the `paper` of a paper page. */
export function fromApiPaper(raw: unknown): PaperFields | undefined {
  const p = PropsPaper.safeParse(raw);
  if (!p.success) return undefined;
  stripDropped(p.data);
  return fromPaper(p.data);
}

function fromItem(item: z.infer<typeof PropsItem>): PaperFields {
  const fields = fromPaper(item.paper);
  fields.title ??= item.title;
  fields.abstract ??= item.summary;
  fields.thumbnail ??= item.thumbnail;
  if (item.numComments !== undefined) fields.comments = item.numComments;
  const by = item.submittedBy?.name ?? item.submittedBy?.user;
  if (by) fields.submitter = by;
  if (!fields.organization && item.organization) fields.organization = org(item.organization);
  return prune(fields);
}

function fromPaper(p: PropsPaper): PaperFields {
  // The site marks some authors `hidden` (it folds them out of its byline): they are still the
  // paper's authors, in their place, for exports and citations.
  const authors = p.authors?.filter((a) => a.name.trim()).map((a) => a.name.trim());
  return prune({
    id: p.id,
    title: p.title?.trim(),
    authors: authors?.length ? authors : undefined,
    abstract: p.summary?.trim(),
    publishedAt: dayOf(p.publishedAt),
    featuredAt: dayOf(p.submittedOnDailyAt),
    upvotes: p.upvotes,
    comments: p.numComments,
    organization: p.organization && org(p.organization),
    submitter: p.submittedOnDailyBy?.name ?? p.submittedOnDailyBy?.user,
    githubRepo: p.githubRepo,
    githubStars: p.githubStars,
    projectPage: p.projectPage,
    thumbnail: p.thumbnail,
    aiSummary: p.ai_summary,
    aiKeywords: p.ai_keywords?.length ? p.ai_keywords : undefined,
  });
}

function org(o: { name: string; fullname?: string }) {
  return o.fullname ? { name: o.name, fullname: o.fullname } : { name: o.name };
}

/** "2026-09-25T00:00:00.000Z" → "2026-09-25". */
export function dayOf(iso: string | undefined): string | undefined {
  const m = iso ? /^(\d{4}-\d{2}-\d{2})/.exec(iso) : null;
  return m?.[1];
}

/** Drops undefined and empty-string fields so a merge never overwrites a value with nothing. */
export function prune<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) {
    const v = o[k];
    if (v === undefined || v === '') delete o[k];
  }
  return o;
}
