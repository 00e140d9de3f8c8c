/** Small helpers for the benchmark's figures and its table. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
}

export interface Row {
  what: string;
  figure: string;
  detail?: string;
  target?: string;
  ok?: boolean;
}

export function printTable(title: string, rows: Row[]) {
  const head = ['measure', 'figure', 'detail', 'target', ''];
  const cells = rows.map((r) => [r.what, r.figure, r.detail ?? '', r.target ?? '', r.ok === undefined ? '' : r.ok ? 'ok' : 'MISSED']);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => `| ${c.map((x, i) => x.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(`\n${title}\n${line(head)}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const c of cells) console.log(line(c));
}

export const ms = (x: number) => `${x.toFixed(2)} ms`;
