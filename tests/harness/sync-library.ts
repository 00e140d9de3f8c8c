/**
 * A realistic library, as synced records, for capacity figures: ids of 2023–2026 (five-digit,
 * bookmarked mostly within weeks of the paper's month, some imported later), statuses mixed,
 * priorities mostly 0, 0–4 tags from a vocabulary of 30, and (optionally) notes with the lengths
 * people write: most papers none, some a line, a few paragraphs. Repeatable from a seed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { STATUSES } from '../../utils/model';
import { formatStamp } from '../../utils/sync/hlc';
import { emptyState, type SyncEntry, type SyncState, type TagMark } from '../../utils/sync/types';
import { mulberry32 } from './random';

export const VOCABULARY = [
  'llm',
  'rl',
  'vision',
  'diffusion',
  'agents',
  'reasoning',
  'rlhf',
  'multimodal',
  'benchmark',
  'efficiency',
  'quantization',
  'moe',
  'long-context',
  'retrieval',
  'rag',
  'code',
  'math',
  'robotics',
  'speech',
  'video',
  'safety',
  'alignment',
  'interpretability',
  'distillation',
  'pretraining',
  'data',
  'survey',
  'to-cite',
  'reread',
  'ICLR 2026',
];

/**
 * The words of the abstracts on a saved weekly page, as often as they occur there. Notes are
 * drawn from them word by word: English words at English frequencies, but no phrase repeated, so
 * compression gains no more on them than on text people write (less, if anything).
 */
const WORDS = (() => {
  const html = readFileSync(join(import.meta.dirname, '../fixtures/hf/hf-weekly-2026-W39.html'), 'utf8');
  const abstracts = new Set([...html.matchAll(/&quot;summary&quot;:&quot;(.*?)&quot;/g)].map((m) => m[1]!));
  return [...abstracts].flatMap((a) => a.replace(/\\n/g, ' ').split(/\s+/)).filter(Boolean);
})();

const DEVICES = ['k3x9zq', 'p0w2me'];

/** Whole numbers below `n`, from mulberry32. */
export function mulberry(seed: number): (n: number) => number {
  const next = mulberry32(seed);
  return (n: number) => Math.floor(next() * n);
}
const DAY = 86_400;

export interface LibraryOptions {
  papers: number;
  seed?: number;
  /** Share of papers with a note (0 for none). */
  notes?: number;
}

/** A note of a realistic length: a line (60%), a few sentences (30%), or paragraphs (10%). */
export function noteText(rand: (n: number) => number): string {
  const kind = rand(10);
  const words = kind < 6 ? 3 + rand(20) : kind < 9 ? 30 + rand(60) : 100 + rand(250);
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(WORDS[rand(WORDS.length)]!);
  if (kind === 9) for (let i = 80; i < out.length; i += 80) out[i] = `${out[i]}\n`;
  return out.join(' ').replace(/\n /g, '\n');
}

function pick<T>(rand: (n: number) => number, weights: [T, number][]): T {
  let r = rand(weights.reduce((n, [, w]) => n + w, 0));
  for (const [v, w] of weights) {
    r -= w;
    if (r < 0) return v;
  }
  return weights[0]![0];
}

export function realisticLibrary({ papers, seed = 1, notes = 0 }: LibraryOptions): SyncState {
  const rand = mulberry(seed);
  const state = emptyState();
  const months: number[] = [];
  for (let y = 23; y <= 26; y++) for (let m = 1; m <= 12; m++) months.push(y * 100 + m);
  while (state.entries.size < papers) {
    const mi = Math.min(months.length - 1, Math.floor(Math.sqrt(rand(months.length * months.length))));
    const month = months[mi]!;
    const id = `${month}.${String(rand(28_000)).padStart(5, '0')}`;
    if (state.entries.has(id)) continue;
    const monthStart = Date.UTC(2000 + Math.floor(month / 100), (month % 100) - 1, 1) / 1000;
    const added = monthStart + (rand(10) < 9 ? rand(40 * DAY) : rand(400 * DAY));
    const device = DEVICES[rand(10) < 8 ? 0 : 1]!;
    const stamp = (t: number) => formatStamp({ t, c: rand(20) < 19 ? 0 : rand(4), device });
    const s0 = stamp(added);
    const status = pick(rand, [
      ['to-read', 45],
      ['reading', 15],
      ['read', 40],
    ] as [(typeof STATUSES)[number], number][]);
    const statusAt = status === 'to-read' ? added : added + rand(60 * DAY);
    const s1 = status === 'to-read' ? s0 : stamp(statusAt);
    const e: SyncEntry = {
      id,
      mark: { v: added * 1000, s: s0 },
      status: { v: { status, at: statusAt * 1000 }, s: s1 },
      tags: [],
    };
    const priority = pick(rand, [
      [0, 85],
      [1, 10],
      [2, 4],
      [3, 1],
    ]);
    if (priority) e.priority = { v: priority, s: rand(2) ? s0 : stamp(added + rand(10 * DAY)) };
    const count = pick(rand, [
      [0, 30],
      [1, 30],
      [2, 20],
      [3, 12],
      [4, 8],
    ]);
    const tags = new Map<string, TagMark>();
    while (tags.size < count) {
      const k = VOCABULARY[Math.floor(Math.sqrt(rand(VOCABULARY.length * VOCABULARY.length)))]!.toLowerCase();
      tags.set(k, { k, on: true, s: rand(3) ? s0 : s1 });
    }
    e.tags = [...tags.values()].sort((a, b) => (a.k < b.k ? -1 : 1));
    if (notes && rand(1000) < notes * 1000) e.note = { v: noteText(rand), s: rand(2) ? s1 : stamp(statusAt + rand(DAY)) };
    state.entries.set(id, e);
  }
  for (const k of VOCABULARY) {
    const key = k.toLowerCase();
    state.tags.set(key, { key, name: { v: k, s: formatStamp({ t: 1_672_531_200, c: 0, device: DEVICES[0]! }) }, createdAt: 1_672_531_200_000 });
  }
  return state;
}
