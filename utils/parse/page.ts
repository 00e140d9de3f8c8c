import { PAPER_ID_RE } from '../ids';

export type PageKind = 'daily' | 'weekly' | 'monthly' | 'trending' | 'search' | 'paper' | 'other';

export interface PageInfo {
  kind: PageKind;
  url: string;
  /** Day of a daily listing when the URL names it (`/papers` alone shows the latest day). */
  listingDate?: string;
  query?: string;
  paperId?: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** What kind of papers page a URL is, from the path alone (the DOM may not be rendered yet). */
export function pageInfo(href: string): PageInfo {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return { kind: 'other', url: href };
  }
  const parts = url.pathname.split('/').filter(Boolean);
  const base = { url: url.origin + url.pathname + url.search };
  if (parts[0] !== 'papers') return { kind: 'other', ...base };
  const query = url.searchParams.get('q')?.trim() || undefined;
  if (query) return { kind: 'search', query, ...base };
  const [, second, third] = parts;
  if (!second) {
    const date = url.searchParams.get('date') ?? undefined;
    return { kind: 'daily', listingDate: date && DAY.test(date) ? date : undefined, ...base };
  }
  if (second === 'date' && third && DAY.test(third)) return { kind: 'daily', listingDate: third, ...base };
  if (second === 'week') return { kind: 'weekly', ...base };
  if (second === 'month') return { kind: 'monthly', ...base };
  if (second === 'trending') return { kind: 'trending', ...base };
  const id = paperIdFromPath(second);
  if (id && parts.length === 2) return { kind: 'paper', paperId: id, ...base };
  return { kind: 'other', ...base };
}

/** `2409.12345`, `2409.12345v2` → `2409.12345`; anything else → undefined. */
export function paperIdFromPath(segment: string): string | undefined {
  const id = decodeURIComponent(segment).replace(/v\d+$/, '');
  return PAPER_ID_RE.test(id) ? id : undefined;
}

/** The paper id of a link such as `/papers/2409.12345` or `/papers/2409.12345#community`. */
export function paperIdFromHref(href: string | null): string | undefined {
  if (!href) return undefined;
  // The common case, checked without regex or decoding: "/papers/2409.12345".
  if (href.length <= 19 && href.startsWith('/papers/') && PAPER_ID_RE.test(href.slice(8))) return href.slice(8);
  const m = /^(?:https:\/\/huggingface\.co)?\/papers\/([^/?#]+)\/?(?:[?#].*)?$/.exec(href);
  return m?.[1] ? paperIdFromPath(m[1]) : undefined;
}
