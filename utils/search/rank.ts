/**
 * Scores a plan over the postings, in arrays indexed by doc number that live as long as the
 * index (a query allocates nothing in proportion to the library). Order: the paper whose title
 * is the query, then papers answering more of the words, then more of them without a slip, then
 * by score (how rare the terms, in which fields, joined runs counted).
 */
import type { Plan } from './plan';
import { ABSTRACT, AUTHORS, NAME, NOTE, TAGS, TITLE } from './segment';

/** Field weights; a posting in several fields counts its best one. */
const WEIGHT = new Float32Array(64);
for (let m = 0; m < 64; m++) {
  WEIGHT[m] = Math.max(m & TITLE ? 10 : 0, m & NAME ? 12 : 0, m & TAGS ? 6 : 0, m & AUTHORS ? 5 : 0, m & NOTE ? 4 : 0, m & ABSTRACT ? 1 : 0);
}

const popcount = (x: number) => {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
};

export interface Ranked {
  docs: number[];
  total: number;
  /** Whether the papers listed hold every word (else: the most words any paper holds). */
  complete: boolean;
}

export class Scorer {
  private score = new Float64Array(0);
  private best = new Float32Array(0);
  private cover = new Uint32Array(0);
  private exact = new Uint32Array(0);
  private stamp = new Uint32Array(0);
  private slotStamp = new Uint32Array(0);
  private gen = 0;
  private slotGen = 0;

  private ensure(n: number) {
    if (this.score.length >= n) return;
    const cap = Math.max(1024, n * 1.5) | 0;
    this.score = new Float64Array(cap);
    this.best = new Float32Array(cap);
    this.cover = new Uint32Array(cap);
    this.exact = new Uint32Array(cap);
    this.stamp = new Uint32Array(cap);
    this.slotStamp = new Uint32Array(cap);
  }

  rank(plan: Plan, dead: Uint8Array, docCount: number, live: number, isTitle: (doc: number) => boolean, limit: number): Ranked {
    this.ensure(docCount);
    const { score, best, cover, exact, stamp, slotStamp } = this;
    const gen = ++this.gen;
    const touched: number[] = [];
    for (const slot of plan.slots) {
      const sg = ++this.slotGen;
      for (const { seg, t, q, typo } of slot.hits) {
        const { docs, fields, field, starts } = seg.data;
        const from = starts[t]!;
        const to = starts[t + 1]!;
        const base = q * slot.boost * Math.log(1 + live / (to - from));
        for (let j = from; j < to; j++) {
          const d = docs[j]!;
          if (dead[d]) continue;
          const w = base * WEIGHT[fields ? fields[j]! : field]!;
          if (stamp[d] !== gen) {
            stamp[d] = gen;
            score[d] = 0;
            cover[d] = 0;
            exact[d] = 0;
            touched.push(d);
          }
          if (slotStamp[d] !== sg) {
            slotStamp[d] = sg;
            best[d] = w;
            score[d] += w;
            cover[d] |= slot.cover;
          } else if (w > best[d]!) {
            score[d] += w - best[d]!;
            best[d] = w;
          }
          if (!typo) exact[d] |= slot.cover;
        }
      }
    }
    let most = 0;
    for (const d of touched) most = Math.max(most, popcount(cover[d]!));
    const hits = touched.filter((d) => popcount(cover[d]!) === most);
    const key = new Float64Array(hits.length);
    hits.forEach((d, i) => {
      key[i] = (isTitle(d) ? 1e13 : 0) + popcount(exact[d]!) * 1e10 + score[d]!;
    });
    return { docs: top(hits, key, limit), total: hits.length, complete: most === popcount(plan.all) };
  }
}

/** The `limit` best of `docs` by `key`, best first (ties: the older paper first). */
function top(docs: number[], key: Float64Array, limit: number): number[] {
  let order = docs.map((_, i) => i);
  if (docs.length > limit * 4 && limit < 2000) {
    const threshold = kth(Float64Array.from(key), limit);
    order = order.filter((i) => key[i]! >= threshold);
  }
  order.sort((a, b) => key[b]! - key[a]! || docs[a]! - docs[b]!);
  return order.slice(0, limit).map((i) => docs[i]!);
}

/** The k-th largest value (quickselect; rearranges `xs`). */
function kth(xs: Float64Array, k: number): number {
  let lo = 0;
  let hi = xs.length - 1;
  const want = k - 1;
  while (lo < hi) {
    const pivot = xs[(lo + hi) >>> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (xs[i]! > pivot) i++;
      while (xs[j]! < pivot) j--;
      if (i <= j) {
        const t = xs[i]!;
        xs[i++] = xs[j]!;
        xs[j--] = t;
      }
    }
    if (want <= j) hi = j;
    else if (want >= i) lo = i;
    else break;
  }
  return xs[want]!;
}
