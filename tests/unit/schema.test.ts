/**
 * Every earlier schema version, full of data, opened by the current code: nothing lost.
 */
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { ShelfDB, STORES } from '../../utils/db/schema';

import { setStatus } from '../../utils/db/library';
import { loadLocal } from '../../utils/db/sync-records';
import { newEntry, type Paper } from '../../utils/model';

/** A database as an older release declared it: its versions up to `last`, without their upgrades. */
/** The version the code opens (the last one declared). */
const LATEST = Math.max(...Object.keys(STORES).map(Number));

function declareUpTo(db: Dexie, last: keyof typeof STORES) {
  for (const v of Object.keys(STORES).map(Number)) if (v <= last) db.version(v).stores(STORES[v as keyof typeof STORES]);
}

const names: string[] = [];
afterEach(async () => {
  for (const n of names.splice(0)) await Dexie.delete(n);
});

function paper(i: number): Paper {
  return {
    id: `2601.${String(i).padStart(5, '0')}`,
    title: `Paper ${i} — “quotes”, ünïcødé, 数据`,
    authors: Array.from({ length: (i % 7) + 1 }, (_, j) => `Author ${j}`),
    abstract: `Abstract ${i}`,
    upvotes: i,
    firstSeenAt: 1_700_000_000_000 + i,
    lastSeenAt: 1_700_000_100_000 + i,
    firstSeenUrl: 'https://huggingface.co/papers',
  };
}

/** A version-1 database (the walking skeleton's), as its code wrote it. */
async function makeV1(name: string, n: number) {
  names.push(name);
  const v1 = new Dexie(name);
  declareUpTo(v1, 1);
  const papers = Array.from({ length: n }, (_, i) => paper(i));
  const bookmarks = papers.filter((_, i) => i % 3 === 0).map((p, i) => ({ id: p.id, bookmarkedAt: 1_700_000_500_000 + i }));
  await v1.table('papers').bulkPut(papers);
  await v1.table('bookmarks').bulkPut(bookmarks);
  await v1.table('fills').put({ id: papers[1]!.id, queuedAt: 5, tries: 1 });
  v1.close();
  return { papers, bookmarks };
}

