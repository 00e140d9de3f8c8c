/**
 * Library entries, tags, follows and settings to synced records and back: a local edit stamps
 * exactly the fields it changed, a default never overrides an unknown value, dates keep their
 * milliseconds locally, and the first sync of two existing libraries merges them.
 */
import { describe, expect, it } from 'vitest';
import { type Entry, newEntry, type Tag } from '../../utils/model';
import { bootstrapState } from '../../utils/sync/bootstrap';
import { entryFromSync, stampEntry } from '../../utils/sync/entry-convert';
import { formatStamp } from '../../utils/sync/hlc';
import { merge } from '../../utils/sync/merge';
import { followFromSync, settingsFromSync, stampFollow, stampSettings, stampTag, tagFromSync, tagUpdates } from '../../utils/sync/meta-convert';
import type { SyncEntry } from '../../utils/sync/types';
import { stateOf } from '../harness/sync-arbitraries';

const T = 1_750_000_000_000;
const s = (n: number, device = 'dev001') => formatStamp({ t: 1_750_000_000 + n, c: 0, device });
const names = (k: string) => ({ rl: 'RL', llm: 'LLM' })[k] ?? k;

describe('stampEntry', () => {
  it('stamps a new bookmark with its date, and nothing that is at its default', () => {
    const e: Entry = { ...newEntry('2409.12345', T + 123), bookmarkedAt: T + 123 };
    expect(stampEntry(undefined, e, s(1))).toEqual({ id: e.id, mark: { v: T, s: s(1) }, tags: [] });
  });

  it('stamps only the fields that changed, tags one by one', () => {
    const prev: SyncEntry = { id: '2409.12345', mark: { v: T, s: s(1) }, tags: [{ k: 'rl', on: true, s: s(1) }] };
    const e: Entry = { ...newEntry('2409.12345', T), bookmarkedAt: T + 999, tags: ['LLM'], status: 'read', statusAt: T + 5_000 };
    expect(stampEntry(prev, e, s(2))).toEqual({
      id: e.id,
      mark: prev.mark,
      status: { v: { status: 'read', at: T + 5_000 }, s: s(2) },
      tags: [
        { k: 'llm', on: true, s: s(2) },
        { k: 'rl', on: false, s: s(2) },
      ],
    });
    const same = stampEntry(prev, { ...newEntry(e.id, T), bookmarkedAt: T + 1, tags: ['rl'] }, s(3));
    expect(same).toBe(prev);
  });

  it('records a removal from the list as a tombstone, and a cleared note', () => {
    const prev: SyncEntry = { id: '2409.12345', mark: { v: T, s: s(1) }, note: { v: 'x', s: s(1) }, tags: [] };
    const next = stampEntry(prev, newEntry('2409.12345', T), s(2));
    expect(next.mark).toEqual({ v: null, s: s(2) });
    expect(next.note).toEqual({ v: '', s: s(2) });
  });
});

describe('entryFromSync', () => {
  it('keeps local milliseconds within the same second, the local tag order, and returns the entry itself when nothing changed', () => {
    const local: Entry = { ...newEntry('2409.12345', T + 456), bookmarkedAt: T + 456, tags: ['RL', 'x'], updatedAt: T + 456 };
    const record: SyncEntry = {
      id: local.id,
      mark: { v: T, s: s(1) },
      tags: [
        { k: 'llm', on: true, s: s(2) },
        { k: 'rl', on: true, s: s(1) },
        { k: 'x', on: true, s: s(1) },
      ],
    };
    const next = entryFromSync(record, names, local, T + 10_000);
    expect(next.bookmarkedAt).toBe(T + 456);
    expect(next.tags).toEqual(['RL', 'x', 'LLM']);
    expect(next.updatedAt).toBe(T + 10_000);
    expect(entryFromSync({ ...record, tags: record.tags.slice(1) }, names, local, T + 10_000)).toBe(local);
  });

  it('makes an entry for a paper this device did not have, and follows a removal', () => {
    const record: SyncEntry = { id: '2409.12345', mark: { v: T, s: s(1) }, priority: { v: 2, s: s(1) }, tags: [] };
    expect(entryFromSync(record, names, undefined, T + 1)).toMatchObject({ bookmarkedAt: T, statusAt: T, status: 'to-read', priority: 2 });
    const removed = entryFromSync({ ...record, mark: { v: null, s: s(2) } }, names, { ...newEntry(record.id, T), bookmarkedAt: T }, T + 2);
    expect(removed.bookmarkedAt).toBeUndefined();
  });

  it('round-trips: an entry stamped and read back is the same entry', () => {
    const e: Entry = {
      id: '2409.12345',
      bookmarkedAt: T,
      status: 'reading',
      statusAt: T + 1_000,
      tags: ['RL'],
      note: 'n',
      priority: 1,
      updatedAt: T,
    };
    expect(entryFromSync(stampEntry(undefined, e, s(1)), names, e, T + 5)).toBe(e);
  });
});

