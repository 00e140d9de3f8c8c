/**
 * Finding papers named only by title on huggingface.co: the matcher (equal titles once case,
 * accents and punctuation are set aside; authors and year never guessed), and the look-up
 * runner against saved answers of `/api/papers/search` (tests/fixtures/import/hf-search, shaped
 * as its README says), on a virtual clock: its pace, retries, progress, cancellation, and the
 * import of what it found.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ShelfDB } from '../../utils/db/schema';
import { importIncoming } from '../../utils/db/import';
import { readImportText } from '../../utils/import/read';
import { type LookupDeps, lookUpTitles, lookupIncoming, readSearchAnswer, SEARCH_URL } from '../../utils/import/title-lookup';
import { matchTitle, normalTitle, type SearchHit } from '../../utils/import/title-match';
import type { TitleCandidate } from '../../utils/import/types';
import { fixture } from './helpers';

const answer = (name: string) => JSON.parse(fixture(`import/hf-search/${name}.json`)) as unknown;
const hits = (name: string) => readSearchAnswer(answer(name))!;

describe('matching a title', () => {
  it('sets aside case, accents, punctuation and spacing, and nothing else', () => {
    expect(normalTitle('Attention Is All You Need!')).toBe(normalTitle('attention is all you need'));
    expect(normalTitle('{BERT}: Pre-training of  Deep\nBidirectional Transformers')).toBe('bert pre training of deep bidirectional transformers');
    expect(normalTitle('Müller–Łódź: Ærø ÉCOLE naïve')).toBe('muller lodz aero ecole naive');
    expect(normalTitle('大规模语言模型 (CJK)')).toBe('大规模语言模型 cjk');
    expect(normalTitle('Attention is all you need in speech')).not.toBe(normalTitle('Attention is all you need'));
  });

  it('reads the search answer: listing items, hidden authors left out, days from times', () => {
    expect(hits('attention-is-all-you-need')[0]).toEqual({
      id: '1706.03762',
      title: 'Attention Is All You Need',
      authors: [
        'Ashish Vaswani',
        'Noam Shazeer',
        'Niki Parmar',
        'Jakob Uszkoreit',
        'Llion Jones',
        'Aidan N. Gomez',
        'Lukasz Kaiser',
        'Illia Polosukhin',
      ],
      abstract:
        'The dominant sequence transduction models are based on complex recurrent or\nconvolutional neural networks in an encoder-decoder configuration.',
      publishedAt: '2017-06-12',
    });
    expect(readSearchAnswer({ error: 'Invalid query' })).toBeUndefined();
    expect(readSearchAnswer([{ paper: { id: 'not-an-id', title: 'x' } }, 42, { title: 'flat', id: '2401.00001' }])).toEqual([
      { id: '2401.00001', title: 'flat', authors: [] },
    ]);
  });

  it('finds the one paper of that title among the related ones a semantic search returns', () => {
    const found = matchTitle({ title: 'Attention is All you Need', authors: ['Ashish Vaswani'], year: 2017 }, hits('attention-is-all-you-need'));
    expect(found.found?.id).toBe('1706.03762');
    expect(matchTitle({ title: 'ImageNet Classification with Deep Convolutional Neural Networks' }, hits('imagenet-classification'))).toEqual({
      why: 'no-title',
    });
  });

  it('never guesses: other authors, or several papers of one title the year cannot tell apart, are no match', () => {
    const twin = (id: string, day: string, authors = ['Kaiming He']): SearchHit => ({
      id,
      title: 'Deep Residual Learning',
      authors,
      publishedAt: day,
    });
    expect(matchTitle({ title: 'Deep residual learning', authors: ['Jane Doe'] }, [twin('1512.03385', '2015-12-10')])).toEqual({
      why: 'authors-differ',
      ids: ['1512.03385'],
    });
    const two = [twin('1512.03385', '2015-12-10'), twin('2301.00001', '2023-01-02')];
    expect(matchTitle({ title: 'Deep residual learning', authors: ['K. He'] }, two)).toEqual({ why: 'ambiguous', ids: ['1512.03385', '2301.00001'] });
    expect(matchTitle({ title: 'Deep residual learning', authors: ['K. He'], year: 2023 }, two).found?.id).toBe('2301.00001');
    // OpenReview's "Anonymous" says nothing of the authors: the title decides.
    expect(matchTitle({ title: 'Deep residual learning', authors: ['Anonymous'] }, [twin('1512.03385', '2015-12-10')]).found?.id).toBe('1512.03385');
  });
});

/** A virtual clock: sleeping moves it on; every request is logged with the time it was made. */
function site(route: (url: URL, n: number) => Response | Error) {
  let t = 1_000_000;
  const log: Array<{ at: number; q: string; url: string }> = [];
  const deps: LookupDeps = {
    now: () => t,
    sleep: async (ms) => {
      t += ms;
    },
    fetch: async (url) => {
      const u = new URL(url);
      log.push({ at: t, q: u.searchParams.get('q')!, url });
      const out = route(u, log.length);
      if (out instanceof Error) throw out;
      return out;
    },
  };
  return { deps, log };
}
const json = (body: unknown, status = 200, headers: Record<string, string> = {}) => new Response(JSON.stringify(body), { status, headers });

