/** Merging two segments into one, in idle time, without the postings of removed papers. */
import { build, packTerms, Segment } from './segment';

/**
 * One segment holding `a` then `b` (whose doc numbers all follow `a`'s), without the postings of
 * removed papers (`dead[doc]` set).
 */
export function mergeSegments(a: Segment, b: Segment, dead: Uint8Array): Segment {
  const field = a.data.field === b.data.field ? a.data.field : 0;
  const total = a.postingCount + b.postingCount;
  const docs = new Uint32Array(total);
  const fields = field ? undefined : new Uint8Array(total);
  const terms: string[] = [];
  const starts: number[] = [];
  let n = 0;
  const copy = (s: Segment, t: number) => {
    const { fields: fs, field: f } = s.data;
    const [from, start, end] = s.postings(t);
    for (let j = start; j < end; j++) {
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
  return build(packTerms(terms), Uint32Array.from(starts), docs.slice(0, n), fields?.slice(0, n), field, a.docCount + b.docCount);
}
