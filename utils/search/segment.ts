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
  /** The terms, sorted, end to end; term `t` is `terms.slice(offsets[t], offsets[t + 1])`. */
  terms: string;
  offsets: Uint32Array;
  /** Postings of term `t`: `docs[starts[t]]` to `docs[starts[t + 1] - 1]`, ascending. */
  starts: Uint32Array;
  docs: Uint32Array;
  /** Field bits per posting; absent when every posting is in `field` (abstracts). */
  fields?: Uint8Array;
  field: number;
  docCount: number;
}

/** Read in place: restoring a segment splits no string and copies no array. */
export class Segment {
  constructor(readonly data: SegmentData) {}

  get count() {
    return this.data.offsets.length - 1;
  }

  get docCount() {
    return this.data.docCount;
  }

  get size() {
    return this.data.docs.length;
  }

  term(t: number): string {
    return this.data.terms.slice(this.data.offsets[t], this.data.offsets[t + 1]);
  }

  termLength(t: number): number {
    return this.data.offsets[t + 1]! - this.data.offsets[t]!;
  }

  /** Term `t` compared with `s`, in code units as `Array.prototype.sort` orders them. */
  private compare(t: number, s: string): number {
    const { terms, offsets } = this.data;
    const from = offsets[t]!;
    const n = offsets[t + 1]! - from;
    const m = Math.min(n, s.length);
    for (let k = 0; k < m; k++) {
      const d = terms.charCodeAt(from + k) - s.charCodeAt(k);
      if (d) return d;
    }
    return n - s.length;
  }

  /** Index of the first term ≥ `s`. */
  lowerBound(s: string): number {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.compare(mid, s) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  find(term: string): number {
    const i = this.lowerBound(term);
    return i < this.count && this.compare(i, term) === 0 ? i : -1;
  }

  /** Terms starting with `p`: [from, to). */
  prefix(p: string): [number, number] {
    const from = this.lowerBound(p);
    let to = from;
    while (to < this.count && this.termLength(to) >= p.length && this.data.terms.startsWith(p, this.data.offsets[to])) to++;
    return [from, to];
  }

  df(t: number): number {
    return this.data.starts[t + 1]! - this.data.starts[t]!;
  }
}

/** Sorted terms, end to end, and where each starts. */
function packTerms(sorted: string[]): Pick<SegmentData, 'terms' | 'offsets'> {
  const offsets = new Uint32Array(sorted.length + 1);
  let n = 0;
  sorted.forEach((t, i) => {
    offsets[i] = n;
    n += t.length;
  });
  offsets[sorted.length] = n;
  return { terms: sorted.join(''), offsets };
}

/** Collects postings of papers added in ascending doc order, then seals them into a segment. */
export class SegmentBuilder {
  private ids = new Map<string, number>();
  private names: string[] = [];
  /** Per term: the last doc it was added for, and where, so a term met twice in a paper is one posting. */
  private lastDoc = new Int32Array(1024);
  private lastAt = new Uint32Array(1024);
  private tids = new Uint32Array(4096);
  private docs = new Uint32Array(4096);
  private fields = new Uint8Array(4096);
  private n = 0;
  docCount = 0;
  constructor(readonly field = 0) {}

  get empty() {
    return this.docCount === 0;
  }

  startDoc() {
    this.docCount++;
  }

  add(term: string, doc: number, field: number) {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.names.length;
      this.ids.set(term, id);
      this.names.push(term);
      if (id >= this.lastDoc.length) {
        this.lastDoc = grown(this.lastDoc, Int32Array);
        this.lastAt = grown(this.lastAt, Uint32Array);
      }
      this.lastDoc[id] = -1;
    }
    if (this.lastDoc[id] === doc) {
      this.fields[this.lastAt[id]!]! |= field;
      return;
    }
    if (this.n === this.tids.length) {
      this.tids = grown(this.tids, Uint32Array);
      this.docs = grown(this.docs, Uint32Array);
      this.fields = grown(this.fields, Uint8Array);
    }
    this.lastDoc[id] = doc;
    this.lastAt[id] = this.n;
    this.tids[this.n] = id;
    this.docs[this.n] = doc;
    this.fields[this.n++] = field;
  }

  seal(): Segment {
    const order = this.names.map((_, i) => i).sort((a, b) => (this.names[a]! < this.names[b]! ? -1 : 1));
    const rank = new Uint32Array(order.length);
    order.forEach((id, r) => (rank[id] = r));
    const starts = new Uint32Array(order.length + 1);
    for (let k = 0; k < this.n; k++) starts[rank[this.tids[k]!]! + 1]!++;
    for (let r = 0; r < order.length; r++) starts[r + 1]! += starts[r]!;
    const at = starts.slice(0, order.length);
    const docs = new Uint32Array(this.n);
    const fields = this.field ? undefined : new Uint8Array(this.n);
    for (let k = 0; k < this.n; k++) {
      const slot = at[rank[this.tids[k]!]!]!++;
      docs[slot] = this.docs[k]!;
      if (fields) fields[slot] = this.fields[k]!;
    }
    const segment = new Segment({ ...packTerms(order.map((id) => this.names[id]!)), starts, docs, fields, field: this.field, docCount: this.docCount });
    this.ids.clear();
    this.names = [];
    this.n = 0;
    // A bulk build leaves large buffers: give them back rather than keep them for one-paper edits.
    if (this.tids.length > 65536) {
      this.tids = new Uint32Array(4096);
      this.docs = new Uint32Array(4096);
      this.fields = new Uint8Array(4096);
      this.lastDoc = new Int32Array(1024);
      this.lastAt = new Uint32Array(1024);
    }
    this.docCount = 0;
    return segment;
  }
}

function grown<T extends Uint32Array | Int32Array | Uint8Array>(a: T, make: new (n: number) => T): T {
  const b = new make(a.length * 2);
  b.set(a);
  return b;
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
  while (i < a.count || j < b.count) {
    const ta = i < a.count ? a.term(i) : undefined;
    const tb = j < b.count ? b.term(j) : undefined;
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
    ...packTerms(terms),
    starts: Uint32Array.from(starts),
    docs: docs.slice(0, n),
    fields: fields?.slice(0, n),
    field,
    docCount: a.docCount + b.docCount,
  });
}
