/**
 * Libraries of any size for tests and the benchmark, made of realistic text (the abstracts of
 * the seed search page, reshuffled), filled through the extension's own requests.
 */
import type { Page } from 'playwright-core';
import { seedResults } from '../fixtures/seed';
import type { PaperFields } from '../../utils/model';
import { send } from './browser';
import { seeded } from './random';

const SEED = seedResults();
const WORDS = SEED.flatMap((r) => r.abstract.split(/\s+/));
const FIRST = ['Ana', 'Bo', 'Chen', 'Dario', 'Emma', 'Farid', 'Grace', 'Hiro', 'Ines', 'Jonas', 'Kai', 'Lena', 'Mina', 'Noor', 'Omar', 'Priya'];
const LAST = ['Li', 'Smith', 'Müller', 'Tanaka', 'García', 'Okafor', 'Kowalski', 'Nguyen', 'Rossi', 'Dubois', 'Singh', 'Zhang'];

export function syntheticPapers(n: number, offset = 0): PaperFields[] {
  const random = seeded(1234 + offset);
  const rnd = () => random(2 ** 31) / 2 ** 31;
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;
  return Array.from({ length: n }, (_, k) => {
    const i = k + offset;
    const base = SEED[i % SEED.length]!;
    const month = String(1 + (i % 12)).padStart(2, '0');
    return {
      // Always a valid new-style arXiv id: 2501.10000 … 2501.99999, then 2502.10000 …
      id: `${2501 + Math.floor(i / 90_000)}.${10_000 + (i % 90_000)}`,
      title: i < SEED.length ? base.title : `${base.title.split(':')[0]} ${pick(WORDS)} ${pick(WORDS)} #${i}`,
      authors: Array.from({ length: 2 + (i % 6) }, () => `${pick(FIRST)} ${pick(LAST)}`),
      abstract: Array.from({ length: 180 }, () => pick(WORDS)).join(' '),
      publishedAt: `20${24 + (i % 2)}-${month}-${String(1 + (i % 28)).padStart(2, '0')}`,
      upvotes: Math.floor(rnd() * 300),
      comments: i % 4,
    };
  });
}

/** Stores papers as if seen on a page, then bookmarks (some of) them, in batches. */
export async function seedLibrary(page: Page, papers: PaperFields[], bookmark: string[] = papers.map((p) => p.id)) {
  for (let i = 0; i < papers.length; i += 1000) {
    await send(page, 'ingest', { page: { url: 'https://huggingface.co/papers', kind: 'daily' }, cards: papers.slice(i, i + 1000) });
  }
  for (let i = 0; i < bookmark.length; i += 2000) {
    await send(page, 'setBookmark', { ids: bookmark.slice(i, i + 2000), on: true });
  }
}
