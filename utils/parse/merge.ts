import type { PaperFields } from '../model';
import type { PageKind } from '../pages';

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
