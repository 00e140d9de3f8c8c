/**
 * An immutable piece of the index: its terms sorted (for exact, prefix and typo look-ups by
 * binary search) and, per term, the papers holding it (ascending doc numbers) with the fields
 * it is in. Plain typed arrays and one string, so a segment is stored and restored as it is.
 * New papers go to a `SegmentBuilder`, sealed into a segment before the next search; small
 * segments are merged into larger ones in idle time, dropping removed papers.
 */
export const TITLE = 1;
export const AUTHORS = 2;
export const NAME = 4;
export const TAGS = 8;
export const NOTE = 16;
export const ABSTRACT = 32;

/** A segment as stored: structured-clone friendly (IndexedDB keeps it as it is). */
export interface SegmentData {
  terms: string;
  starts: Uint32Array;
  docs: Uint32Array;
  /** Field bits per posting; absent when every posting is in `field` (abstracts). */
  fields?: Uint8Array;
  field: number;
  docCount: number;
}

export class Segment {
  readonly terms: string[];
  constructor(readonly data: SegmentData) {
    this.terms = data.terms ? data.terms.split('\n') : [];
  }

  get docCount() {
    return this.data.docCount;
  }

  get size() {
    return this.data.docs.length;
  }

  /** Index of the first term ≥ `s`. */
  lowerBound(s: string): number {
    let lo = 0;
    let hi = this.terms.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.terms[mid]! < s) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  find(term: string): number {
    const i = this.lowerBound(term);
    return this.terms[i] === term ? i : -1;
  }

  /** Terms starting with `p`: [from, to). */
  prefix(p: string): [number, number] {
    const from = this.lowerBound(p);
    let to = from;
    while (to < this.terms.length && this.terms[to]!.startsWith(p)) to++;
    return [from, to];
  }

  df(t: number): number {
    return this.data.starts[t + 1]! - this.data.starts[t]!;
  }
}

/** Collects postings of papers added in ascending doc order, then seals them into a segment. */
export class SegmentBuilder {
  private postings = new Map<string, number[]>();
  docCount = 0;
  constructor(readonly field = 0) {}

  get empty() {
    return this.docCount === 0;
  }

  startDoc() {
    this.docCount++;
  }

  add(term: string, doc: number, field: number) {
    const list = this.postings.get(term);
    if (!list) this.postings.set(term, [doc, field]);
    else if (list[list.length - 2] === doc) list[list.length - 1]! |= field;
    else list.push(doc, field);
  }

  seal(): Segment {
    const terms = [...this.postings.keys()].sort();
    const starts = new Uint32Array(terms.length + 1);
    let n = 0;
    terms.forEach((t, i) => {
      starts[i] = n;
      n += this.postings.get(t)!.length / 2;
    });
    starts[terms.length] = n;
    const docs = new Uint32Array(n);
    const fields = this.field ? undefined : new Uint8Array(n);
    let k = 0;
    for (const t of terms) {
      const list = this.postings.get(t)!;
      for (let j = 0; j < list.length; j += 2, k++) {
        docs[k] = list[j]!;
        if (fields) fields[k] = list[j + 1]!;
      }
    }
    const segment = new Segment({ terms: terms.join('\n'), starts, docs, fields, field: this.field, docCount: this.docCount });
    this.postings.clear();
    this.docCount = 0;
    return segment;
  }
}

/**
 * One segment holding `a` then `b` (whose doc numbers all follow `a`'s), without the postings of
 * removed papers (`dead[doc]` set).
 */
export function mergeSegments(a: Segment, b: Segment, dead: Uint8Array): Segment {
  const field = a.data.field === b.data.field ? a.data.field : 0;
  const total = a.size + b.size;
  const docs = new Uint32Array(total);
  const fields = field ? undefined : new Uint8Array(total);
  const terms: string[] = [];
  const starts: number[] = [];
  let n = 0;
  const copy = (s: Segment, t: number) => {
    const { docs: from, fields: fs, field: f, starts: st } = s.data;
    for (let j = st[t]!; j < st[t + 1]!; j++) {
      const d = from[j]!;
      if (dead[d]) continue;
      docs[n] = d;
      if (fields) fields[n] = fs ? fs[j]! : f;
      n++;
    }
  };
  let i = 0;
  let j = 0;
  while (i < a.terms.length || j < b.terms.length) {
    const ta = a.terms[i];
    const tb = b.terms[j];
    const term = tb === undefined || (ta !== undefined && ta < tb) ? ta! : tb;
    const before = n;
    if (ta === term) copy(a, i++);
    if (tb === term) copy(b, j++);
    if (n > before) {
      terms.push(term);
      starts.push(before);
    }
  }
  starts.push(n);
  return new Segment({
    terms: terms.join('\n'),
    starts: Uint32Array.from(starts),
    docs: docs.slice(0, n),
    fields: fields?.slice(0, n),
    field,
    docCount: a.docCount + b.docCount,
  });
}