describe('tags, follows, settings', () => {
  it('stamps a tag’s creation (name included), colour change and deletion', () => {
    const tag: Tag = { key: 'rl', name: 'rl', color: '#2563eb', createdAt: T + 7 };
    const created = stampTag(undefined, 'rl', tag, s(1));
    expect(created).toEqual({ key: 'rl', createdAt: T, live: { v: true, s: s(1) }, name: { v: 'rl', s: s(1) }, color: { v: '#2563eb', s: s(1) } });
    expect(stampTag(created, 'rl', tag, s(2))).toBe(created);
    expect(stampTag(created, 'rl', { ...tag, color: '#000000' }, s(3)).color).toEqual({ v: '#000000', s: s(3) });
    const deleted = stampTag(created, 'rl', undefined, s(4));
    expect(deleted.live).toEqual({ v: false, s: s(4) });
    expect(tagFromSync(deleted, false, tag)).toBeUndefined();
    expect(tagFromSync(deleted, true, undefined)).toEqual({ key: 'rl', name: 'rl', color: '#2563eb', createdAt: T });
  });

  it('gives a tag known only from a synced paper no name of its own: a colour set on it leaves the name to its record', () => {
    // Found by the sync fuzz: device B coloured "llm" (made from A's paper before A's tag record came), and its
    // stamped placeholder name outranked A's "LLM".
    const carried = stateOf({ entries: [{ id: '2409.12345', tags: [{ k: 'llm', on: true, s: s(1, 'dev002') }] }], tags: [] });
    const [placeholder] = tagUpdates(carried, { entries: ['2409.12345'], tags: [] }, () => undefined).put;
    const coloured = stampTag(undefined, 'llm', { ...placeholder!, color: '#2563eb' }, s(3));
    expect(coloured.name).toBeUndefined();
    expect(coloured.color).toEqual({ v: '#2563eb', s: s(3) });
    const theirs = { key: 'llm', createdAt: T, live: { v: true, s: s(2, 'dev002') }, name: { v: 'LLM', s: s(2, 'dev002') } };
    const merged = merge(stateOf({ entries: [], tags: [coloured] }), stateOf({ entries: [], tags: [theirs] })).tags.get('llm')!;
    expect(tagFromSync(merged, true, undefined)).toMatchObject({ name: 'LLM', color: '#2563eb' });
    // Named by the user here, it is stamped as any name.
    expect(stampTag(undefined, 'llm', { ...placeholder!, name: 'LLM' }, s(4)).name).toEqual({ v: 'LLM', s: s(4) });
  });

  it('brings back a deleted tag a paper carries, and drops it with its last paper', () => {
    const tags = [{ key: 'rl', createdAt: T, live: { v: false, s: s(5) }, name: { v: 'RL', s: s(1) } }];
    const carried = stateOf({ entries: [{ id: '2409.12345', tags: [{ k: 'rl', on: true, s: s(3, 'dev002') }] }], tags });
    expect(tagUpdates(carried, { entries: ['2409.12345'], tags: [] }, () => undefined).put).toEqual([{ key: 'rl', name: 'RL', createdAt: T }]);
    const dropped = stateOf({ entries: [{ id: '2409.12345', tags: [{ k: 'rl', on: false, s: s(6) }] }], tags });
    expect(tagUpdates(dropped, { entries: ['2409.12345'], tags: [] }, () => ({ key: 'rl', name: 'RL', createdAt: T }))).toEqual({
      put: [],
      remove: ['rl'],
    });
  });

  it('stamps follows and unfollows, and settings that changed', () => {
    const f = stampFollow(undefined, 'author', 'Yann LeCun', { kind: 'author', value: 'Yann LeCun', addedAt: T + 5 }, s(1));
    expect(f).toEqual({ kind: 'author', key: 'yann lecun', state: { v: { on: true, value: 'Yann LeCun', at: T }, s: s(1) } });
    expect(followFromSync(f)).toEqual({ kind: 'author', value: 'Yann LeCun', addedAt: T });
    const off = stampFollow(f, 'author', 'yann lecun', undefined, s(2));
    expect(off.state.v.on).toBe(false);
    expect(followFromSync(off)).toBeUndefined();
    const settings = stampSettings(new Map([['badge', { key: 'badge', value: { v: true, s: s(1) } }]]), { badge: true, theme: 'dark' }, s(2));
    expect(settings).toEqual([{ key: 'theme', value: { v: 'dark', s: s(2) } }]);
    expect(settingsFromSync(settings)).toEqual({ theme: 'dark' });
  });
});

describe('bootstrap of existing libraries', () => {
  it('merges two libraries field by field: the later change wins, tags are the union, a note beats none', () => {
    const mine: Entry[] = [
      { id: '2409.00001', bookmarkedAt: T, status: 'read', statusAt: T + 50_000, tags: ['RL'], note: '', priority: 0, updatedAt: T + 50_000 },
      { id: '2409.00002', bookmarkedAt: T, status: 'to-read', statusAt: T, tags: [], note: 'mine', priority: 0, updatedAt: T + 10_000 },
    ];
    const theirs: Entry[] = [
      {
        id: '2409.00001',
        bookmarkedAt: T + 20_000,
        status: 'reading',
        statusAt: T + 20_000,
        tags: ['LLM'],
        note: 'theirs',
        priority: 2,
        updatedAt: T + 20_000,
      },
      { id: '2409.00003', status: 'to-read', statusAt: T, tags: [], note: '', priority: 0, updatedAt: T + 30_000 },
    ];
    const tags = (n: string): Tag => ({ key: n.toLowerCase(), name: n, createdAt: T });
    const a = bootstrapState({ entries: mine, tags: [tags('RL')], settings: { badge: false } }, 'aaaaaa');
    const b = bootstrapState({ entries: theirs, tags: [tags('LLM')] }, 'bbbbbb');
    const m = merge(a, b);
    const e1 = entryFromSync(m.entries.get('2409.00001')!, names, undefined, T);
    expect(e1).toMatchObject({ bookmarkedAt: T + 20_000, status: 'read', tags: ['LLM', 'RL'], note: 'theirs', priority: 2 });
    expect(entryFromSync(m.entries.get('2409.00002')!, names, undefined, T).note).toBe('mine');
    expect(m.entries.get('2409.00003')!.mark?.v).toBeNull();
    expect([...m.tags.keys()].sort()).toEqual(['llm', 'rl']);
    expect(m.settings.get('badge')?.value.v).toBe(false);
  });
});
