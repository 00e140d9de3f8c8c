/**
 * What a query looks for: for each word, the terms it matches in every segment (as typed, as the
 * start of a longer term, or one slip away when it matches nothing as typed), and for runs of
 * adjacent words the terms they make joined (`llama 3` → `llama3`, `hongyang du` → `hongyangdu`,
 * `qwen 2.5 vl` → `qwen25vl`), which count for all the words of the run.
 */
import type { Segment } from './segment';
import { oneSlip } from './typos';
import { words, type Word } from './tokens';

export interface Hit {
  seg: Segment;
  t: number;
  /** How well the term answers the word: 1 as typed, less as a prefix or a slip. */
  q: number;
  typo: boolean;
}
export interface Slot {
  /** The query words this slot answers, as bits. */
  cover: number;
  /** Runs of words joined weigh more: they are the name or model the reader meant. */
  boost: number;
  hits: Hit[];
}
export interface Plan {
  words: Word[];
  slots: Slot[];
  all: number;
}

export const MAX_WORDS = 24;
const MIN_TYPO = 5;
/** A short prefix of an abstract word could stand for thousands of terms: abstracts match from 4 letters, by their most frequent terms. */
const TEXT_PREFIX_MIN = 4;
const TEXT_PREFIX_MAX = 1000;

function exact(segs: Segment[], term: string, q: number, typo: boolean, out: Hit[]) {
  for (const seg of segs) {
    const t = seg.find(term);
    if (t >= 0) out.push({ seg, t, q, typo });
  }
}

/** Terms starting with `p` (longer than it); past `max` of them in a segment, its `max` most frequent (the rare rest hold few papers). */
function prefix(segs: Segment[], p: string, q: number, typo: boolean, out: Hit[], max = Infinity) {
  for (const seg of segs) {
    const [from, to] = seg.prefix(p);
    let ts = Array.from({ length: to - from }, (_, i) => from + i);
    if (ts.length > max) ts = ts.sort((a, b) => seg.df(b) - seg.df(a)).slice(0, max);
    for (const t of ts) {
      const len = seg.termLength(t);
      if (len > p.length) out.push({ seg, t, q: q * (0.3 + (0.4 * p.length) / len), typo });
    }
  }
}

function wordHits(w: Word, last: boolean, quick: Segment[], text: Segment[]): Hit[] {
  const term = w.joined;
  const hits: Hit[] = [];
  exact(quick, term, 1, false, hits);
  exact(text, term, 1, false, hits);
  // One letter alone would stand for most of the library: it matches as a whole word only.
  if (term.length >= 3 || (last && term.length === 2)) prefix(quick, term, 1, false, hits);
  if (term.length >= TEXT_PREFIX_MIN) prefix(text, term, 1, false, hits, TEXT_PREFIX_MAX);
  const known = hits.some((h) => !h.typo && (h.seg.data.field === 0 || h.seg.df(h.t) > 1));
  if (!known && term.length >= MIN_TYPO && /^[a-z]+$/.test(term)) {
    for (const v of oneSlip(term)) {
      exact(quick, v, 0.5, true, hits);
      exact(text, v, 0.5, true, hits);
      // The last word may still be being typed: a slip in its start.
      if (last && term.length >= MIN_TYPO + 1) prefix(quick, v, 0.4, true, hits, 50);
    }
  }
  return hits;
}

export function plan(query: string, quick: Segment[], text: Segment[]): Plan {
  const ws = words(query).slice(0, MAX_WORDS);
  const slots: Slot[] = ws.map((w, i) => ({ cover: 1 << i, boost: 1, hits: wordHits(w, i === ws.length - 1, quick, text) }));
  for (let i = 0; i < ws.length - 1; i++) {
    let joined = ws[i]!.joined;
    for (let j = i + 1; j < Math.min(ws.length, i + 4); j++) {
      joined += ws[j]!.joined;
      const hits: Hit[] = [];
      exact(quick, joined, 1, false, hits);
      if (j === ws.length - 1) prefix(quick, joined, 1, false, hits, 50);
      let cover = 0;
      for (let k = i; k <= j; k++) cover |= 1 << k;
      if (hits.length) slots.push({ cover, boost: 1.5 * (j - i + 1), hits });
    }
  }
  return { words: ws, slots, all: ws.length ? 2 ** ws.length - 1 : 0 };
}
