/**
 * The background's request path (validation, handler, coded reply), the badge, broadcasts and
 * the shortcuts' link parsing, over a real (fake-indexeddb) database.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ShelfDB } from '../../utils/db/schema';
import { makeHandlers } from '../../utils/background/handlers';
import { answer } from '../../utils/background/serve';
import { paperIdFromLink } from '../../utils/ids';
import type { TabMessage } from '../../utils/protocol';

let db: ShelfDB;
let pushed: TabMessage[];
let badges: string[];
let queued: string[][];
let handlers: ReturnType<typeof makeHandlers>;
let clock = 1_000;

beforeEach(() => {
  db = new ShelfDB(`bg-${Math.random()}`);
  pushed = [];
  badges = [];
  queued = [];
  handlers = makeHandlers({
    db,
    now: () => ++clock,
    broadcast: async (m) => void pushed.push(m),
    badge: async (t) => void badges.push(t),
    filler: { enqueue: async (ids) => void queued.push(ids) },
  });
});
afterEach(() => db.delete());

const ask = (type: string, payload: unknown) => answer(handlers, { hfp: 1, type, payload });

describe('requests', () => {
  it('rejects a payload that does not fit its schema, saying where', async () => {
    expect(await ask('addTags', { ids: ['not-an-id'], tags: ['x'] })).toEqual({
      ok: false,
      code: 'invalid',
      message: 'Invalid addTags request at ids.0: expected an arXiv id such as 2409.12345',
    });
    expect(await ask('setStatus', { ids: ['2609.00001'], status: 'done' })).toMatchObject({
      ok: false,
      code: 'invalid',
      message: expect.stringContaining('at status'),
    });
    expect(await ask('setTagColor', { name: 'x', color: 'red' })).toMatchObject({ ok: false, message: expect.stringContaining('#2563eb') });
  });

  it('rejects an unknown request and ignores what is not ours', async () => {
    expect(await ask('dropDatabase', {})).toEqual({ ok: false, code: 'unknown-type', message: 'Unknown request "dropDatabase"' });
    expect(answer(handlers, { type: 'ingest' })).toBeUndefined();
    expect(answer(handlers, 'hello')).toBeUndefined();
  });

  it('answers a valid request with its value', async () => {
    await ask('setBookmark', { ids: ['2609.00001'], on: true });
    expect(await ask('addTags', { ids: ['2609.00001'], tags: [' ml '] })).toEqual({ ok: true, value: { tags: ['ml'] } });
  });

  it('tells the user the disk is full, and writes nothing', async () => {
    db.entries.hook('creating', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const reply = await ask('setBookmark', { ids: ['2609.00001'], on: true, papers: [{ id: '2609.00001', title: 'T' }] });
    expect(reply).toEqual({ ok: false, code: 'quota', message: 'The disk is full: nothing was saved. Free some space and try again.' });
    expect(await db.papers.count()).toBe(0);
    expect(pushed).toEqual([]);
  });

  it('names a failed write as such', async () => {
    db.close();
    expect(await ask('setNote', { id: '2609.00001', note: 'x' })).toMatchObject({
      ok: false,
      code: 'storage',
      message: expect.stringMatching(/could not be written.*nothing was changed/),
    });
  });
});

describe('after a change', () => {
  it('tells every papers tab about bookmark changes, and queues the papers for the API', async () => {
    await ask('setBookmark', { ids: ['2609.00001', '2609.00002'], on: true });
    const at = expect.any(Number);
    expect(pushed).toEqual([{ hfp: 1, type: 'states', states: { '2609.00001': { bookmarked: true, at }, '2609.00002': { bookmarked: true, at } } }]);
    expect(queued).toEqual([['2609.00001', '2609.00002']]);
  });

  it('keeps the badge at the number of papers to read, and hides it when turned off', async () => {
    await ask('setBookmark', { ids: ['2609.00001', '2609.00002', '2609.00003'], on: true });
    await ask('setStatus', { ids: ['2609.00001'], status: 'read' });
    await ask('setBookmark', { ids: ['2609.00002'], on: false });
    expect(badges).toEqual(['3', '2', '1']);
    await ask('setSettings', { badge: false });
    await ask('setBookmark', { ids: ['2609.00004'], on: true });
    expect(badges.slice(-2)).toEqual(['', '']);
    await ask('setSettings', { badge: true });
    expect(badges.at(-1)).toBe('2');
  });
});

describe('bookmark versions', () => {
  it('are strictly increasing per paper, even within one millisecond', async () => {
    const frozen = makeHandlers({ db, now: () => 5, broadcast: async (m) => void pushed.push(m) });
    const ats: number[] = [];
    for (const on of [true, false, true, false]) {
      const reply = await answer(frozen, { hfp: 1, type: 'setBookmark', payload: { ids: ['2609.00009'], on } });
      ats.push((reply as { value: { states: Record<string, { at: number }> } }).value.states['2609.00009']!.at);
    }
    expect(ats).toEqual([...ats].sort((a, b) => a - b));
    expect(new Set(ats).size).toBe(4);
  });
});

describe('paper ids from links (context menu)', () => {
  it.each([
    ['https://huggingface.co/papers/2409.12345', '2409.12345'],
    ['https://huggingface.co/papers/2409.12345v3', '2409.12345'],
    ['https://arxiv.org/abs/2409.12345v2', '2409.12345'],
    ['https://arxiv.org/pdf/2409.12345', '2409.12345'],
    ['https://arxiv.org/pdf/2409.12345v1.pdf', '2409.12345'],
    ['https://www.arxiv.org/abs/1501.0001', '1501.0001'],
  ])('%s → %s', (link, id) => expect(paperIdFromLink(link)).toBe(id));

  it.each([
    ['https://huggingface.co/papers/trending'],
    ['https://huggingface.co/papers?q=2409.12345'],
    ['https://arxiv.org/list/cs.LG/new'],
    ['https://evil.example/papers/2409.12345'],
    ['javascript:alert(1)'],
    [undefined],
  ])('%s → nothing', (link) => expect(paperIdFromLink(link)).toBeUndefined());
});
