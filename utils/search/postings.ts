/**
 * Abstracts' postings packed: per term, the gaps between ascending doc numbers as varints
 * (7 bits a byte), about a third of plain 32-bit numbers. Read back into one shared buffer, a
 * term at a time.
 */
let scratch = new Uint32Array(1 << 16);

/** Packs each term's docs `docs[starts[t]]…docs[starts[t + 1] - 1]`; returns the bytes and each term's first byte. */
export function pack(docs: Uint32Array, starts: Uint32Array): { packed: Uint8Array; byteStarts: Uint32Array; counts: Uint32Array } {
  const terms = starts.length - 1;
  const counts = new Uint32Array(terms);
  const byteStarts = new Uint32Array(terms + 1);
  let out = new Uint8Array(Math.max(16, docs.length * 2));
  let n = 0;
  for (let t = 0; t < terms; t++) {
    byteStarts[t] = n;
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
    }
  }
  byteStarts[terms] = n;
  return { packed: out.slice(0, n), byteStarts, counts };
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