describe('upgrading the library', () => {
  it('version 1 → current: every paper kept, every bookmark becomes an entry to read at its date', async () => {
    const { papers, bookmarks } = await makeV1('upgrade-v1', 3000);
    const db = new ShelfDB('upgrade-v1');
    await db.open();
    expect(db.verno).toBe(LATEST);
    expect(await db.papers.toArray()).toEqual(papers.sort((a, b) => a.id.localeCompare(b.id)));
    const entries = await db.entries.orderBy('bookmarkedAt').toArray();
    expect(entries).toHaveLength(bookmarks.length);
    expect(entries.map((e) => [e.id, e.bookmarkedAt])).toEqual(bookmarks.map((b) => [b.id, b.bookmarkedAt]));
    expect(entries.every((e) => e.status === 'to-read' && e.tags.length === 0 && e.note === '' && e.statusAt === e.bookmarkedAt)).toBe(true);
    expect(await db.fills.toArray()).toEqual([{ id: papers[1]!.id, queuedAt: 5, tries: 1 }]);
    expect(db.tables.map((t) => t.name).sort()).toEqual([
      'entries',
      'fills',
      'follows',
      'matches',
      'papers',
      'settings',
      'snapshots',
      'syncMeta',
      'syncRecords',
      'tags',
      'visits',
      'zoteroSent',
    ]);
    db.close();
  });

  it('version 2 → current: drops the emptied bookmarks table, keeps entries, tags and settings', async () => {
    names.push('upgrade-v2');
    const v2 = new Dexie('upgrade-v2');
    declareUpTo(v2, 2);
    const entry = { id: '2601.00001', bookmarkedAt: 9, status: 'read', statusAt: 10, tags: ['ML'], note: 'n', priority: 2, updatedAt: 11 };
    await v2.table('papers').put(paper(1));
    await v2.table('entries').put(entry);
    await v2.table('tags').put({ key: 'ml', name: 'ML', color: '#2563eb', createdAt: 1 });
    await v2.table('settings').put({ key: 'badge', value: false });
    v2.close();
    const db = new ShelfDB('upgrade-v2');
    expect(await db.entries.toArray()).toEqual([entry]);
    expect(await db.tags.toArray()).toEqual([{ key: 'ml', name: 'ML', color: '#2563eb', createdAt: 1 }]);
    expect(await db.settings.get('badge')).toEqual({ key: 'badge', value: false });
    expect(await db.papers.get('2601.00001')).toEqual(paper(1));
    expect(db.tables.some((t) => t.name === 'bookmarks')).toBe(false);
    db.close();
  });

  it('version 3 → current: entries keep every field and are still found by bookmark, status and tag', async () => {
    names.push('upgrade-v3');
    const v3 = new Dexie('upgrade-v3');
    declareUpTo(v3, 3);
    const entries = Array.from({ length: 500 }, (_, i) => ({
      id: `2601.${String(i).padStart(5, '0')}`,
      ...(i % 5 ? { bookmarkedAt: 1000 + i } : {}),
      status: (['to-read', 'reading', 'read'] as const)[i % 3]!,
      statusAt: 2000 + i,
      tags: i % 2 ? ['ML', 'vision'] : [],
      note: i % 7 ? '' : `note ${i}`,
      priority: i % 4,
      updatedAt: 3000 + i,
    }));
    await v3.table('papers').bulkPut(entries.map((_, i) => paper(i)));
    await v3.table('entries').bulkPut(entries);
    v3.close();
    const db = new ShelfDB('upgrade-v3');
    expect(await db.entries.toArray()).toEqual(entries);
    expect(await db.entries.orderBy('bookmarkedAt').count()).toBe(400);
    expect(await db.entries.where('tags').equals('ML').count()).toBe(250);
    expect(await db.entries.where('[status+bookmarkedAt]').between(['read', Dexie.minKey], ['read', Dexie.maxKey]).count()).toBe(
      entries.filter((e) => e.status === 'read' && e.bookmarkedAt).length,
    );
    expect(db.entries.schema.indexes.map((i) => i.name).sort()).toEqual([
      '[status+bookmarkedAt]',
      '[status+statusAt]',
      'bookmarkedAt',
      'rev',
      'tags',
    ]);
    db.close();
  });

  it('version 4 → current: every record kept as it was; new writes are stamped and found by their stamp', async () => {
    names.push('upgrade-v4');
    const v4 = new Dexie('upgrade-v4');
    declareUpTo(v4, 4);
    const papers = Array.from({ length: 300 }, (_, i) => paper(i));
    const entries = papers.slice(0, 100).map((p, i) => ({ ...newEntry(p.id, 10 + i), bookmarkedAt: 10 + i, tags: i % 3 ? [] : ['RL'] }));
    await v4.table('papers').bulkPut(papers);
    await v4.table('entries').bulkPut(entries);
    await v4.table('tags').put({ key: 'rl', name: 'RL', createdAt: 1 });
    await v4.table('settings').put({ key: 'badge', value: false });
    v4.close();
    const db = new ShelfDB('upgrade-v4');
    expect(await db.papers.toArray()).toEqual(papers);
    expect(await db.entries.toArray()).toEqual(entries);
    expect(await db.tags.toArray()).toEqual([{ key: 'rl', name: 'RL', createdAt: 1 }]);
    expect(await db.settings.toArray()).toEqual([{ key: 'badge', value: false }]);
    // v5 (triage): its tables start empty, and entries are found by status and date at once.
    expect([await db.visits.count(), await db.follows.count(), await db.matches.count()]).toEqual([0, 0, 0]);
    expect(await db.entries.where('[status+statusAt]').between(['to-read', Dexie.minKey], ['to-read', Dexie.maxKey]).count()).toBe(100);
    // Records of before v6 carry no stamp; the next write of one does.
    expect(await db.papers.where('rev').above(0).count()).toBe(0);
    await setStatus(db, [entries[5]!.id], 'read', 99);
    expect(await db.entries.where('rev').above(0).primaryKeys()).toEqual([entries[5]!.id]);
    db.close();
  });

  it('version 6 → current (v8): every record kept as it was, stamps included; the Zotero records start empty and are written', async () => {
    names.push('upgrade-v6');
    const v6 = new Dexie('upgrade-v6');
    declareUpTo(v6, 6);
    const papers = Array.from({ length: 300 }, (_, i) => ({ ...paper(i), ...(i % 2 ? { rev: 1000 + i } : {}) }));
    const entries = papers
      .slice(0, 120)
      .map((p, i) => ({ ...newEntry(p.id, 10 + i), bookmarkedAt: 10 + i, tags: i % 3 ? [] : ['RL'], rev: 2000 + i }));
    const tag = { key: 'rl', name: 'RL', createdAt: 1 };
    const fill = { id: papers[7]!.id, queuedAt: 5, tries: 2 };
    const snapshot = { key: 'catalog', rev: 2119, format: 3, data: { rows: [1, 2, 3] } };
    await v6.table('papers').bulkPut(papers);
    await v6.table('entries').bulkPut(entries);
    await v6.table('tags').put(tag);
    await v6.table('settings').put({ key: 'badge', value: false });
    await v6.table('fills').put(fill);
    await v6.table('snapshots').put(snapshot);
    v6.close();
    const db = new ShelfDB('upgrade-v6');
    await db.open();
    expect(db.verno).toBe(8);
    expect(await db.papers.toArray()).toEqual(papers);
    expect(await db.entries.toArray()).toEqual(entries);
    expect(await db.tags.toArray()).toEqual([tag]);
    expect(await db.settings.toArray()).toEqual([{ key: 'badge', value: false }]);
    expect(await db.fills.toArray()).toEqual([fill]);
    expect(await db.snapshots.toArray()).toEqual([snapshot]);
    expect(await db.entries.where('rev').above(2100).count()).toBe(19);
    expect(await db.zoteroSent.count()).toBe(0);
    const row = { id: papers[0]!.id, sent: [{ sentAt: 5, libraryName: 'My Library', target: 'L1', path: ['My Library'] }] };
    await db.zoteroSent.put(row);
    // A Zotero record is no library change: it is kept as written, with no stamp to wake the catalogue.
    expect(await db.zoteroSent.get(papers[0]!.id)).toEqual(row);
    db.close();
  });
});

