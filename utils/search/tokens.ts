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

const WORD = /[\p{L}\p{N}]+(?:[.\-_+'’/][\p{L}\p{N}]+)*/gu;
const MARKS = /[.\-_+'’/]/;

/** Lower case, accents and ligatures folded (`Schölkopf` → `scholkopf`, `ﬁ` → `fi`). */
export function normalize(s: string): string {
  // eslint-disable-next-line no-control-regex
  return /^[\x00-\x7f]*$/.test(s) ? s.toLowerCase() : s.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

export function words(text: string): Word[] {
  const out: Word[] = [];
  const norm = normalize(text);
  for (const m of norm.matchAll(WORD)) {
    const w = m[0];
    const parts = MARKS.test(w) ? w.split(/[.\-_+'’/]+/) : [w];
    out.push({ text: w, joined: parts.length > 1 ? parts.join('') : w, parts, start: m.index, end: m.index + w.length });
  }
  return out;
}

/** Adjacent: only spaces between (a line break or a colon ends a name). */
const adjacent = (text: string, a: Word, b: Word) => b.start - a.end === 1 && text[a.end] === ' ';
/** What may follow a name as its version or variant: `3`, `2.5`, `3n`, `vl`, `r1`. */
const TAIL = /^(?:\d[\p{L}\p{N}]*|[\p{L}]{1,2}\d*)$/u;

/**
 * Calls `emit` with every term of `text`. `pairs`: also join a name with the number or short
 * word after it. Each term may come more than once.
 */
export function terms(text: string, emit: (term: string) => void, pairs = true, skip?: Set<string>) {
  const ws = words(text);
  const norm = pairs ? normalize(text) : '';
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i]!;
    if (!skip?.has(w.joined)) emit(w.joined);
    if (w.parts.length > 1) for (const p of w.parts) if (p) emit(p);
    const next = ws[i + 1];
    if (pairs && next && TAIL.test(next.joined) && adjacent(norm, w, next)) emit(w.joined + next.joined);
  }
}

/** An author's name as one term, so a full name outranks its first and last names met apart. */
export function nameTerm(name: string): string {
  return words(name).map((w) => w.joined).join('');
}

/** What a title is equal to, however pasted: words only, in order. */
export function titleKey(title: string): number {
  return hash(words(title).map((w) => w.joined).join(' '));
}

/** FNV-1a, 32 bits: signatures and title keys (a collision costs one misplaced row, never a lost paper). */
export function hash(s: string, h = 0x811c9dc5): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Words too common in abstracts to be worth their postings (titles keep every word). */
export const ABSTRACT_STOP = new Set(
  'a an and are as at be by for from has have in is it its of on or that the this to we was were which with our these their can also than using based'.split(' '),
);
