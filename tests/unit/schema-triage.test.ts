/**
 * Version 4 (the last release's schema) → current: every record of a full library kept, and
 * the triage tables and indexes (issue 13) ready: dismissed papers by status and date, visits,
 * follows and their matches.
 */
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { ShelfDB, STORES } from '../../utils/db/schema';

const NAME = 'upgrade-v4';
afterEach(() => Dexie.delete(NAME));

const id = (i: number) => `2602.${String(i).padStart(5, '0')}`;

async function makeV4(n: number) {
  const v4 = new Dexie(NAME);
  for (let v = 1; v <= 4; v++) v4.version(v).stores(STORES[v as keyof typeof STORES]);
  const papers = Array.from({ length: n }, (_, i) => ({
    id: id(i),
    title: `Paper ${i} — ünïcødé`,
    authors: [`Author ${i}`, 'Yann LeCun'],
    ...(i % 4 ? { abstract: `About diffusion ${i}`, organization: { name: 'deepseek-ai', fullname: 'DeepSeek' } } : {}),
    firstSeenAt: 1_700_000_000_000 + i,
    lastSeenAt: 1_700_000_100_000 + i,
    firstSeenUrl: 'https://huggingface.co/papers',
  }));
  const entries = papers
    .filter((_, i) => i % 3 === 0)
    .map((p, i) => ({
      id: p.id,
      ...(i % 2 ? { bookmarkedAt: 1_700_000_500_000 + i } : {}),
      status: (['to-read', 'reading', 'read'] as const)[i % 3]!,
      statusAt: 1_700_000_600_000 + i,
      tags: i % 5 ? ['ML'] : [],
      note: i % 7 ? '' : `note ${i}`,
      priority: i % 4,
      updatedAt: 1_700_000_700_000 + i,
    }));
  const tags = [{ key: 'ml', name: 'ML', color: '#2563eb', createdAt: 1 }];
  const settings = [{ key: 'badge', value: false }];
  const fills = [{ id: id(1), queuedAt: 5, tries: 1 }];
  await v4.table('papers').bulkPut(papers);
  await v4.table('entries').bulkPut(entries);
  await v4.table('tags').bulkPut(tags);
  await v4.table('settings').bulkPut(settings);
  await v4.table('fills').bulkPut(fills);
  v4.close();
  return { papers, entries, tags, settings, fills };
}

describe('upgrading from version 4', () => {
  it('keeps every record of every table, unchanged', async () => {
    const before = await makeV4(4000);
    const db = new ShelfDB(NAME);
    await db.open();
    expect(await db.papers.toArray()).toEqual(before.papers);
    expect(await db.entries.toArray()).toEqual(before.entries);
    expect(await db.tags.toArray()).toEqual(before.tags);
    expect(await db.settings.toArray()).toEqual(before.settings);
    expect(await db.fills.toArray()).toEqual(before.fills);
    expect(await db.entries.orderBy('bookmarkedAt').count()).toBe(before.entries.filter((e) => e.bookmarkedAt).length);
    expect(await db.entries.where('tags').equals('ML').count()).toBe(before.entries.filter((e) => e.tags.length).length);
    db.close();
  });

  it('finds the existing entries by status and date, and starts with no visit, follow or match', async () => {
    const { entries } = await makeV4(300);
    const db = new ShelfDB(NAME);
    const read = await db.entries.where('[status+statusAt]').between(['read', Dexie.minKey], ['read', Dexie.maxKey]).toArray();
    expect(read.map((e) => e.id)).toEqual(entries.filter((e) => e.status === 'read').map((e) => e.id));
    expect(await db.visits.count()).toBe(0);
    expect(await db.follows.count()).toBe(0);
    expect(await db.matches.count()).toBe(0);
    await db.matches.put({ follow: 'author:yannlecun', paper: id(3), at: 5, unread: 1 });
    expect(await db.matches.where('[follow+unread]').equals(['author:yannlecun', 1]).count()).toBe(1);
    db.close();
  });
});
