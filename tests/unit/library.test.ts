/**
 * The reading list's operations, on a real (fake-indexeddb) database: each one alone, and the
 * properties every one must keep (idempotent, one transaction).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ShelfDB } from '../../utils/db/schema';
import {
  addTags,
  defaultColor,
  deleteTag,
  removeTags,
  renameTag,
  setBookmarks,
  setNote,
  setPriority,
  setStatus,
  setTagColor,
  toReadCount,
} from '../../utils/db/library';
import { listBookmarks } from '../../utils/db/queries';

const A = '2609.00001';
const B = '2609.00002';
const C = '2609.00003';
let db: ShelfDB;
let t = 1000;
const now = () => ++t;

beforeEach(async () => {
  db = new ShelfDB(`library-${Math.random()}`);
  await setBookmarks(
    db,
    {
      ids: [A, B],
      on: true,
      papers: [
        { id: A, title: 'Alpha' },
        { id: B, title: 'Beta' },
      ],
    },
    now(),
  );
});
afterEach(() => db.delete());

describe('bookmarks', () => {
  it('stores the paper it was given and lists bookmarks newest first', async () => {
    await setBookmarks(db, { ids: [C], on: true, papers: [{ id: C, title: 'Gamma' }] }, now());
    // A and B were bookmarked in one change, at one moment: ties list by id, descending.
    expect((await listBookmarks(db)).map((p) => [p.id, p.title])).toEqual([
      [C, 'Gamma'],
      [B, 'Beta'],
      [A, 'Alpha'],
    ]);
  });

  it('is idempotent: bookmarking twice keeps the first date; un-bookmarking twice is one removal', async () => {
    const first = (await db.entries.get(A))!.bookmarkedAt;
    await setBookmarks(db, { ids: [A], on: true }, now());
    expect((await db.entries.get(A))!.bookmarkedAt).toBe(first);
    await setBookmarks(db, { ids: [A], on: false }, now());
    await setBookmarks(db, { ids: [A], on: false }, now());
    expect((await db.entries.get(A))!.bookmarkedAt).toBeUndefined();
  });

  it('un-bookmarking keeps tags, note, status and priority; undo restores the date', async () => {
    await addTags(db, [A], ['ML'], now());
    await setNote(db, A, 'read §3', now());
    await setStatus(db, [A], 'reading', now());
    await setPriority(db, [A], 2, now());
    const at = (await db.entries.get(A))!.bookmarkedAt!;
    const { before } = await setBookmarks(db, { ids: [A], on: false }, now());
    expect(before[A]).toBe(at);
    expect(await db.entries.get(A)).toMatchObject({ tags: ['ML'], note: 'read §3', status: 'reading', priority: 2 });
    await setBookmarks(db, { ids: [A], on: true, at: before[A] }, now());
    expect((await db.entries.get(A))!.bookmarkedAt).toBe(at);
    expect((await listBookmarks(db)).map((p) => p.id)).toEqual([B, A]);
  });

  it('bookmarking an id the library never saw stores it under its id, to be filled later', async () => {
    await setBookmarks(db, { ids: [C], on: true }, now());
    expect(await db.papers.get(C)).toMatchObject({ id: C, title: `arXiv:${C}`, authors: [] });
  });
});

describe('status and priority', () => {
  it('sets status with its date, counts what is left to read', async () => {
    expect(await toReadCount(db)).toBe(2);
    await setStatus(db, [A], 'read', 5000);
    expect(await db.entries.get(A)).toMatchObject({ status: 'read', statusAt: 5000 });
    expect(await toReadCount(db)).toBe(1);
    await setStatus(db, [A], 'read', 6000);
    expect((await db.entries.get(A))!.statusAt).toBe(5000);
  });

  it('a paper to read but no longer bookmarked is not counted', async () => {
    await setBookmarks(db, { ids: [B], on: false }, now());
    expect(await toReadCount(db)).toBe(1);
  });

  it('sets priority on many papers at once', async () => {
    await setPriority(db, [A, B], 3, now());
    expect((await db.entries.bulkGet([A, B])).map((e) => e!.priority)).toEqual([3, 3]);
  });
});

describe('tags', () => {
  it('trims, collapses spaces and treats case as the same tag, reusing the existing spelling', async () => {
    await addTags(db, [A], ['  Machine   Learning '], now());
    expect(await addTags(db, [B], ['machine learning'], now())).toEqual(['Machine Learning']);
    expect((await db.entries.bulkGet([A, B])).map((e) => e!.tags)).toEqual([['Machine Learning'], ['Machine Learning']]);
    expect(await db.tags.toArray()).toEqual([
      { key: 'machine learning', name: 'Machine Learning', color: defaultColor('machine learning'), createdAt: expect.any(Number) },
    ]);
  });

  it('adding a tag twice, or two spellings at once, keeps one', async () => {
    await addTags(db, [A], ['RL', 'rl'], now());
    await addTags(db, [A], ['Rl'], now());
    expect((await db.entries.get(A))!.tags).toEqual(['RL']);
  });

  it('removes a tag whatever its case, only from the papers named', async () => {
    await addTags(db, [A, B], ['NLP', 'Vision'], now());
    await removeTags(db, [A], ['nlp'], now());
    expect((await db.entries.get(A))!.tags).toEqual(['Vision']);
    expect((await db.entries.get(B))!.tags).toEqual(['NLP', 'Vision']);
  });

  it('renames a tag on every paper', async () => {
    await addTags(db, [A, B], ['LLM'], now());
    await renameTag(db, 'llm', 'Language models', now());
    expect((await db.entries.bulkGet([A, B])).map((e) => e!.tags)).toEqual([['Language models'], ['Language models']]);
    expect((await db.tags.toArray()).map((t) => t.name)).toEqual(['Language models']);
  });

  it('renaming onto an existing tag merges them, a paper with both keeps one', async () => {
    await addTags(db, [A], ['RL'], now());
    await addTags(db, [B], ['Reinforcement'], now());
    await addTags(db, [A], ['Reinforcement'], now());
    await renameTag(db, 'RL', 'reinforcement', now());
    expect((await db.entries.bulkGet([A, B])).map((e) => e!.tags)).toEqual([['Reinforcement'], ['Reinforcement']]);
    expect((await db.tags.toArray()).map((t) => t.name)).toEqual(['Reinforcement']);
  });

  it('respells a tag when only its case changes', async () => {
    await addTags(db, [A], ['llm'], now());
    await renameTag(db, 'llm', 'LLM', now());
    expect((await db.entries.get(A))!.tags).toEqual(['LLM']);
    expect(await db.tags.get('llm')).toMatchObject({ name: 'LLM' });
  });

  it('deletes a tag from every paper, and colours one', async () => {
    await addTags(db, [A, B], ['Old', 'Keep'], now());
    await setTagColor(db, 'keep', '#123456');
    await deleteTag(db, 'OLD', now());
    expect((await db.entries.bulkGet([A, B])).map((e) => e!.tags)).toEqual([['Keep'], ['Keep']]);
    expect(await db.tags.toArray()).toEqual([expect.objectContaining({ key: 'keep', color: '#123456' })]);
  });
});

describe('every change', () => {
  it('updates the entry’s updatedAt (the newer change wins on import)', async () => {
    const before = (await db.entries.get(A))!.updatedAt;
    await setNote(db, A, 'x', 99_999);
    expect((await db.entries.get(A))!.updatedAt).toBe(99_999);
    expect(before).toBeLessThan(99_999);
  });

  it('is all or nothing: a failure inside the transaction writes nothing', async () => {
    db.entries.hook('creating', () => {
      throw new Error('disk on fire');
    });
    await expect(setBookmarks(db, { ids: [C], on: true, papers: [{ id: C, title: 'Gamma' }] }, now())).rejects.toThrow();
    expect(await db.papers.get(C)).toBeUndefined();
    expect(await db.entries.get(C)).toBeUndefined();
  });
});
