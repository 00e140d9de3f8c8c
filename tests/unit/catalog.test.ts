/**
 * The catalogue's parts without a worker: rows and their snapshot codec, the lists of views
 * (a patched list always equals one computed anew), and reading what changed by `rev`.
 */
import * as fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { Catalog, type ListSpec } from '../../utils/catalog/catalog';
import { readAll, readChanged, Stamps } from '../../utils/catalog/load';
import { decodeRows, encodeRows, toRow, type Row } from '../../utils/catalog/row';
import { NO_FILTERS, type SortKey } from '../../utils/catalog/view';
import { addTags, setBookmarks, setStatus } from '../../utils/db/library';
import { ingestPapers } from '../../utils/db/papers';
import { ShelfDB } from '../../utils/db/schema';
import { newEntry, STATUSES, type Paper, type ViewKey } from '../../utils/model';

const paper = (i: number, extra: Partial<Paper> = {}): Paper => ({
  id: `2601.${String(10000 + i)}`,
  title: `Paper ${i} ${['on', 'of', 'for'][i % 3]} things`,
  authors: Array.from({ length: 1 + (i % 5) }, (_, k) => `Author ${i}-${k}`),
  firstSeenAt: 1000 + i,
  lastSeenAt: 2000 + ((i * 7919) % 1000),
  publishedAt: `2025-0${1 + (i % 9)}-1${i % 10}`,
  upvotes: (i * 31) % 97,
  ...extra,
});

describe('rows', () => {
  it('keep three authors and the count, a note’s start, and no abstract', () => {
    const p = paper(4, { abstract: 'long text', aiSummary: 'summary' });
    const row = toRow(p, { ...newEntry(p.id, 5), bookmarkedAt: 5, note: 'n'.repeat(500) });
    expect(row.authors).toEqual(['Author 4-0', 'Author 4-1', 'Author 4-2']);
    expect(row.authorCount).toBe(5);
    expect(row.entry!.note).toHaveLength(200);
    expect(row).not.toHaveProperty('abstract');
    expect(row).not.toHaveProperty('aiSummary');
  });

  it('come back whole from their snapshot, also with separators and odd text in them', () => {
    const rows: Row[] = Array.from({ length: 300 }, (_, i) =>
      toRow(
        paper(i, i % 7 ? {} : { title: `Odd\u0000title\u0001 ${i}`, upvotes: undefined, publishedAt: undefined, authors: [] }),
        i % 3 ? undefined : { ...newEntry(paper(i).id, 9), bookmarkedAt: 9, tags: ['ML', 'é'], note: 'x\ny' },
      ),
    );
    const back = decodeRows(structuredClone(encodeRows(rows)));
    expect(back).toHaveLength(rows.length);
    for (const [i, r] of rows.entries()) {
      const expected = { ...r, title: r.title.replaceAll('\u0000', ' ').replaceAll('\u0001', ' ') };
      expect(back[i]).toEqual(expected);
    }
    expect(decodeRows(encodeRows([]))).toEqual([]);
  });

  it('refuse a damaged snapshot rather than read it wrong', () => {
    const e = encodeRows([toRow(paper(1), undefined), toRow(paper(2), undefined)]);
    expect(() => decodeRows({ ...e, titles: 'only one' })).toThrow(/damaged/);
  });
});

describe('lists', () => {
  const VIEWS: ViewKey[] = ['list', 'to-read', 'reading', 'read', 'all', 'seen', 'everything', 'tag:ML'];
  const SORTS: SortKey[] = ['added', 'published', 'upvotes', 'title', 'priority'];
  const entryFor = (i: number, v: number) =>
    v % 4 === 0
      ? undefined
      : {
          ...newEntry(paper(i).id, 10 + v),
          bookmarkedAt: v % 4 === 3 ? undefined : 100 + ((v * 13) % 50),
          status: STATUSES[v % 3]!,
          tags: v % 2 ? ['ML'] : [],
          priority: v % 4,
        };

  it('a list patched after changes equals the list computed anew (generated changes, every view and sort)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...VIEWS),
        fc.constantFrom(...SORTS),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 40 })), { maxLength: 30 }),
        (view, sort, changes) => {
          const rows = Array.from({ length: 60 }, (_, i) => toRow(paper(i), entryFor(i, i)));
          const patched = new Catalog();
          patched.put(rows);
          const spec: ListSpec = { view, filters: NO_FILTERS, sort };
          patched.list(spec);
          for (const [i, v] of changes) patched.put([toRow(paper(i, { upvotes: v }), entryFor(i, v))]);
          const fresh = new Catalog();
          fresh.put([...patched.values()]);
          expect(patched.list(spec)).toEqual(fresh.list(spec));
          expect(patched.counts()).toEqual(fresh.counts());
        },
      ),
      { numRuns: 300, seed: 20261203 },
    );
  });

  it('with a ranking, keeps its order and shows only what the view holds', () => {
    const c = new Catalog();
    c.put(Array.from({ length: 10 }, (_, i) => toRow(paper(i), i < 5 ? { ...newEntry(paper(i).id, 1), bookmarkedAt: 1 } : undefined)));
    const ranked = [paper(7).id, paper(2).id, paper(9).id, paper(0).id];
    expect(c.list({ view: 'all', filters: NO_FILTERS, sort: 'title' }, ranked)).toEqual([paper(2).id, paper(0).id]);
    expect(c.list({ view: 'seen', filters: NO_FILTERS, sort: 'title' }, ranked)).toEqual([paper(7).id, paper(9).id]);
  });
});

describe('reading the library', () => {
  let db: ShelfDB;
  afterEach(() => db?.delete());

  it('reads every paper with its entry, a chunk at a time, and then only what changed since a moment', async () => {
    db = new ShelfDB(`catalog-${Math.random()}`);
    await ingestPapers(
      db,
      Array.from({ length: 2500 }, (_, i) => paper(i)),
      { at: 5 },
    );
    await setBookmarks(db, { ids: [paper(3).id], on: true }, 6);
    const stamps = new Stamps();
    const batches = [];
    for await (const b of readAll(db, stamps)) batches.push(b);
    expect(batches.map((b) => b.rows.length)).toEqual([2000, 500]);
    expect(batches[0]!.rows.find((r) => r.id === paper(3).id)?.entry?.bookmarkedAt).toBe(6);
    expect((await readChanged(db, stamps)).rows).toEqual([]);
    await setStatus(db, [paper(3).id], 'read', Date.now());
    await addTags(db, [paper(8).id], ['RL'], Date.now());
    const changed = await readChanged(db, stamps);
    expect(changed.rows.map((r) => r.id).sort()).toEqual([paper(3).id, paper(8).id]);
    expect(changed.rows.find((r) => r.id === paper(8).id)?.entry?.tags).toEqual(['RL']);
    expect(changed.docs.find((d) => d.id === paper(8).id)?.tags).toContain('RL');
    // Taken once: a second look finds nothing new; the stamps a snapshot keeps bring that back.
    expect((await readChanged(db, stamps)).rows).toEqual([]);
    expect((await readChanged(db, Stamps.from(structuredClone(stamps.recent())))).rows).toEqual([]);
  });
});
