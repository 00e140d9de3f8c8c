/**
 * Damaged copies of files the import reads: this extension's CSV, RIS and CSL-JSON exports of the
 * awkward library and PaperMemory's memory (the fixture), with chosen records broken in ways
 * each format can be broken. For tests/unit/fuzz-import.test.ts.
 */
import Papa from 'papaparse';
import { toCsv } from '../../utils/export/csv';
import { toRis } from '../../utils/export/ris';
import { toCslJson } from '../../utils/export/csljson';
import type { Item } from '../../utils/model';
import { awkwardLibrary } from '../fixtures/awkward-library';
import { fixture } from './helpers';

export type Kind = 'csv' | 'ris' | 'csljson' | 'papermemory';

export function awkwardItems(): Item[] {
  const { papers, entries } = awkwardLibrary();
  const byId = new Map(entries.map((e) => [e.id, e]));
  return papers.map((p) => ({ ...p, entry: byId.get(p.id) }));
}

/** How one record is broken; `how` picks among the ways its format allows. */
type Breaker = (record: string, how: number) => string | undefined;

const CSV_BREAKS: Breaker[] = [
  (row) => `${row},extra cell`,
  (row) => row.slice(0, row.lastIndexOf(',')),
  // No id and no link left: a row with only a title (offered to the title look-up, not imported).
  (row) => {
    const cells = Papa.parse<string[]>(row).data[0]!;
    for (const i of [0, 15, 16, 17]) cells[i] = '';
    return Papa.unparse([cells], { newline: '\r\n' });
  },
];

const RIS_BREAKS: Breaker[] = [
  (rec) => rec.replace(/ER {2}- \r\n$/, ''),
  (rec) => rec.replace(/^(M1|DO|UR|L1) {2}- .*\r\n/gm, ''),
  (rec) => rec.replace(/^TY {2}- .*\r\n/, ''),
];

type Json = Record<string, unknown>;
const CSL_BREAKS: Array<(item: Json, how: number) => unknown> = [
  (item) => ({ ...item, title: 42 }),
  (item) => ({ ...item, author: 'Doe, Jane' }),
  (item) => ({ ...item, issued: { 'date-parts': 'yesterday' } }),
  (_, how) => [null, 7, 'text', [], true][how % 5],
  (item) => ({ ...item, number: undefined, DOI: undefined, URL: undefined }),
];
const PM_BREAKS: Array<(paper: Json, how: number) => unknown> = [
  (p) => ({ ...p, title: 5 }),
  (p) => ({ ...p, tags: 'a,b' }),
  (p) => ({ ...p, favorite: 'yes' }),
  (p) => ({ ...p, addDate: 1661762102977 }),
  (_, how) => [null, 'paper', 3][how % 3],
];

/** Records of a file and how to put it back together. */
function records(kind: Kind, items: Item[]): { parts: string[]; join: (parts: string[]) => string } | { obj: Json } | { list: Json[] } {
  if (kind === 'csv') {
    const [header, ...rows] = Papa.parse<string[]>(toCsv(items), { skipEmptyLines: true }).data.map((r) => Papa.unparse([r], { newline: '\r\n' }));
    return { parts: rows, join: (parts) => `${[header, ...parts].join('\r\n')}\r\n` };
  }
  if (kind === 'ris') {
    const parts = toRis(items)
      .split(/(?<=ER {2}- \r\n)\r\n/)
      .filter(Boolean);
    return { parts, join: (ps) => ps.join('\r\n') };
  }
  if (kind === 'csljson') return { list: JSON.parse(toCslJson(items)) };
  return { obj: JSON.parse(fixture('import/PaperMemory-data-2.3.2026-14.05.09.json')) };
}

/**
 * The file with the records at `broken` (indices, or PaperMemory keys' indices) broken, and
 * `clean`: the same file without them, as it would be had they never been there.
 */
export function damaged(kind: Kind, broken: Set<number>, how: number, items = awkwardItems()): { text: string; clean: string; count: number } {
  const r = records(kind, items);
  if ('parts' in r) {
    const breaks = kind === 'csv' ? CSV_BREAKS : RIS_BREAKS;
    const out = r.parts.map((p, i) => (broken.has(i) ? breaks[(how + i) % breaks.length]!(p, how) : p)).filter((p): p is string => p !== undefined);
    return { text: r.join(out), clean: r.join(r.parts.filter((_, i) => !broken.has(i))), count: r.parts.length };
  }
  if ('list' in r) {
    const out = r.list.map((item, i) => (broken.has(i) ? CSL_BREAKS[(how + i) % CSL_BREAKS.length]!(item, how) : item));
    return { text: JSON.stringify(out), clean: JSON.stringify(r.list.filter((_, i) => !broken.has(i))), count: r.list.length };
  }
  const keys = Object.keys(r.obj).filter((k) => !k.startsWith('__'));
  const out: Json = { __dataVersion: r.obj.__dataVersion };
  const clean: Json = { __dataVersion: r.obj.__dataVersion };
  keys.forEach((k, i) => {
    out[k] = broken.has(i) ? PM_BREAKS[(how + i) % PM_BREAKS.length]!(r.obj[k] as Json, how) : r.obj[k];
    if (!broken.has(i)) clean[k] = r.obj[k];
  });
  return { text: JSON.stringify(out), clean: JSON.stringify(clean), count: keys.length };
}

/** Where the summary names record `i` of a file of this kind. */
export function whereOf(kind: Kind, i: number, text: string): string {
  if (kind === 'csv') return `row ${i + 2}`;
  if (kind === 'ris') return `record ${i + 1} `;
  if (kind === 'csljson') return `item ${i + 1}`;
  const keys = Object.keys(JSON.parse(text)).filter((k) => !k.startsWith('__'));
  return `paper ${keys[i]}`;
}
