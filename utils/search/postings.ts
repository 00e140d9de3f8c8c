/**
 * Abstracts' postings packed: per term, the gaps between ascending doc numbers as varints
 * (7 bits a byte), about a third of plain 32-bit numbers. Read back into one shared buffer, a
 * term at a time.
 */
let scratch = new Uint32Array(1 << 16);

/** Every this many postings a term keeps a skip: the doc there and the byte after it, so a few docs are found without reading all. */
export const SKIP = 64;

export interface Packed {
  packed: Uint8Array;
  byteStarts: Uint32Array;
  counts: Uint32Array;
  /** Skips of term `t`: `skipDocs[skipStarts[t]]…`, the docs at postings SKIP, 2·SKIP, …, and the byte after each. */
  skipStarts: Uint32Array;
  skipDocs: Uint32Array;
  skipBytes: Uint32Array;
}

/** Packs each term's docs `docs[starts[t]]…docs[starts[t + 1] - 1]`. */
export function pack(docs: Uint32Array, starts: Uint32Array): Packed {
  const terms = starts.length - 1;
  const counts = new Uint32Array(terms);
  const byteStarts = new Uint32Array(terms + 1);
  const skipStarts = new Uint32Array(terms + 1);
  const skipDocs: number[] = [];
  const skipBytes: number[] = [];
  let out = new Uint8Array(Math.max(16, docs.length * 2));
  let n = 0;
  for (let t = 0; t < terms; t++) {
    byteStarts[t] = n;
    skipStarts[t] = skipDocs.length;
    counts[t] = starts[t + 1]! - starts[t]!;
    let prev = 0;
    for (let j = starts[t]!; j < starts[t + 1]!; j++) {
      if (n + 5 > out.length) {
        const more = new Uint8Array(out.length * 2);
        more.set(out);
        out = more;
      }
      let gap = docs[j]! - prev;
      prev = docs[j]!;
      while (gap >= 0x80) {
        out[n++] = (gap & 0x7f) | 0x80;
        gap >>>= 7;
      }
      out[n++] = gap;
      if ((j - starts[t]!) % SKIP === 0 && j > starts[t]!) {
        skipDocs.push(prev);
        skipBytes.push(n);
      }
    }
  }
  byteStarts[terms] = n;
  skipStarts[terms] = skipDocs.length;
  return { packed: out.slice(0, n), byteStarts, counts, skipStarts, skipDocs: Uint32Array.from(skipDocs), skipBytes: Uint32Array.from(skipBytes) };
}

/** Calls `found(doc)` for each of the ascending `candidates` that term `t` holds, reading only the blocks they fall in. */
export function probe(p: Packed, t: number, candidates: Uint32Array, found: (doc: number) => void) {
  const { packed, skipDocs, skipBytes } = p;
  const lo = p.skipStarts[t]!;
  const hi = p.skipStarts[t + 1]!;
  const end = p.byteStarts[t + 1]!;
  let d = 0;
  let at = p.byteStarts[t]!;
  let started = false;
  for (let k = 0; k < candidates.length; k++) {
    const c = candidates[k]!;
    // The last skip at or before c, if it is ahead of where reading stands.
    let a = lo;
    let b = hi;
    while (a < b) {
      const mid = (a + b) >>> 1;
      if (skipDocs[mid]! <= c) a = mid + 1;
      else b = mid;
    }
    if (a > lo && skipDocs[a - 1]! > d) {
      d = skipDocs[a - 1]!;
      at = skipBytes[a - 1]!;
      started = true;
    }
    while ((!started || d < c) && at < end) {
      let byte = packed[at++]!;
      let gap = byte & 0x7f;
      for (let shift = 7; byte & 0x80; shift += 7) {
        byte = packed[at++]!;
        gap |= (byte & 0x7f) << shift;
      }
      d += gap;
      started = true;
    }
    if (started && d === c) found(c);
    if (at >= end && d < c) return;
  }
}

/** The docs of one packed term, in a buffer shared by all calls (valid until the next one). */
export function unpack(packed: Uint8Array, from: number, to: number, count: number): Uint32Array {
  if (scratch.length < count) scratch = new Uint32Array(count * 2);
  const out = scratch;
  let d = 0;
  let k = 0;
  for (let j = from; j < to; ) {
    let b = packed[j++]!;
    let gap = b & 0x7f;
    for (let shift = 7; b & 0x80; shift += 7) {
      b = packed[j++]!;
      gap |= (b & 0x7f) << shift;
    }
    d += gap;
    out[k++] = d;
  }
  return out;
}
