/**
 * Completing saved papers from the site's public API: the queue, its pace, and what it does
 * offline or on errors. The API is played by a function answering like huggingface.co does.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ShelfDB } from '../../utils/db/schema';
import { makeFiller, FILL_INTERVAL_MS } from '../../utils/background/fill';
import { ingestPapers } from '../../utils/db/papers';
import { PAPER } from '../fixtures/seed';

let db: ShelfDB;
let clock: number;
let sleeps: number[];
let requests: string[];
let answer: (id: string) => Response | Promise<Response>;

const api = (id: string) => ({ ...PAPER, id, title: `Paper ${id}` });
const filler = () =>
  makeFiller({
    db,
    now: () => clock,
    sleep: async (ms) => void sleeps.push(ms),
    fetch: async (url) => {
      requests.push(url);
      return answer(url.split('/').pop()!);
    },
  });

beforeEach(async () => {
  db = new ShelfDB(`fill-${Math.random()}`);
  clock = Date.parse('2026-11-25T10:00:00Z');
  sleeps = [];
  requests = [];
  answer = (id) => new Response(JSON.stringify(api(id)), { status: 200 });
  // What a search card shows: title, abstract, a count of authors, no names.
  await ingestPapers(
    db,
    [
      { id: '2511.10001', title: 'Searched', abstract: 'A', authorCount: 4, publishedAt: '2026-09-10' },
      { id: '2511.10002', title: 'Searched too', authorCount: 2 },
    ],
    { at: clock, url: 'https://huggingface.co/papers?q=x' },
  );
});

afterEach(() => db.delete());

describe('filling papers from /api/papers/<id>', () => {
  it('completes a paper a search card left without authors, keeping what the page gave', async () => {
    const f = filler();
    await f.enqueue(['2511.10001']);
    await f.pump();
    const p = await db.papers.get('2511.10001');
    expect(requests).toEqual(['https://huggingface.co/api/papers/2511.10001']);
    expect(p).toMatchObject({
      authors: PAPER.authors.map((a) => a.name),
      githubRepo: PAPER.githubRepo,
      fetchedAt: clock,
      firstSeenUrl: 'https://huggingface.co/papers?q=x',
    });
    expect(p!.authorCount).toBeUndefined();
    expect(await db.fills.count()).toBe(0);
  });

  it('asks for nothing when the paper is already complete', async () => {
    await ingestPapers(db, [{ id: '2511.10003', title: 'T', abstract: 'A', authors: ['X'], publishedAt: '2026-01-01' }], { at: clock });
    await filler().enqueue(['2511.10003']);
    expect(await db.fills.count()).toBe(0);
    expect(requests).toEqual([]);
  });

  it('keeps to 3 requests a second: one pause of 350 ms after each', async () => {
    const f = filler();
    await f.enqueue(['2511.10001', '2511.10002']);
    await f.pump();
    expect(requests).toHaveLength(2);
    expect(sleeps).toEqual([FILL_INTERVAL_MS, FILL_INTERVAL_MS]);
    expect(FILL_INTERVAL_MS).toBeGreaterThanOrEqual(1000 / 3);
  });

  it('offline: keeps the job silently and finishes it once the network is back', async () => {
    answer = () => Promise.reject(new TypeError('Failed to fetch'));
    const f = filler();
    await f.enqueue(['2511.10001']);
    await f.pump();
    expect(await db.fills.count()).toBe(1);
    expect((await db.papers.get('2511.10001'))!.authors).toEqual([]);
    answer = (id) => new Response(JSON.stringify(api(id)), { status: 200 });
    await filler().pump();
    expect(await db.fills.count()).toBe(0);
    expect((await db.papers.get('2511.10001'))!.authors).toHaveLength(7);
  });

  it('a paper the API does not know is not asked for again for a week', async () => {
    answer = () => new Response('{"error":"Paper not found"}', { status: 404 });
    const f = filler();
    await f.enqueue(['2511.10002']);
    await f.pump();
    expect(await db.fills.count()).toBe(0);
    await f.enqueue(['2511.10002']);
    expect(await db.fills.count()).toBe(0);
    clock += 8 * 24 * 3600 * 1000;
    await f.enqueue(['2511.10002']);
    expect(await db.fills.count()).toBe(1);
  });

  it('rate-limited (429): keeps the job, counts the try, stops for now', async () => {
    answer = () => new Response('slow down', { status: 429 });
    const f = filler();
    await f.enqueue(['2511.10001', '2511.10002']);
    await f.pump();
    expect(requests).toHaveLength(1);
    expect(await db.fills.get('2511.10001')).toMatchObject({ tries: 1 });
  });

  it('ignores an answer that is not the paper asked for', async () => {
    answer = () => new Response(JSON.stringify(api('2401.00001')), { status: 200 });
    const f = filler();
    await f.enqueue(['2511.10001']);
    await f.pump();
    expect((await db.papers.get('2511.10001'))!.title).toBe('Searched');
  });
});
