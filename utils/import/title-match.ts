/**
 * Whether a paper huggingface.co found is the one a file named by title: the titles must be
 * equal once case, accents, punctuation and spacing are set aside. Never a guess: when authors
 * are known on both sides they must share a family name, and of several papers of one title the
 * year must single one out, or none is taken.
 */
import type { TitleCandidate } from './types';

/** A search result, as the look-up reads it from the site's answer. */
export interface SearchHit {
  id: string;
  title: string;
  authors: string[];
  abstract?: string;
  /** `YYYY-MM-DD` */
  publishedAt?: string;
}

export type TitleMatch = { found: SearchHit } | { found?: undefined; why: 'no-title' | 'authors-differ' | 'ambiguous'; ids?: string[] };

const LETTERS: Record<string, string> = { ł: 'l', Ł: 'l', ø: 'o', Ø: 'o', ß: 'ss', æ: 'ae', Æ: 'ae', œ: 'oe', Œ: 'oe', đ: 'd', ı: 'i' };

/** "Attention Is All You Need!" and "attention is all you need" are one title; so are "Müller" and "Muller". */
export function normalTitle(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[łŁøØßæÆœŒđı]/g, (c) => LETTERS[c]!)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Names that say nothing of who wrote the paper (OpenReview's anonymous submissions). */
const NO_ONE = /^(anonymous|anonymous authors?|et al\.?|others)$/i;

function families(names: string[]): string[] {
  return names
    .filter((n) => !NO_ONE.test(n.trim()))
    .map(
      (n) =>
        normalTitle(n.includes(',') ? n.split(',')[0]! : n)
          .split(' ')
          .pop() ?? '',
    )
    .filter((f) => f.length > 1);
}

function shareAuthor(wanted: string[], hit: SearchHit): boolean {
  const words = new Set(hit.authors.flatMap((a) => normalTitle(a).split(' ')));
  return wanted.some((f) => words.has(f));
}

export function matchTitle(candidate: Pick<TitleCandidate, 'title' | 'authors' | 'year'>, hits: SearchHit[]): TitleMatch {
  const want = normalTitle(candidate.title);
  const byId = new Map<string, SearchHit>();
  for (const h of hits) if (want && normalTitle(h.title) === want && !byId.has(h.id)) byId.set(h.id, h);
  let same = [...byId.values()];
  if (!same.length) return { why: 'no-title' };
  const wanted = families(candidate.authors ?? []);
  const known = same.filter((h) => h.authors.length);
  if (wanted.length && known.length) {
    same = same.filter((h) => !h.authors.length || shareAuthor(wanted, h));
    if (!same.length) return { why: 'authors-differ', ids: known.map((h) => h.id) };
  }
  if (same.length > 1 && candidate.year) {
    const ofYear = same.filter((h) => h.publishedAt?.startsWith(String(candidate.year)));
    if (ofYear.length === 1) same = ofYear;
  }
  return same.length === 1 ? { found: same[0]! } : { why: 'ambiguous', ids: same.map((h) => h.id) };
}
