/**
 * Text as follows compare it: lower case, without accents or punctuation, words separated by one
 * space ("Énergie-Based  Models!" → "energie based models"). Letters without a decomposition
 * (ß, æ, ø, ł…) are spelled out as their ASCII readers write them.
 */
import type { FollowKind } from '../model';

const SPELLED: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };
const NON_ASCII = /[^\0-\x7f]/;
const LATIN = /[\u00c0-\u024f\u1e00-\u1eff]/g;
const BETWEEN_WORDS = /[^\p{L}\p{N}]+/u;

/** Latin letters with accents, each as its base letter(s): normalising once per letter, not once per text. */
let latin: Map<string, string> | undefined;
function baseOf(c: string): string {
  latin ??= new Map();
  let base = latin.get(c);
  if (base === undefined) {
    base = SPELLED[c] ?? c.normalize('NFKD').replace(/\p{M}+/gu, '');
    latin.set(c, base);
  }
  return base;
}

/**
 * Lower case, accents gone, punctuation kept. Most text is ASCII and most of the rest Latin: neither pays for
 * Unicode normalisation (a call costs microseconds; a page has a thousand author names).
 */
export function plain(text: string): string {
  const lower = text.toLowerCase();
  if (!NON_ASCII.test(lower)) return lower;
  const latin = lower.replace(LATIN, baseOf);
  return NON_ASCII.test(latin) ? latin.normalize('NFKD').replace(/\p{M}+/gu, '') : latin;
}

/** The words of a text, folded. */
export function words(text: string): string[] {
  const list = plain(text).split(BETWEEN_WORDS);
  if (list[0] === '') list.shift();
  if (list.at(-1) === '') list.pop();
  return list;
}

export function fold(text: string): string {
  return words(text).join(' ');
}

/**
 * The form a follow's value is matched in. Keywords are words (`diffusion model`); names, of
 * authors and organisations, are their letters and digits alone, so spacing and hyphens do not
 * matter ("Yann Le Cun" is "Yann LeCun", "DeepSeek AI" is `deepseek-ai`).
 */
export function matchForm(kind: FollowKind, text: string): string {
  return kind === 'keyword' ? fold(text) : words(text).join('');
}

/** A follow's key: `<kind>:<match form>`; undefined when nothing of the text is left to match. */
export function followKey(kind: FollowKind, text: string): string | undefined {
  const form = matchForm(kind, text);
  return form ? `${kind}:${form}` : undefined;
}
