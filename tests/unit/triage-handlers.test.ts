/**
 * Triage through the background's request path, over a real (fake-indexeddb) database: a card's
 * menu saves, dismisses and tags; following matches the library and tells the tabs; what a tab
 * asks again after a push shows the reasons.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeHandlers } from '../../utils/background/handlers';
import { answer } from '../../utils/background/serve';
import { ShelfDB } from '../../utils/db/schema';
import type { Replies, TabMessage } from '../../utils/protocol';

let db: ShelfDB;
let pushed: TabMessage[];
let clock: number;
let handlers: ReturnType<typeof makeHandlers>;

beforeEach(() => {
  db = new ShelfDB(`triage-${Math.random()}`);
  pushed = [];
  clock = 1_000_000;
  handlers = makeHandlers({ db, now: () => ++clock, broadcast: async (m) => void pushed.push(m), badge: async () => undefined });
});
afterEach(() => db.delete());

async function ask<T>(type: string, payload: unknown): Promise<T> {
  const reply = await answer(handlers, { hfp: 1, type, payload });
  if (!reply?.ok) throw new Error(reply ? reply.message : 'no reply');
  return reply.value as T;
}

const A = '2609.10001';
const B = '2609.10002';
const C = '2609.10003';
const page = { url: 'https://huggingface.co/papers', kind: 'daily' };
const cards = [
  { id: A, title: 'Diffusion models for video', authors: ['Yann LeCun', 'Ana Pérez'], organization: { name: 'meta-llama', fullname: 'Meta' } },
  {
    id: B,
    title: 'Scaling agents',
    abstract: 'Agents that use tools.',
    authors: ['Ana Perez'],
    organization: { name: 'deepseek-ai', fullname: 'DeepSeek' },
  },
  { id: C, title: 'Multidiffusion', abstract: 'Fusing paths.', authors: ['Zoe Li'] },
];

describe('the card menu', () => {
  it('saves an unsaved paper when a status or a tag is set, and pushes its state to the tabs', async () => {
    await ask('ingest', { page, cards });
    const r1 = await ask<Replies['triage']>('triage', { id: A, status: 'reading' });
    expect(r1.state).toMatchObject({ bookmarked: true, dismissed: false });
    expect(r1.entry).toMatchObject({ status: 'reading', tags: [] });
    expect(pushed.at(-1)).toEqual({ hfp: 1, type: 'states', states: { [A]: r1.state } });
    const r2 = await ask<Replies['triage']>('triage', { id: B, addTags: ['agents', 'RL'] });
    expect(r2).toMatchObject({ state: { bookmarked: true }, entry: { status: 'to-read', tags: ['agents', 'RL'] } });
    expect((await db.tags.toArray()).map((t) => t.name).sort()).toEqual(['RL', 'agents']);
    expect((await db.entries.get(B))?.bookmarkedAt).toBeDefined();
  });

  it('keeps a note or a priority without saving, and changes nothing when nothing changes', async () => {
    await ask('ingest', { page, cards });
    const r = await ask<Replies['triage']>('triage', { id: C, note: 'later', priority: 2 });
    expect(r).toMatchObject({ state: { bookmarked: false }, entry: { note: 'later', priority: 2 } });
    const at = (await db.entries.get(C))!.updatedAt;
    await ask('triage', { id: C, note: 'later' });
    expect((await db.entries.get(C))!.updatedAt).toBe(at);
  });

  it('"Not interested" un-saves and keeps tags and note; tagging it keeps it so; saving it again makes it to read', async () => {
    await ask('ingest', { page, cards });
    await ask('triage', { id: A, addTags: ['video'], note: 'n' });
    const r = await ask<Replies['triage']>('triage', { id: A, status: 'dismissed' });
    expect(r.state).toMatchObject({ bookmarked: false, dismissed: true });
    expect(await db.entries.get(A)).toMatchObject({ status: 'dismissed', tags: ['video'], note: 'n' });
    expect((await db.entries.get(A))?.bookmarkedAt).toBeUndefined();
    await ask('triage', { id: A, addTags: ['later'] });
    expect(await db.entries.get(A)).toMatchObject({ status: 'dismissed', tags: ['video', 'later'] });
    expect((await db.entries.get(A))?.bookmarkedAt).toBeUndefined();
    const saved = await ask<Replies['setBookmark']>('setBookmark', { ids: [A], on: true });
    expect(saved.states[A]).toMatchObject({ bookmarked: true, dismissed: false });
    expect((await db.entries.get(A))?.status).toBe('to-read');
  });

  it('dismissing from the library (setStatus) un-saves too, and the tabs hear of it', async () => {
    await ask('setBookmark', { ids: [A, B], on: true });
    pushed = [];
    await ask('setStatus', { ids: [A, B], status: 'dismissed' });
    expect(pushed).toEqual([
      {
        hfp: 1,
        type: 'states',
        states: { [A]: expect.objectContaining({ bookmarked: false, dismissed: true }), [B]: expect.objectContaining({ dismissed: true }) },
      },
    ]);
    expect(await db.entries.orderBy('bookmarkedAt').count()).toBe(0);
  });

  it('opens with the entry, the library’s tags and which of the paper’s names are followed', async () => {
    await ask('ingest', { page, cards });
    await ask('triage', { id: B, addTags: ['RL'] });
    await ask('follow', { kind: 'author', value: 'ana perez' });
    await ask('follow', { kind: 'org', value: 'DeepSeek' });
    const info = await ask<Replies['triageInfo']>('triageInfo', { id: B });
    expect(info).toEqual({
      entry: { status: 'to-read', tags: ['RL'], note: '', priority: 0 },
      saved: true,
      tags: ['RL'],
      title: 'Scaling agents',
      names: [
        { kind: 'org', label: 'DeepSeek', key: 'org:deepseek', followed: true },
        { kind: 'author', label: 'Ana Perez', key: 'author:anaperez', followed: true },
      ],
    });
    await ask('unfollow', { key: 'org:deepseek' });
    await ask('follow', { kind: 'org', value: 'deepseek-ai' });
    expect((await ask<Replies['triageInfo']>('triageInfo', { id: B })).names[0]).toEqual({
      kind: 'org',
      label: 'DeepSeek',
      key: 'org:deepseekai',
      followed: true,
    });
  });
});

describe('following', () => {
  it('matches the library (backfill), tells the tabs to refresh, and the refresh shows the reasons', async () => {
    await ask('ingest', { page, cards });
    const { follow, added } = await ask<Replies['follow']>('follow', { kind: 'keyword', value: 'Diffusion' });
    expect(added).toBe(true);
    expect(follow).toMatchObject({ key: 'keyword:diffusion', kind: 'keyword', value: 'diffusion', label: 'Diffusion' });
    expect(pushed.at(-1)).toEqual({ hfp: 1, type: 'refresh' });
    await vi.waitFor(async () => expect((await db.follows.get('keyword:diffusion'))?.backfill).toBeUndefined());
    expect(await db.matches.toArray()).toEqual([{ follow: 'keyword:diffusion', paper: A, at: expect.any(Number), unread: 1 }]);
    const again = await ask<Replies['pageStates']>('pageStates', { ids: [A, B, C] });
    expect(again.states[A]).toMatchObject({ bookmarked: false, follows: ['keyword: Diffusion'] });
    expect(again.states[B]!.follows).toEqual([]);
    expect(again.states[C]!.follows).toEqual([]);
  });

  it('follows one name once, whatever its spelling; refuses what has nothing to match', async () => {
    expect((await ask<Replies['follow']>('follow', { kind: 'author', value: 'Yann LeCun' })).added).toBe(true);
    expect(await ask<Replies['follow']>('follow', { kind: 'author', value: 'yann le cun' })).toMatchObject({
      added: false,
      follow: { label: 'Yann LeCun' },
    });
    await expect(ask('follow', { kind: 'keyword', value: '—' })).rejects.toThrow(/Nothing to follow in “—”/);
  });

  it('highlights new cards as they are reported, with every reason', async () => {
    await ask('follow', { kind: 'author', value: 'Ana Pérez' });
    await ask('follow', { kind: 'org', value: 'meta-llama' });
    const reply = await ask<Replies['ingest']>('ingest', { page, cards });
    expect(reply.states[A]!.follows).toEqual(['follows: Ana Pérez', 'follows: meta-llama']);
    expect(reply.states[B]!.follows).toEqual(['follows: Ana Pérez']);
    expect(reply.states[C]!.follows).toBeUndefined();
  });

  it('unfollowing removes its matches and tells the tabs', async () => {
    await ask('ingest', { page, cards });
    const { follow } = await ask<Replies['follow']>('follow', { kind: 'author', value: 'Ana Perez' });
    await vi.waitFor(async () => expect(await db.matches.count()).toBe(2));
    pushed = [];
    expect(await ask('unfollow', { key: follow.key })).toEqual({ removed: true });
    expect(await db.matches.count()).toBe(0);
    expect(pushed).toEqual([{ hfp: 1, type: 'refresh' }]);
    expect((await ask<Replies['pageStates']>('pageStates', { ids: [A] })).states[A]!.follows).toEqual([]);
  });

  it('a match stops being unread when its paper is read or dismissed, and is unread again when saved anew', async () => {
    await ask('ingest', { page, cards });
    await ask('follow', { kind: 'author', value: 'Ana Perez' });
    await vi.waitFor(async () => expect(await db.matches.count()).toBe(2));
    await ask('triage', { id: A, status: 'read' });
    await ask('setStatus', { ids: [B], status: 'dismissed' });
    expect((await db.matches.toArray()).map((m) => m.unread)).toEqual([0, 0]);
    await ask('setBookmark', { ids: [B], on: true });
    expect((await db.matches.get(['author:anaperez', B]))?.unread).toBe(1);
  });
});

describe('hide settings', () => {
  it('are remembered and pushed to the tabs, which read them with their states', async () => {
    await ask('setSettings', { hideSeen: true, hideMode: 'dim' });
    expect(pushed).toEqual([{ hfp: 1, type: 'refresh' }]);
    const { view } = await ask<Replies['pageStates']>('pageStates', { ids: [A] });
    expect(view).toEqual({ hideSeen: true, hideSaved: false, dim: true });
    pushed = [];
    await ask('setSettings', { badge: false });
    expect(pushed).toEqual([]);
  });
});
