/**
 * An immutable piece of the index: its terms sorted (for exact, prefix and typo look-ups by
 * binary search) and, per term, the papers holding it (ascending doc numbers) with the fields
 * it is in. Plain typed arrays and one string, so a segment is stored and restored as it is.
 * New papers go to a `SegmentBuilder`, sealed into a segment before the next search; small
 * segments are merged into larger ones in idle time, dropping removed papers.
 */
import { pack, probe, unpack } from './postings';

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
  /** Postings of term `t`: `docs[starts[t]]` to `docs[starts[t + 1] - 1]`, ascending; when `packed`, its bytes there. */
  starts: Uint32Array;
  docs: Uint32Array;
  /** Abstracts: the docs packed (postings.ts), `docs` empty, `counts` per term, and skips. */
  packed?: Uint8Array;
  counts?: Uint32Array;
  skipStarts?: Uint32Array;
  skipDocs?: Uint32Array;
  skipBytes?: Uint32Array;
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

  get postingCount() {
    return this.data.packed ? this.data.counts!.reduce((n, c) => n + c, 0) : this.data.docs.length;
  }

  /** What merging it costs (postings, or their bytes when packed). */
  get size() {
    return this.data.packed?.length ?? this.data.docs.length;
  }

  /** The docs of term `t`: `[array, from, to]` (a shared buffer when packed: use before the next call). */
  postings(t: number): [Uint32Array, number, number] {
    const { packed, starts, docs } = this.data;
    if (!packed) return [docs, starts[t]!, starts[t + 1]!];
    const n = this.df(t);
    return [unpack(packed, starts[t]!, starts[t + 1]!, n), 0, n];
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

  /** Calls `found(doc)` for each of the ascending `candidates` that term `t` of a packed segment holds. */
  probe(t: number, candidates: Uint32Array, found: (doc: number) => void) {
    const d = this.data;
    const packed = { packed: d.packed!, byteStarts: d.starts, counts: d.counts! };
    probe({ ...packed, skipStarts: d.skipStarts!, skipDocs: d.skipDocs!, skipBytes: d.skipBytes! }, t, candidates, found);
  }

  df(t: number): number {
    return this.data.counts ? this.data.counts[t]! : this.data.starts[t + 1]! - this.data.starts[t]!;
  }
}

/** Sorted terms, end to end, and where each starts. */
export function packTerms(sorted: string[]): Pick<SegmentData, 'terms' | 'offsets'> {
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
    order.forEach((id, r) => {
      rank[id] = r;
    });
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
    const segment = build(packTerms(order.map((id) => this.names[id]!)), starts, docs, fields, this.field, this.docCount);
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

/** A segment of these postings; abstracts' (a single field) packed. */
export function build(
  terms: Pick<SegmentData, 'terms' | 'offsets'>,
  starts: Uint32Array,
  docs: Uint32Array,
  fields: Uint8Array | undefined,
  field: number,
  docCount: number,
): Segment {
  if (!field) return new Segment({ ...terms, starts, docs, fields, field, docCount });
  const { byteStarts, ...packed } = pack(docs, starts);
  return new Segment({ ...terms, starts: byteStarts, docs: new Uint32Array(0), ...packed, field, docCount });
}
