/**
 * Scores a plan over the postings, in arrays indexed by doc number that live as long as the
 * index (a query allocates nothing in proportion to the library). Order: the paper whose title
 * is the query, then papers answering more of the words, then more of them without a slip, then
 * by score (how rare the terms, in which fields, joined runs counted).
 */
import type { Plan, Slot } from './plan';
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

  rank(plan: Plan, dead: Uint8Array, docCount: number, live: number, titles: Uint32Array, key: number, limit: number): Ranked {
    this.ensure(docCount);
    const gen = ++this.gen;
    this.touched = [];
    // Papers holding every word are among those answering the word whose slots cost least: score
    // those first, then look only at them in the other slots' postings. Only when no paper holds
    // every word is every posting read, to list the papers holding the most.
    const cost = plan.slots.map((s) => s.hits.reduce((n, h) => n + h.seg.df(h.t), 0));
    let driver = 0;
    let least = Infinity;
    for (let i = 0; i < plan.words.length; i++) {
      const c = plan.slots.reduce((n, s, k) => n + (s.cover & (1 << i) ? cost[k]! : 0), 0);
      if (c < least) [least, driver] = [c, i];
    }
    const first = plan.slots.filter((s) => s.cover & (1 << driver));
    const rest = plan.slots.filter((s) => !(s.cover & (1 << driver)));
    for (const slot of first) this.slot(slot, dead, live, gen, false);
    const candidates = Uint32Array.from(this.touched).sort();
    for (const slot of rest) this.slot(slot, dead, live, gen, true, candidates);
    let ranked = this.collect(plan, titles, key, limit);
    if (!ranked.complete && plan.words.length > 1) {
      const again = ++this.gen;
      this.touched = [];
      for (const slot of plan.slots) this.slot(slot, dead, live, again, false);
      ranked = this.collect(plan, titles, key, limit);
    }
    return ranked;
  }

  private touched: number[] = [];

  /** Adds a slot's postings: to any paper, or (`only`) to papers already met in this query, found by binary search when fewer. */
  private slot(slot: Slot, dead: Uint8Array, live: number, gen: number, only: boolean, candidates?: Uint32Array) {
    const sg = ++this.slotGen;
    for (const hit of slot.hits) {
      const { seg, t } = hit;
      const { fields, field, packed } = seg.data;
      const df = seg.df(t);
      const base = hit.q * slot.boost * Math.log(1 + live / df);
      const few = only && candidates!.length * 16 < df;
      if (few && packed) {
        const w = base * WEIGHT[field]!;
        seg.probe(t, candidates!, (d) => this.add(d, w, slot.cover, hit.typo, dead, gen, sg, true));
        continue;
      }
      const [docs, from, to] = seg.postings(t);
      if (few) {
        for (let k = 0; k < candidates!.length; k++) {
          const j = lowerBound(docs, from, to, candidates![k]!);
          if (j === to || docs[j] !== candidates![k]) continue;
          this.add(docs[j]!, base * WEIGHT[fields ? fields[j]! : field]!, slot.cover, hit.typo, dead, gen, sg, true);
        }
      } else {
        for (let j = from; j < to; j++) this.add(docs[j]!, base * WEIGHT[fields ? fields[j]! : field]!, slot.cover, hit.typo, dead, gen, sg, only);
      }
    }
  }

  private add(d: number, w: number, cover: number, typo: boolean, dead: Uint8Array, gen: number, sg: number, only: boolean) {
    if (dead[d]) return;
    if (this.stamp[d] !== gen) {
      if (only) return;
      this.stamp[d] = gen;
      this.score[d] = 0;
      this.cover[d] = 0;
      this.exact[d] = 0;
      this.touched.push(d);
    }
    if (this.slotStamp[d] !== sg) {
      this.slotStamp[d] = sg;
      this.best[d] = w;
      this.score[d]! += w;
      this.cover[d]! |= cover;
    } else if (w > this.best[d]!) {
      this.score[d]! += w - this.best[d]!;
      this.best[d] = w;
    }
    if (!typo) this.exact[d]! |= cover;
  }

  private collect(plan: Plan, titles: Uint32Array, key: number, limit: number): Ranked {
    const { score, cover, exact, touched } = this;
    let most = 0;
    for (let i = 0; i < touched.length; i++) most = Math.max(most, popcount(cover[touched[i]!]!));
    const hits: number[] = [];
    for (let i = 0; i < touched.length; i++) if (popcount(cover[touched[i]!]!) === most) hits.push(touched[i]!);
    const keys = new Float64Array(hits.length);
    for (let i = 0; i < hits.length; i++) {
      const d = hits[i]!;
      keys[i] = (titles[d] === key ? 1e13 : 0) + popcount(exact[d]!) * 1e10 + score[d]!;
    }
    return { docs: top(hits, keys, limit), total: hits.length, complete: most === popcount(plan.all) };
  }
}

function lowerBound(a: Uint32Array, lo: number, hi: number, x: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
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
