/**
 * A library for the relevance benchmark: the real papers of the saved pages in tests/fixtures/hf/
 * (parsed as the extension parses them: embedded JSON where there is some, the cards' DOM for the
 * rest), and look-alike papers made from the same title words, sentences and author names, with
 * model names of the kinds real titles carry (`Qwen2.5-VL`, `GPT-4o`, `Llama 3`, `QX00042`).
 * Deterministic for a seed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { parseDocument } from '../harness/parse-page';
import { mulberry32 } from '../harness/random';

export interface BenchPaper {
  id: string;
  title: string;
  authors: string[];
  abstract: string;
  tags: string[];
  note: string;
}

const HF = join(import.meta.dirname, '../fixtures/hf');
const PAGES: Record<string, string> = {
  'hf-daily-2026-09-28.excerpt.html': 'https://huggingface.co/papers/date/2026-09-28',
  'hf-search-iteration.html': 'https://huggingface.co/papers?q=iteration',
  'hf-paper-2508.02739.html': 'https://huggingface.co/papers/2508.02739',
};

/** The distinct real papers of the saved pages (the weekly, monthly and trending fixtures only clone these). */
export function realPapers(): BenchPaper[] {
  const out = new Map<string, BenchPaper>();
  for (const [file, url] of Object.entries(PAGES)) {
    const window = new Window({ url });
    window.document.write(readFileSync(join(HF, file), 'utf8'));
    const page = parseDocument(window.document as unknown as Document, url, new Date('2026-11-25'));
    for (const { fields: f } of page.cards) {
      if (!f.title || out.has(f.title)) continue;
      out.set(f.title, { id: f.id, title: f.title, authors: f.authors ?? [], abstract: f.abstract ?? '', tags: [], note: '' });
    }
    void window.happyDOM.close();
  }
  return [...out.values()];
}

/** A seeded generator, so every run builds the same library. */
export const random = mulberry32;
export const pick = <T>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;

/** Names real titles carry (from the issue), whose siblings the look-alikes get. */
const KNOWN_NAMES = [
  'Qwen2.5-VL',
  'Qwen2-VL',
  'Qwen3-VL',
  'Qwen2.5-Omni',
  'Qwen2.5-Math',
  'Qwen3',
  'GPT-4o',
  'GPT-4o-mini',
  'GPT-4',
  'GPT-4.1',
  'GPT-5',
  'R1',
  'R1-Zero',
  'DeepSeek-R1',
  'Search-R1',
  'Video-R1',
  'Llama 3',
  'Llama 3.1',
  'Llama 2',
  'Llama-3-8B',
  'Llama 4',
  'V-JEPA 2',
  'V-JEPA',
  'I-JEPA',
  'DeepSeek-V3',
  'DeepSeek-V2',
  'Gemma 2',
  'Gemma 3',
  'Gemma 3n',
];
const SIZES = ['', '', '-7B', '-72B', '-Instruct', '-3B-Instruct', '-8B', '-32B'];
const SUFFIXES = ['', '', '', '-2', '2.5', '-VL', '-7B', 'o', '-R1', ' 3', '-Zero', '-mini', '3', '-V2', '1.5', '-Omni', '-Math', ' 2'];
const TAGS = ['RL', 'vision', 'LLM', 'agents', 'to-cite', 'diffusion', 'reasoning', 'benchmarks', 'survey', 'robotics', 'efficiency', 'multimodal'];

interface Pools {
  words: string[];
  heads: string[];
  pieces: string[];
  sentences: string[];
  first: string[];
  last: string[];
}

function pools(real: BenchPaper[]): Pools {
  const words: string[] = [];
  const heads: string[] = [];
  const pieces = new Set<string>();
  for (const p of real) {
    const colon = p.title.indexOf(': ');
    const rest = colon > 0 && colon < 30 ? p.title.slice(colon + 2) : p.title;
    if (rest !== p.title) heads.push(p.title.slice(0, colon));
    words.push(
      ...rest
        .split(/\s+/)
        .map((w) => w.replace(/[:,?!]+$/, ''))
        .filter(Boolean),
    );
    for (const w of p.title.split(/\s+/)) {
      // Coined names are words with an inner capital or a hyphen: split them into their parts.
      if (!/[a-z][A-Z]|^[A-Z]{2,}|-/.test(w)) continue;
      for (const part of w.replace(/[:,]/g, '').split(/-|(?<=[a-z])(?=[A-Z])/)) if (part.length > 1) pieces.add(part);
    }
  }
  for (const n of KNOWN_NAMES) for (const part of n.split(/[-\s]|(?<=[a-z])(?=[A-Z])|\d.*/)) if (part.length > 1) pieces.add(part);
  const sentences = real.flatMap((p) => p.abstract.split(/(?<=\.)\s+(?=[A-Z])/)).filter((s) => s.length > 40);
  const names = real.flatMap((p) => p.authors).filter((n) => / /.test(n));
  const first = [...new Set(names.map((n) => n.slice(0, n.lastIndexOf(' '))))];
  const last = [...new Set(names.map((n) => n.slice(n.lastIndexOf(' ') + 1)))];
  // More given names, recombined from halves of the real ones (Hong+jie, Jun+yang).
  const split = (f: string) => [f.slice(0, Math.ceil(f.length / 2)), f.slice(Math.ceil(f.length / 2))] as const;
  const halves = first.filter((f) => f.length >= 5 && !f.includes(' ')).map(split);
  for (const [a] of halves) for (const [, b] of halves) if (a.length + b.length >= 4) first.push(a + b);
  return { words, heads, pieces: [...pieces], sentences, first: [...new Set(first)], last };
}