/** Answers as huggingface.co would for the fixtures' titles. */
function byTitle(u: URL) {
  const q = normalTitle(u.searchParams.get('q') ?? '');
  const name = q.includes('attention')
    ? 'attention-is-all-you-need'
    : q.includes('climategan')
      ? 'climategan'
      : q.includes('imagenet')
        ? 'imagenet-classification'
        : q.includes('llama 2')
          ? 'llama-2'
          : q.includes('residual')
            ? 'deep-residual-learning'
            : 'empty';
  return json(answer(name));
}

const cand = (title: string, extra: Partial<TitleCandidate> = {}): TitleCandidate => ({
  where: `entry ${title.slice(0, 10)}`,
  title,
  tags: [],
  ...extra,
});

describe('the look-up runner', () => {
  it('asks one title at a time, at most one request every 1.1 s, reporting progress; found and not found are told apart', async () => {
    const { deps, log } = site(byTitle);
    const progress: unknown[] = [];
    const titles = [
      cand('Attention is All you Need', { tags: ['transformers'], note: 'NeurIPS version', priority: 3, addedAt: 5 }),
      cand('ImageNet Classification with Deep Convolutional Neural Networks'),
      cand('Llama 2: Open foundation and fine-tuned chat models', { authors: ['Hugo Touvron'] }),
      cand('When do Word Embeddings Accurately Reflect Surveys on our Beliefs About People?'),
    ];
    const result = await lookUpTitles(titles, { ...deps, onProgress: (p) => progress.push(p) });
    expect(log.map((r) => r.url.split('?')[0])).toEqual(Array(4).fill(SEARCH_URL));
    expect(log[0]!.url).toBe(`${SEARCH_URL}?q=Attention%20is%20All%20you%20Need&limit=10`);
    const gaps = log.slice(1).map((r, i) => r.at - log[i]!.at);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(1100);
    expect(progress).toEqual([
      { done: 1, total: 4, found: 1 },
      { done: 2, total: 4, found: 1 },
      { done: 3, total: 4, found: 2 },
      { done: 4, total: 4, found: 2 },
    ]);
    expect(result.found.map((f) => f.item)).toEqual([
      expect.objectContaining({
        paper: expect.objectContaining({ id: '1706.03762', title: 'Attention Is All You Need', publishedAt: '2017-06-12' }),
        tags: ['transformers'],
        note: 'NeurIPS version',
        priority: 3,
        addedAt: 5,
      }),
      expect.objectContaining({ paper: expect.objectContaining({ id: '2307.09288', title: 'Llama 2: Open Foundation and Fine-Tuned Chat Models' }) }),
    ]);
    expect(result.notFound.map((n) => n.why)).toEqual(['no paper of this title on Hugging Face', 'no paper of this title on Hugging Face']);
    expect(result.stopped).toBeUndefined();
  });

  it('waits as a 429 asks (Retry-After), asks a busy server three times in all, then reports it and goes on', async () => {
    const { deps, log } = site((u, n) =>
      n === 1 ? json({ error: 'Too many requests' }, 429, { 'retry-after': '30' }) : n <= 4 ? json({ error: 'oops' }, 503) : byTitle(u),
    );
    const result = await lookUpTitles([cand('Attention is All you Need'), cand('Deep Residual Learning for Image Recognition')], deps);
    // The first title: 429 (Retry-After 30 s), 503, 503: three tries, given up. The second: 503, then an answer.
    expect(log.map((r) => r.q)).toEqual([
      'Attention is All you Need',
      'Attention is All you Need',
      'Attention is All you Need',
      'Deep Residual Learning for Image Recognition',
      'Deep Residual Learning for Image Recognition',
    ]);
    expect(log[1]!.at - log[0]!.at).toBeGreaterThanOrEqual(30_000);
    expect(log[2]!.at - log[1]!.at).toBeGreaterThanOrEqual(2 * 1100);
    expect(result.notFound).toEqual([
      { candidate: expect.objectContaining({ title: 'Attention is All you Need' }), why: 'huggingface.co did not answer (HTTP 503)' },
    ]);
    expect(result.found.map((f) => f.item.paper.id)).toEqual(['1512.03385']);
  });

  it('stops when the site cannot be reached, keeping the titles it did not ask', async () => {
    const { deps } = site((u, n) => (n === 2 ? new TypeError('Failed to fetch') : byTitle(u)));
    const titles = [
      cand('Attention is All you Need'),
      cand('ClimateGAN: Raising Climate Change Awareness by Generating Images of Floods'),
      cand('Other'),
    ];
    const result = await lookUpTitles(titles, deps);
    expect(result.found).toHaveLength(1);
    expect(result.notAsked.map((c) => c.title)).toEqual(titles.slice(1).map((c) => c.title));
    expect(result.stopped).toBe('huggingface.co could not be reached');
  });

  it('can be cancelled at any moment: nothing more is asked', async () => {
    const { deps, log } = site(byTitle);
    const stop = new AbortController();
    const titles = [cand('Attention is All you Need'), cand('Llama 2: Open Foundation and Fine-Tuned Chat Models'), cand('Deep Residual Learning')];
    const result = await lookUpTitles(titles, { ...deps, signal: stop.signal, onProgress: (p) => p.done === 1 && stop.abort() });
    expect(log).toHaveLength(1);
    expect(result).toMatchObject({ stopped: 'cancelled' });
    expect(result.notAsked).toHaveLength(2);
    expect(lookupIncoming(result).skipped.map((s) => s.why)).toEqual(['not looked up (cancelled)', 'not looked up (cancelled)']);
  });
});

