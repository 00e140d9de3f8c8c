/**
 * What every export format needs from a paper: its names split into given and family parts,
 * its date, its citation key, the user's data. Pure functions over library items.
 */
import { paperDate, splitName } from '../citation';
import type { Item } from '../model';

/** Letters without accents, lower case, ASCII only: "Müller" → "muller", "Łukasz" → "lukasz". */
export function asciiFold(s: string): string {
  // Most names and titles are ASCII already: no Unicode normalisation for them (10,000 papers).
  if (!/[^\p{ASCII}]/u.test(s)) return s.toLowerCase().replace(/[^a-z0-9]/g, '');
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/gi, 'l')
    .replace(/ø/gi, 'o')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

const STOP = new Set([
  'a',
  'an',
  'the',
  'on',
  'of',
  'for',
  'in',
  'to',
  'and',
  'with',
  'from',
  'towards',
  'toward',
  'via',
  'is',
  'are',
  'do',
  'does',
  'can',
  'what',
  'how',
  'why',
  'when',
  'at',
  'by',
  'as',
  'be',
]);

/**
 * Readable citation keys, unique within the export and stable across exports: the first
 * author's family name, the year, the first significant word of the title ("vaswani2017attention").
 * Papers that share a key are told apart by a letter, in arXiv-id order, so the oldest keeps the
 * plain key and adding a paper later does not change the keys of those already cited.
 */
export function citationKeys(items: Item[]): Map<string, string> {
  const groups = new Map<string, string[]>();
  for (const p of items) {
    const first = p.authors[0] ? splitName(p.authors[0]) : undefined;
    const who = asciiFold(first?.family ?? first?.literal ?? '') || 'arxiv';
    const year = paperDate(p)?.year ?? '';
    const base = `${who}${year}${titleWord(p.title)}`;
    const group = groups.get(base);
    if (group) group.push(p.id);
    else groups.set(base, [p.id]);
  }
  const keys = new Map<string, string>();
  const taken = new Set(groups.keys());
  for (const [base, ids] of groups) {
    const sorted = [...new Set(ids)].sort();
    keys.set(sorted[0]!, base);
    let n = 0;
    for (const id of sorted.slice(1)) {
      let key: string;
      do key = `${base}${suffix(n++)}`;
      while (taken.has(key));
      taken.add(key);
      keys.set(id, key);
    }
  }
  return keys;
}

/** The first word of a title that says something ("The Attention Story" → "attention"). */
function titleWord(title: string): string {
  for (const m of title.matchAll(/[\p{L}\p{N}]+/gu)) {
    const w = asciiFold(m[0]);
    if (w.length > 1 && !STOP.has(w)) return w;
  }
  return '';
}

/** a, b, …, z, aa, ab, … */
function suffix(n: number): string {
  let s = '';
  for (n += 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(97 + ((n - 1) % 26)) + s;
  return s;
}

/** An ISO date-time for a stored timestamp (dates in files are readable, not epoch numbers). */
export const isoTime = (ms: number | undefined) => (ms === undefined ? '' : new Date(ms).toISOString());

/** Only the papers the user saved carry reading-list data; others export as plain references. */
export const statusOf = (p: Item) => (p.entry?.bookmarkedAt !== undefined ? p.entry.status : undefined);
