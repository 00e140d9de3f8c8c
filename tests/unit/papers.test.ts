/**
 * Storing what a page showed: the range read that decides which papers are new, in every
 * shape a page's ids take (all new, all known, a few known among many others, duplicates).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ShelfDB } from '../../utils/db/schema';
import { bulkGetKnown, ingestPapers } from '../../utils/db/papers';

let db: ShelfDB;
const id = (n: number) => `2609.${String(10000 + n)}`;
const paper = (n: number) => ({ id: id(n), title: `Paper ${n}`, authors: [], firstSeenAt: 1, lastSeenAt: 1 });

beforeEach(() => {
  db = new ShelfDB(`papers-${Math.random()}`);
});
afterEach(() => db.delete());

describe('bulkGetKnown', () => {
  it('returns exactly the stored records, in the order asked, whether the range is sparse or dense', async () => {
    // Stored: every even paper 0..198.
    await db.papers.bulkPut(Array.from({ length: 100 }, (_, i) => paper(i * 2)));
    const dense = Array.from({ length: 60 }, (_, i) => id(59 - i)); // half of them stored
    const sparse = [
      id(1),
      id(3),
      id(150),
      id(5),
      id(7),
      id(9),
      id(11),
      id(13),
      id(15),
      id(17),
      id(19),
      id(21),
      id(23),
      id(25),
      id(27),
      id(29),
      id(31),
    ];
    for (const ids of [dense, sparse, [id(400), id(401)], Array.from({ length: 20 }, (_, i) => id(500 + i))]) {
      const got = await bulkGetKnown(db.papers, ids);
      expect(got.map((p) => p?.id)).toEqual(await db.papers.bulkGet(ids).then((rows) => rows.map((p) => p?.id)));
    }
  });
});

describe('ingestPapers', () => {
  it('merges into known papers and adds new ones, once per id, and says which were met on an earlier visit', async () => {
    await db.papers.bulkPut(Array.from({ length: 30 }, (_, i) => ({ ...paper(i), firstSeenUrl: 'https://huggingface.co/papers/date/2026-09-01' })));
    const cards = Array.from({ length: 40 }, (_, i) => ({ id: id(i + 10), upvotes: i }));
    // The current visit began at 3: papers first met at 1 were seen on an earlier one.
    const { states } = await ingestPapers(db, [...cards, cards[0]!], { at: 5, url: 'https://huggingface.co/papers' }, 3);
    expect(Object.keys(states)).toHaveLength(40);
    expect(states[id(10)]!.visit).toBe('seen');
    expect(states[id(45)]!.visit).toBe('new');
    expect(await db.papers.count()).toBe(50);
    expect(await db.papers.get(id(12))).toMatchObject({ title: 'Paper 12', upvotes: 2, firstSeenAt: 1, lastSeenAt: 5 });
    expect(await db.papers.get(id(45))).toMatchObject({ title: `arXiv:${id(45)}`, upvotes: 35, firstSeenAt: 5 });
  });
});
