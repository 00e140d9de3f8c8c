/**
 * A library at v6 made by a build that had no v5 (issue 13 landed after issue 12): opening it at
 * the latest version creates the tables and index v5 brings, as Dexie diffs the actual database.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { expect, it } from 'vitest';
import { ShelfDB, STORES } from '../../utils/db/schema';

it('a v6 database made without v5 opens at the latest with every table usable', async () => {
  const old = new Dexie('no5');
  for (const v of [1, 2, 3, 4, 6] as const) old.version(v).stores(STORES[v] as Record<string, string>);
  await old.open();
  old.close();
  const db = new ShelfDB('no5');
  await db.open();
  await db.visits.put({ key: 'current', start: 1, last: 2 });
  await db.follows.put({ key: 'author:x', kind: 'author', value: 'x', label: 'x', addedAt: 1 });
  await db.matches.put({ follow: 'author:x', paper: '2409.12345', at: 1, unread: 1 });
  expect(await db.matches.count()).toBe(1);
  expect(await db.entries.where('[status+statusAt]').between(['a', 0], ['z', 1e15]).count()).toBe(0);
});
