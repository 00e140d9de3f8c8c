/**
 * The papers pages of huggingface.co: the URL pattern the extension runs on (manifest, tab
 * queries), and what kind of page a URL is, from the path alone (the DOM may not be rendered yet).
 */
import { paperIdFromPath } from './ids';

/** Match pattern of every papers page (the content script's `matches`, tab queries). */
export const PAPERS_PAGES = 'https://huggingface.co/papers*';

export function isPapersPage(url: string | undefined): boolean {
  return !!url && /^https:\/\/huggingface\.co\/papers(?:[/?#]|$)/.test(url);
}

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