describe('version 6 → latest (sync)', () => {
  it('keeps every record of a v6 library, adds the empty sync tables, and bootstraps them from the library', async () => {
    names.push('upgrade-v6');
    const v6 = new Dexie('upgrade-v6');
    declareUpTo(v6, 6);
    const papers = Array.from({ length: 200 }, (_, i) => paper(i));
    const entries = papers.slice(0, 80).map((p, i) => ({ ...newEntry(p.id, 10 + i), bookmarkedAt: 10 + i, tags: i % 4 ? [] : ['RL'], rev: 100 + i }));
    await v6.table('papers').bulkPut(papers.map((p, i) => ({ ...p, rev: i })));
    await v6.table('entries').bulkPut(entries);
    await v6.table('tags').put({ key: 'rl', name: 'RL', color: '#2563eb', createdAt: 1 });
    await v6.table('settings').put({ key: 'badge', value: false });
    await v6.table('fills').put({ id: papers[3]!.id, queuedAt: 5, tries: 2 });
    await v6.table('snapshots').put({ key: 'catalog', data: { n: 1 } });
    v6.close();
    const db = new ShelfDB('upgrade-v6');
    await db.open();
    expect(db.verno).toBe(LATEST);
    expect(await db.papers.toArray()).toEqual(papers.map((p, i) => ({ ...p, rev: i })));
    expect(await db.entries.toArray()).toEqual(entries);
    expect(await db.tags.toArray()).toEqual([{ key: 'rl', name: 'RL', color: '#2563eb', createdAt: 1 }]);
    expect(await db.settings.toArray()).toEqual([{ key: 'badge', value: false }]);
    expect(await db.fills.toArray()).toEqual([{ id: papers[3]!.id, queuedAt: 5, tries: 2 }]);
    expect(await db.snapshots.toArray()).toEqual([{ key: 'catalog', data: { n: 1 } }]);
    expect(await db.syncRecords.count()).toBe(0);
    // The first start of sync gives every entry, tag and setting its record, and changes none of them.
    await loadLocal(db, () => 0.25);
    expect(await db.syncRecords.count()).toBe(80 + 1 + 1);
    expect(await db.entries.toArray()).toEqual(entries);
    db.close();
  });

  it('declares every version in order: 5 (triage), 6 (rev), 7 (sync), 8 (Zotero)', () => {
    expect(Object.keys(STORES).map(Number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(STORES[7]).toEqual({ syncRecords: 'id', syncMeta: 'key' });
  });
});
