/** How a stored paper takes what was just read of it (a page, the site's API, an import). */
import type { Paper, PaperFields } from '../model';

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