/** A model-like name: real parts recombined, a version or size often added, a few lab codes. */
function coinName(rnd: () => number, p: Pools, n: number): string {
  const r = rnd();
  if (r < 0.03) return `${pick(rnd, ['QX', 'ZR', 'KM'])}${String(n % 100000).padStart(5, '0')}`;
  if (r < 0.1) return `${pick(rnd, KNOWN_NAMES)}${pick(rnd, SIZES)}`;
  const a = pick(rnd, p.pieces);
  const b = pick(rnd, p.pieces);
  return `${a}${rnd() < 0.3 ? '-' : ''}${b}${pick(rnd, SUFFIXES)}`;
}

function lookAlikeTitle(rnd: () => number, p: Pools, name: string): string {
  const length = 4 + Math.floor(rnd() * 9);
  const start = Math.floor(rnd() * Math.max(1, p.words.length - length));
  const body = p.words.slice(start, start + length).map((w) => (rnd() < 0.4 ? pick(rnd, p.words) : w));
  const text = body.join(' ');
  const kind = rnd();
  if (kind < 0.55) return `${name}: ${text[0]!.toUpperCase()}${text.slice(1)}`;
  if (kind < 0.75) return `${text} with ${name}`;
  return rnd() < 0.5 ? `${pick(rnd, p.heads)}: ${text}` : text;
}

function authorName(rnd: () => number, p: Pools, pool: string[]): string {
  // A Zipf-like draw from a fixed pool: a few prolific authors, many with one or two papers.
  const i = Math.floor(pool.length * rnd() ** 1.2);
  return pool[i] ?? `${pick(rnd, p.first)} ${pick(rnd, p.last)}`;
}

function abstractOf(rnd: () => number, p: Pools, name: string, title: string, others: string[]): string {
  const parts = [`We introduce ${name}, ${title.replace(/^[^:]*: /, '').toLowerCase()}.`];
  const target = 1000 + Math.floor(rnd() * 500);
  while (parts.join(' ').length < target) parts.push(pick(rnd, p.sentences));
  if (others.length && rnd() < 0.4) parts.splice(2, 0, `It outperforms ${pick(rnd, others)} and ${pick(rnd, others)} on most benchmarks.`);
  return parts.join(' ').slice(0, 1600);
}

function arxivId(rnd: () => number, used: Set<string>): string {
  for (;;) {
    const yy = 19 + Math.floor(rnd() * 8);
    const mm = 1 + Math.floor(rnd() * 12);
    const id = `${yy}${String(mm).padStart(2, '0')}.${String(Math.floor(rnd() * 100000)).padStart(5, '0')}`;
    if (!used.has(id)) {
      used.add(id);
      return id;
    }
  }
}

/** `size` papers: the real ones first, then look-alikes; a fifth of them saved with tags, a third of those with a note. */
export function buildCorpus(size: number, seed = 12): BenchPaper[] {
  const rnd = random(seed);
  const real = realPapers();
  const p = pools(real);
  const used = new Set(real.map((r) => r.id));
  const titles = new Set(real.map((r) => r.title));
  const people = Array.from({ length: Math.max(200, size) }, () => `${pick(rnd, p.first)} ${pick(rnd, p.last)}`);
  people.unshift(...new Set(real.flatMap((r) => r.authors)));
  const out = real.map((r) => ({ ...r }));
  const names: string[] = [];
  while (out.length < size) {
    const name = coinName(rnd, p, out.length);
    const title = lookAlikeTitle(rnd, p, name);
    if (titles.has(title)) continue;
    titles.add(title);
    const authors = [...new Set(Array.from({ length: 2 + Math.floor(rnd() * 12) }, () => authorName(rnd, p, people)))];
    out.push({ id: arxivId(rnd, used), title, authors, abstract: abstractOf(rnd, p, name, title, names), tags: [], note: '' });
    names.push(name);
  }
  for (const paper of out) {
    if (rnd() >= 0.2) continue;
    paper.tags = [...new Set(Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => pick(rnd, TAGS)))];
    if (rnd() < 0.33) paper.note = pick(rnd, p.sentences).slice(0, 120);
  }
  return out;
}
