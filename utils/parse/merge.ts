import type { Paper, PaperFields } from '../model';
import type { PageKind } from './page';

/** A daily listing's day: from its URL, else from its data (`/papers` alone shows the latest day). */
export function listingDay(page: { kind: PageKind; listingDate?: string }, dataDay: string | undefined): string | undefined {
  return page.kind === 'daily' ? (page.listingDate ?? dataDay) : undefined;
}

/** Counters the DOM keeps live (a logged-in upvote updates the card, not the embedded JSON). */
const LIVE = ['upvotes', 'comments', 'githubStars'] as const;

/**
 * One card: the embedded data first, the card's DOM for what the data lacks, and the DOM's
 * live counters over the data's page-load ones. Either side may be missing.
 */
export function mergeCard(dom: PaperFields, props: PaperFields | undefined): PaperFields {
  if (!props) return dom;
  const out: PaperFields = { ...dom, ...props };
  for (const k of LIVE) if (dom[k] !== undefined) out[k] = dom[k];
  // Props carry the full author list; the card only the avatars shown and a count.
  if (props.authors?.length) delete out.authorCount;
  else if (dom.authors) {
    out.authors = dom.authors;
    if (dom.authorCount !== undefined) out.authorCount = dom.authorCount;
  }
  return out;
}

export interface Sighting {
  at: number;
  url?: string;
  listingDate?: string;
}

/**
 * A stored paper updated with what was just read: new values win, nothing known is erased, the
 * more complete author list is kept, and first/last seen are tracked.
 */
export function mergeStored(old: Paper | undefined, fields: PaperFields, seen: Sighting): Paper {
  const next: Paper = {
    ...old,
    ...fields,
    title: fields.title || old?.title || `arXiv:${fields.id}`,
    authors: betterAuthors(old, fields),
    firstSeenAt: old?.firstSeenAt ?? seen.at,
    lastSeenAt: Math.max(seen.at, old?.lastSeenAt ?? 0),
  } as Paper;
  // A count is kept only while the list is partial; the highest count seen wins.
  const authorCount = Math.max(fields.authorCount ?? 0, old?.authorCount ?? 0);
  if (authorCount > next.authors.length) next.authorCount = authorCount;
  else delete next.authorCount;
  if (!old && seen.url) next.firstSeenUrl = seen.url;
  // The listing's day may only be known once its JSON arrived, after a first lean sighting.
  if (!old?.listingDate && seen.listingDate) next.listingDate = seen.listingDate;
  if (seen.url) next.lastSeenUrl = seen.url;
  return next;
}

function isComplete(authors: string[] | undefined, count: number | undefined) {
  return !!authors?.length && (count === undefined || authors.length >= count);
}

function betterAuthors(old: Paper | undefined, fields: PaperFields): string[] {
  const fresh = fields.authors;
  if (!old?.authors.length) return fresh ?? [];
  if (!fresh?.length) return old.authors;
  const freshComplete = isComplete(fresh, fields.authorCount);
  const oldComplete = isComplete(old.authors, old.authorCount);
  if (freshComplete || !oldComplete) return freshComplete || fresh.length >= old.authors.length ? fresh : old.authors;
  return old.authors;
}
