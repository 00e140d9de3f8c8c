/**
 * Words and the terms indexed for them. A word keeps its inner dots, hyphens and the like
 * (`Qwen2.5-VL`, `GPT-4o`, `Think-at-Hard`), and is indexed whole with those marks taken out
 * (`qwen25vl`) and by its parts (`qwen2`, `5`, `vl`), so it is found as typed, in pieces, or as a
 * prefix. A name followed by a number or a short word (`Llama 3`, `V-JEPA 2`, `Qwen2.5 VL`) is
 * also indexed joined (`llama3`), and an author's full name as one term (`hongyangdu`).
 */
export interface Word {
  /** The word as written, normalised (`qwen2.5-vl`). */
  text: string;
  /** Its letters and digits only (`qwen25vl`). */
  joined: string;
  parts: string[];
  /** Where it ends in the text, to tell adjacent words (only whitespace between). */
  start: number;
  end: number;
}

const LETTER = /[\p{L}\p{N}]/u;
const isMark = (c: number) => c === 46 || c === 45 || c === 95 || c === 43 || c === 39 || c === 8217 || c === 47;
const isAlnum = (s: string, i: number) => {
  const c = s.charCodeAt(i);
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c > 127 && !isMark(c) && LETTER.test(s[i]!));
};

/** Lower case, accents and ligatures folded (`Schölkopf` → `scholkopf`, `ﬁ` → `fi`). */
export function normalize(s: string): string {
  return /^[ -~\s]*$/.test(s)
    ? s.toLowerCase()
    : s
        .normalize('NFKD')
        .replace(/\p{M}+/gu, '')
        .toLowerCase();
}

/**
 * Calls `word(start, end, marked)` for each word of a normalised text: letters and digits, with
 * single inner marks (`.-_+'’/`) between them; `marked` when it has some.
 */
function scan(s: string, word: (start: number, end: number, marked: boolean) => void) {
  const n = s.length;
  let i = 0;
  while (i < n) {
    if (!isAlnum(s, i)) {
      i++;
      continue;
    }
    const start = i;
    let marked = false;
    for (;;) {
      while (i < n && isAlnum(s, i)) i++;
      if (i + 1 < n && isMark(s.charCodeAt(i)) && isAlnum(s, i + 1)) {
        marked = true;
        i++;
      } else break;
    }
    word(start, i, marked);
  }
}

const MARKS = /[.\-_+'’/]/;

export function words(text: string): Word[] {
  const out: Word[] = [];
  const norm = normalize(text);
  scan(norm, (start, end, marked) => {
    const w = norm.slice(start, end);
    const parts = marked ? w.split(MARKS) : [w];
    out.push({ text: w, joined: marked ? parts.join('') : w, parts, start, end });
  });
  return out;
}

/**
 * What may follow a name as its version or variant: `3`, `2.5`, `3n` after any word; `vl`, `r1`
 * after one with digits (`Qwen2.5 VL`, not `Continual in`).
 */
const VERSION = /^\d/;
const VARIANT = /^[\p{L}]{1,3}\d*$/u;
const DIGIT = /\d/;

/**
 * Calls `emit` with every term of `text`. `pairs`: also join a name with the number or short
 * word after it. Each term may come more than once.
 */
export function terms(text: string, emit: (term: string) => void, pairs = true, skip?: Set<string>) {
  const norm = normalize(text);
  let prev = '';
  let prevEnd = -2;
  scan(norm, (start, end, marked) => {
    let joined: string;
    if (marked) {
      const parts = norm.slice(start, end).split(MARKS);
      joined = parts.join('');
      for (const p of parts) emit(p);
    } else joined = norm.slice(start, end);
    if (!skip?.has(joined)) emit(joined);
    const adjacent = prev && start === prevEnd + 1 && norm.charCodeAt(prevEnd) === 32;
    if (pairs && adjacent && (VERSION.test(joined) || (VARIANT.test(joined) && DIGIT.test(prev)))) emit(prev + joined);
    prev = joined;
    prevEnd = end;
  });
}

/** An author's name as one term, so a full name outranks its first and last names met apart. */
export function nameTerm(name: string): string {
  return normalize(name).replace(NOT_ALNUM, '');
}
const NOT_ALNUM = /[^\p{L}\p{N}]+/gu;

/** What a title is equal to, however pasted: words only, in order. */
export function titleKey(title: string): number {
  return hash(normalize(title).replace(NOT_ALNUM, ' ').trim());
}

/** FNV-1a, 32 bits: signatures and title keys (a collision costs one misplaced row, never a lost paper). */
export function hash(s: string, h = 0x811c9dc5): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Words too common in abstracts to be worth their postings, and that nobody searches for (titles keep every word). */
export const ABSTRACT_STOP = new Set('a an and are as at be by for from in is it its of on or our that the this to we with'.split(' '));