describe('after an import, the titles it could not place', () => {
  let db: ShelfDB;
  beforeEach(() => {
    db = new ShelfDB(`lookup-${Math.random()}`);
  });
  afterEach(() => db.delete());

  it('PaperMemory’s NeurIPS and OpenReview papers are found by title and saved with their tags, favourite and date', async () => {
    const incoming = await readImportText(fixture('import/PaperMemory-data-2.3.2026-14.05.09.json'));
    const first = await importIncoming(db, incoming, 1e12);
    expect(first.candidates!.map((c) => c.title)).toEqual([
      'ClimateGAN: Raising Climate Change Awareness by Generating Images of Floods',
      'Attention is All you Need',
      'When do Word Embeddings Accurately Reflect Surveys on our Beliefs About People?',
    ]);
    const { deps } = site(byTitle);
    const found = await lookUpTitles(first.candidates!, deps);
    const second = await importIncoming(db, lookupIncoming(found), 2e12);
    expect(second).toMatchObject({ kind: 'lookup', added: 2, updated: 0 });
    expect(second.skipped).toEqual([
      { where: 'paper ACL-ACL-2020_2020.acl-main.405', why: 'no paper of this title on Hugging Face', reason: 'no-arxiv' },
    ]);
    expect(await db.entries.get('1706.03762')).toMatchObject({
      tags: ['transformers'],
      priority: 3,
      bookmarkedAt: Date.parse('2022-01-15T11:11:11.000Z'),
    });
    expect(await db.papers.get('2110.02871')).toMatchObject({ title: 'ClimateGAN: Raising Climate Change Awareness by Generating Images of Floods' });
    expect(await db.entries.get('2110.02871')).toMatchObject({ tags: ['climate'], note: 'Under review @ ICLR 2022 (25/11/2021)' });
  });
});
