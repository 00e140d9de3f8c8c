/** Merging segments into one, in idle time, without the postings of removed papers. */
import { build, packTerms, type Segment } from './segment';

/**
 * Which segments of a list to merge now: from the first whose size is at most four times that of
 * all after it, to the end (so a big segment is rewritten only once the small ones after it add
 * up to a quarter of it); none when there is no such run.
 */
export function mergeRun(sizes: number[]): number {
  let after = 0;
  let from = -1;
  for (let i = sizes.length - 1; i >= 0; i--) {
    if (i < sizes.length - 1 && sizes[i]! <= 4 * after) from = i;
    after += sizes[i]!;
  }
  return from;
}

/** One segment holding all of `segs` (each one's doc numbers all follow the one before's), less `dead` docs. */
export function mergeSegments(segs: Segment[], dead: Uint8Array): Segment {
  const field = segs.every((s) => s.data.field === segs[0]!.data.field) ? segs[0]!.data.field : 0;
  const total = segs.reduce((n, s) => n + s.postingCount, 0);
  const docs = new Uint32Array(total);
  const fields = field ? undefined : new Uint8Array(total);
  const terms: string[] = [];
  const starts: number[] = [];
  let n = 0;
  const at = segs.map(() => 0);
  const current = segs.map((s) => (s.count ? s.term(0) : undefined));
  for (;;) {
    let term: string | undefined;
    for (const c of current) if (c !== undefined && (term === undefined || c < term)) term = c;
    if (term === undefined) break;
    const before = n;
    segs.forEach((s, k) => {
      if (current[k] !== term) return;
      const t = at[k]!;
      const { fields: fs, field: f } = s.data;
      const [from, start, end] = s.postings(t);
      for (let j = start; j < end; j++) {
        const d = from[j]!;
        if (dead[d]) continue;
        docs[n] = d;
        if (fields) fields[n] = fs ? fs[j]! : f;
        n++;
      }
      at[k] = t + 1;
      current[k] = t + 1 < s.count ? s.term(t + 1) : undefined;
    });
    if (n > before) {
      terms.push(term);
      starts.push(before);
    }
  }
  starts.push(n);
  const docCount = segs.reduce((c, s) => c + s.docCount, 0);
  return build(packTerms(terms), Uint32Array.from(starts), docs.slice(0, n), fields?.slice(0, n), field, docCount);
}
