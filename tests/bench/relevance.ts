/**
 * Relevance benchmark: a library of real and look-alike papers (corpus.ts), queries of every kind
 * the contract names (queries.ts), and the share of each kind answered within the contract's
 * rank, with every miss. Alone: `npx tsx tests/bench/relevance.ts [papers] [queries per kind]`.
 */
import { pathToFileURL } from 'node:url';
import { LibraryIndex } from '../../utils/search/index';
import { buildCorpus, type BenchPaper } from './corpus';
import { makeQueries, meets, RANK, type Answer, type Kind, type Query } from './queries';
import { printTable, type Row } from './stats';

export interface Searcher {
  search(query: string, limit: number): Answer;
}
export interface Miss {
  query: Query;
  answer: Answer;
}

const TARGET: Record<Kind, number> = { id: 1, link: 1, title: 1, name: 0.95, typo: 0.8, author: 0.9, words: 0.95, count: 1 };
const WHAT: Record<Kind, string> = {
  id: 'arXiv id → that paper first',
  link: 'arXiv or huggingface.co link → first',
  title: 'full title → first',
  name: 'a name or word of one title → top 3',
  typo: 'long word, one letter slipped → top 5',
  author: "author's full name → their papers in top 10",
  words: 'several words → papers holding all first',
  count: 'a code (QX00042) → first, true count',
};

export function measureRelevance(searcher: Searcher, queries: Query[]): { rows: Row[]; misses: Miss[] } {
  const misses: Miss[] = [];
  const met = new Map<Kind, number[]>();
  for (const q of queries) {
    const answer = searcher.search(q.text, 60);
    const ok = meets(q, answer);
    if (!ok) misses.push({ query: q, answer });
    const [hit, all] = met.get(q.kind) ?? [0, 0];
    met.set(q.kind, [hit! + (ok ? 1 : 0), all! + 1]);
  }
  const rows = [...met].map(([kind, [hit, all]]) => {
    const share = hit! / all!;
    const figure = `${(share * 100).toFixed(1)}%`;
    return { what: WHAT[kind], figure, detail: `${hit}/${all}`, target: `≥ ${TARGET[kind] * 100}%`, ok: share >= TARGET[kind] };
  });
  return { rows, misses };
}

export function describeMiss(m: Miss, byId: Map<string, BenchPaper>): string {
  const { query: q, answer: a } = m;
  const rank = a.ids.indexOf(q.target);
  const intruders = q.expect ? a.ids.slice(0, RANK[q.kind]).filter((id) => !q.expect!.has(id)).length : 0;
  const where =
    q.kind === 'author' || q.kind === 'words'
      ? `${intruders} intruders, ${q.expect!.size} expected`
      : q.kind === 'count'
        ? `first ${a.ids[0]}, count ${a.total} (true ${q.expect!.size})`
        : rank < 0
          ? 'not in the first 60'
          : `rank ${rank + 1}`;
  const first = a.ids
    .slice(0, 3)
    .map((id) => byId.get(id)?.title.slice(0, 60))
    .join(' | ');
  return `[${q.kind}] ${JSON.stringify(q.text)} → ${q.target} "${byId.get(q.target)?.title.slice(0, 60)}": ${where}; first: ${first}`;
}

/** Our engine over a library of `size` papers, every abstract indexed. */
export function benchRelevance(size = 10_000, perKind = 200, print = true): Row[] {
  const corpus = buildCorpus(size);
  const queries = makeQueries(corpus, perKind);
  const index = new LibraryIndex();
  index.update(corpus);
  while (index.indexText(5000)) {}
  const { rows, misses } = measureRelevance({ search: (q, limit) => index.search(q, { limit }) }, queries);
  if (print) {
    const byId = new Map(corpus.map((p) => [p.id, p]));
    for (const m of misses.slice(0, 80)) console.log(describeMiss(m, byId));
    if (misses.length > 80) console.log(`… and ${misses.length - 80} more misses`);
  }
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const size = Number(process.argv[2] ?? 10_000);
  printTable(`Search relevance (${size.toLocaleString('en')} papers, real and look-alike)`, benchRelevance(size, Number(process.argv[3] ?? 200)));
}
