/**
 * The search engine itself, in Node, at 10,000 and 100,000 papers (abstracts included): build
 * time, query latency over realistic queries typed a key at a time, heap after gc, snapshot size,
 * restore time, one-paper updates. Run with gc exposed for the heap figures:
 * `node --expose-gc --import tsx tests/bench/engine.ts [papers…]`.
 */
import { pathToFileURL } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { LibraryIndex, type IndexSnapshot } from '../../utils/search/index';
import { buildCorpus, type BenchPaper } from './corpus';
import { makeQueries } from './queries';
import { median, ms, printTable, quantile, type Row } from './stats';

const gc = (globalThis as { gc?: () => void }).gc;
/** JS heap and array buffers (typed arrays live outside the V8 heap proper, but in the page's memory all the same). */
export function heapMB(): number {
  gc?.();
  gc?.();
  const m = process.memoryUsage();
  return (m.heapUsed + m.arrayBuffers) / 2 ** 20;
}

/** What a reader types: each query of every kind, and every prefix of it on the way (as keystrokes); drawn from the first 5,000 papers. */
export function typedQueries(corpus: BenchPaper[], n = 40): string[] {
  const out: string[] = [];
  for (const q of makeQueries(corpus.slice(0, 5000), n, 99)) {
    if (q.text.length > 40) out.push(q.text);
    else for (let i = 1; i <= q.text.length; i++) out.push(q.text.slice(0, i));
  }
  return out;
}

/** CPU time of this thread, in ms: on a machine shared with other work it says what wall time would be alone. */
export const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

export function timeQueries(search: (q: string) => unknown, queries: string[], clock: () => number = () => performance.now()): number[] {
  for (const q of queries.slice(0, 50)) search(q);
  return queries.map((q) => {
    const t0 = clock();
    search(q);
    return clock() - t0;
  });
}

export function snapshotBytes(s: IndexSnapshot): number {
  const arrays = (xs: Array<{ byteLength: number } | undefined>) => xs.reduce((n, x) => n + (x?.byteLength ?? 0), 0);
  const seg = (d: IndexSnapshot['quick'][number]) =>
    d.terms.length + arrays([d.offsets, d.starts, d.docs, d.fields, d.packed, d.counts, d.skipStarts, d.skipDocs, d.skipBytes]);
  const p = s.papers;
  return p.ids.length + arrays([p.sigs, p.titles, p.textDone, p.dead]) + [...s.quick, ...s.text].reduce((n, d) => n + seg(d), 0);
}

export function benchEngine(size: number): Row[] {
  const corpus = buildCorpus(size);
  const queries = typedQueries(corpus);
  const base = heapMB();
  let c0 = cpu();
  let t0 = performance.now();
  let index = new LibraryIndex();
  index.update(corpus);
  index.search('warm');
  const quick = performance.now() - t0;
  const quickCpu = cpu() - c0;
  const quickHeap = heapMB() - base;
  c0 = cpu();
  t0 = performance.now();
  while (index.indexText(1000)) {}
  const text = performance.now() - t0;
  const textCpu = cpu() - c0;
  const heap = heapMB() - base;
  const times = timeQueries((q) => index.search(q, { limit: 200 }), queries);
  const cpus = timeQueries((q) => index.search(q, { limit: 200 }), queries, cpu);

  t0 = performance.now();
  const snap = index.snapshot();
  const snapMs = performance.now() - t0;
  const bytes = snapshotBytes(snap);
  // IndexedDB stores by structured clone; v8.serialize is the same algorithm.
  t0 = performance.now();
  const cloned = deserialize(serialize(snap)) as IndexSnapshot;
  const cloneMs = performance.now() - t0;
  index = undefined as unknown as LibraryIndex;
  c0 = cpu();
  t0 = performance.now();
  const restored = LibraryIndex.restore(cloned);
  const restoreMs = performance.now() - t0;
  const restoreCpu = cpu() - c0;
  c0 = cpu();
  t0 = performance.now();
  restored.search('language models');
  const firstMs = performance.now() - t0;
  const firstCpu = cpu() - c0;
  c0 = cpu();
  restored.sync(corpus);
  const syncCpu = cpu() - c0;

  const edits = corpus.slice(0, 200).map((p) => ({ ...p, tags: [...p.tags, 'edited'] }));
  const editTimes = edits.map((doc) => {
    const t = cpu();
    restored.update([doc]);
    restored.search('edited', { limit: 10 });
    return cpu() - t;
  });
  const n = size.toLocaleString('en');
  const wall = (x: number) => `wall ${ms(x)}`;
  return [
    {
      what: `build title/authors/tags/notes (${n}), CPU`,
      figure: ms(quickCpu),
      detail: `${wall(quick)}; heap +${quickHeap.toFixed(1)} MB`,
      target: '≤ 1 s (or restore)',
    },
    {
      what: `index abstracts (${n}), CPU`,
      figure: ms(textCpu),
      detail: `${wall(text)}; heap of the whole index ${heap.toFixed(1)} MB`,
      target: '≤ 10 s, idle steps',
    },
    {
      what: `query (${n}, ${times.length} keystrokes), CPU`,
      figure: ms(median(cpus)),
      detail: `p90 ${ms(quantile(cpus, 0.9))}; wall median ${ms(median(times))}, p90 ${ms(quantile(times, 0.9))}, max ${ms(Math.max(...times))}`,
      target: 'a few ms',
    },
    { what: `snapshot (${n})`, figure: ms(snapMs), detail: `${(bytes / 2 ** 20).toFixed(1)} MB; structured clone there and back ${ms(cloneMs)}` },
    {
      what: `restore (${n}), CPU`,
      figure: ms(restoreCpu),
      detail: `${wall(restoreMs)}; first query after it ${ms(firstCpu)} CPU (${wall(firstMs)}); sync with the unchanged library ${ms(syncCpu)} CPU`,
      target: '≤ 150 ms to first answer',
    },
    {
      what: `one paper edited → searchable (${n}), CPU`,
      figure: ms(median(editTimes)),
      detail: `p90 ${ms(quantile(editTimes, 0.9))}, ${editTimes.length} edits`,
      target: '≤ 1 ms-ish',
    },
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (!gc) console.log('(run with node --expose-gc for heap figures)');
  const sizes = process.argv.slice(2).map(Number);
  for (const size of sizes.length ? sizes : [10_000, 100_000]) {
    printTable(`Search engine in Node (${size.toLocaleString('en')} papers)`, benchEngine(size));
  }
}
