/** The library-scale figures side by side (10,000 and 100,000 papers by default), each with its target (issue 12). */
import type { Figures } from './scale';
import { median, quantile } from './stats';

interface Target {
  measure: string;
  target: string;
  /** Met when true of the figures at 100,000 (medians, and p90 where the target names one). */
  met?: (xs: number[]) => boolean;
}

const under = (limit: number) => (xs: number[]) => median(xs) <= limit;

export const TARGETS: Target[] = [
  { measure: 'popup open → first row painted', target: '≤ 100 ms', met: under(100) },
  { measure: 'library page → first row painted', target: '≤ 150 ms', met: under(150) },
  {
    measure: 'search keystroke → rows answering it, painted',
    target: '≤ 16 ms median, ≤ 50 ms p90',
    met: (xs) => median(xs) <= 16 && quantile(xs, 0.9) <= 50,
  },
  { measure: 'first search after opening → its answer on screen', target: '≤ 150 ms after the last key', met: under(150) },
  { measure: 'title, authors, tags, notes searchable after opening', target: '≤ 1 s', met: under(1000) },
  { measure: 'abstracts searchable after opening', target: '≤ 10 s', met: under(10_000) },
  { measure: 'status edit → shown in its row and stored', target: '≤ 30 ms', met: under(30) },
  { measure: 'status edit → shown in its row', target: 'reported' },
  { measure: 'status edit → stored (round trip to the background)', target: 'reported' },
  { measure: 'a 100-card page ingested in the worker', target: '≤ 30 ms', met: under(30) },
  { measure: 'JS heap: library page + its worker (MB)', target: '≤ 200 MB', met: under(200) },
  ...(['json', 'csv', 'bibtex', 'markdown', 'ris', 'csljson'] as const).map((f) => ({
    measure: `export ${f}`,
    target: f === 'json' ? '≤ 3 s (every paper)' : '≤ 3 s (the reading list)',
    met: under(3000),
  })),
  { measure: 'backup file (MB)', target: 'reported' },
  { measure: 'import of the library’s own backup (s)', target: '≤ 20 s, with a progress bar', met: under(20) },
  { measure: 'import: page heap at its highest ÷ file size', target: '≤ 2', met: under(2) },
  { measure: 'import: progress bar shown', target: '1 (yes)', met: (xs) => xs.every((x) => x === 1) },
  { measure: 'import: papers restored', target: 'every paper' },
  { measure: 'first opening ever: every paper in the catalogue', target: 'reported' },
  { measure: 'first opening ever: abstracts indexed', target: 'reported' },
  { measure: 'seed (s)', target: 'reported' },
];

const cell = (xs: number[] | undefined) =>
  xs?.length ? `${median(xs).toFixed(1)}${xs.length > 2 ? ` (p90 ${quantile(xs, 0.9).toFixed(1)}, n=${xs.length})` : ''}` : '–';

/** One column per library size; a target is judged on the largest. */
export function printScale(figures: Figures[], sizes: number[]) {
  const head = ['measure (ms unless said)', ...sizes.map((n) => `${n.toLocaleString('en')} papers`), 'target', ''];
  const rows = TARGETS.map((t) => {
    const xs = figures.at(-1)?.[t.measure];
    const ok = t.met && xs?.length ? (t.met(xs) ? 'ok' : 'MISSED') : '';
    return [t.measure, ...figures.map((f) => cell(f[t.measure])), t.target, ok];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (c: string[]) => `| ${c.map((x, i) => x.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(`\nThe library at scale (medians; p90 and samples in brackets)\n${line(head)}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) console.log(line(r));
}
