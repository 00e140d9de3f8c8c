/**
 * The library's search index: what it finds in which field and in what order, how it keeps up
 * with edits and removals, abstracts indexed after the rest, and its snapshot: restored, it
 * answers as before, and a sync takes in what changed meanwhile.
 */
import { describe, expect, it } from 'vitest';
import { LibraryIndex, type SearchDoc } from '../../utils/search/index';
import { toDoc } from '../../utils/search/doc';
import { mergeRun } from '../../utils/search/merge';
import { pack, probe, SKIP, unpack } from '../../utils/search/postings';

const doc = (id: string, over: Partial<SearchDoc>): SearchDoc => ({ id, title: '', authors: [], tags: [], note: '', abstract: '', ...over });
const DOCS = [
  doc('2601.00001', {
    title: 'Attention Is All You Need',
    authors: ['Ashish Vaswani', 'Noam Shazeer'],
    abstract: 'We propose a new simple network architecture, the Transformer.',
  }),
  doc('2601.00002', {
    title: 'Diffusion Models Beat GANs',
    authors: ['Prafulla Dhariwal'],
    tags: ['vision', 'generative'],
    abstract: 'We show that diffusion models can achieve image sample quality superior to attention-free GANs.',
  }),
  doc('2601.00003', {
    title: 'Proximal Policy Optimization',
    authors: ['John Schulman'],
    tags: ['rl'],
    note: 'read with the attention paper',
    abstract: 'A family of policy gradient methods for reinforcement learning.',
  }),
];

function index(docs = DOCS) {
  const i = new LibraryIndex();
  i.update(docs);
  while (i.indexText()) {}
  return i;
}
const ids = (i: LibraryIndex, q: string) => i.search(q).ids;

describe('library search index', () => {
  it('finds by title, author, tag, note and abstract', () => {
    const i = index();
    expect(ids(i, 'Transformer')).toEqual(['2601.00001']);
    expect(ids(i, 'Schulman')).toEqual(['2601.00003']);
    expect(ids(i, 'generative')).toEqual(['2601.00002']);
    expect(ids(i, 'reinforcement')).toEqual(['2601.00003']);
  });

  it('ranks a title match before a note match before an abstract match', () => {
    expect(ids(index(), 'attention')).toEqual(['2601.00001', '2601.00003', '2601.00002']);
  });

  it('matches what is being typed, and typos in any field', () => {
    const i = index();
    expect(ids(i, 'diffus')).toEqual(['2601.00002']);
    expect(ids(i, 'vasw')).toEqual(['2601.00001']);
    expect(ids(i, 'proxim polic')).toEqual(['2601.00003']);
    expect(ids(i, 'Optimizaton')).toEqual(['2601.00003']);
    expect(ids(i, 'reinforcment')).toEqual(['2601.00003']);
    expect(ids(i, 'Schulmann')).toEqual(['2601.00003']);
  });

  it('answers on the quick fields before the abstracts are indexed, then on both', () => {
    const i = new LibraryIndex();
    const filler = (n: number) => doc(`2602.${String(n).padStart(5, '0')}`, { title: `Filler ${n}`, abstract: 'Nothing to see.' });
    const more = Array.from({ length: 30 }, (_, n) => filler(n));
    i.update([...DOCS, ...more]);
    expect(i.pending).toBe(33);
    expect(ids(i, 'Transformer')).toEqual([]);
    expect(ids(i, 'Attention')).toEqual(['2601.00001', '2601.00003']);
    while (i.indexText(1)) {}
    expect(i.pending).toBe(0);
    expect(ids(i, 'Transformer')).toEqual(['2601.00001']);
  });

  it('indexes a single edit whole at once, abstract included', () => {
    const i = index();
    i.update([{ ...DOCS[0]!, abstract: 'A sequence transduction model based on attention.' }]);
    expect(i.pending).toBe(0);
    expect(ids(i, 'transduction')).toEqual(['2601.00001']);
    expect(ids(i, 'Transformer')).toEqual([]);
  });

  it('keeps up with edits and removals, and skips unchanged papers', () => {
    const i = index();
    i.update([{ ...DOCS[2]!, tags: ['rl', 'robotics'] }], ['2601.00001']);
    expect(ids(i, 'robotics')).toEqual(['2601.00003']);
    expect(ids(i, 'Vaswani')).toEqual([]);
    expect(i.size).toBe(2);
    i.update(DOCS.slice(1));
    expect(i.pending).toBe(0);
    expect(i.search('attention').total).toBe(2);
  });

  it('stays right through many small edits and the merges that follow', () => {
    const i = index();
    for (let n = 0; n < 60; n++) i.update([{ ...DOCS[n % 3]!, note: `edit ${n}` }]);
    expect(ids(i, 'edit 59')).toEqual(['2601.00003']);
    while (i.indexText()) {}
    expect(ids(i, 'edit 58')).toEqual(['2601.00002']);
    expect(ids(i, '30')).toEqual([]);
    expect(i.search('edit 30').complete).toBe(false);
    expect(ids(i, 'attention')).toEqual(['2601.00001', '2601.00002']);
    expect(i.size).toBe(3);
  });

  it('restores from a structured clone of its snapshot and answers as before', () => {
    const i = index();
    const again = LibraryIndex.restore(structuredClone(i.snapshot()));
    again.warm();
    for (const q of ['attention', 'diffus', 'Schulmann', 'reinforcement', '2601.00002']) expect(again.search(q)).toEqual(i.search(q));
    expect(again.size).toBe(3);
  });

  it('a restored index synced with the library takes in edits, additions and removals made since', () => {
    const i = new LibraryIndex();
    i.update(DOCS);
    i.indexText(1);
    const snap = structuredClone(i.snapshot());
    const restored = LibraryIndex.restore(snap);
    const added = doc('2601.00004', { title: 'Mixture of Experts', abstract: 'Sparsely gated layers.' });
    restored.sync([{ ...DOCS[0]!, tags: ['classic'] }, DOCS[1]!, added]);
    while (restored.indexText()) {}
    expect(ids(restored, 'classic')).toEqual(['2601.00001']);
    expect(ids(restored, 'Schulman')).toEqual([]);
    expect(ids(restored, 'sparsely')).toEqual(['2601.00004']);
    // The abstract still waiting when the snapshot was taken is indexed after the sync.
    expect(ids(restored, 'image sample quality')).toEqual(['2601.00002']);
    expect(restored.size).toBe(3);
  });

  it('reads tags, AI keywords, note and AI summary from a stored paper', () => {
    const d = toDoc({
      id: '2601.00009',
      title: 'T',
      authors: ['A B'],
      abstract: 'Abs.',
      aiSummary: 'Sum.',
      aiKeywords: ['kw'],
      firstSeenAt: 1,
      lastSeenAt: 1,
      entry: { id: '2601.00009', status: 'to-read', statusAt: 1, tags: ['mine'], note: 'n', priority: 0, updatedAt: 1 },
    });
    expect(d).toEqual({ id: '2601.00009', title: 'T', authors: ['A B'], tags: ['mine', 'kw'], note: 'n', abstract: 'Abs. Sum.' });
  });

  it('packs postings as gaps and reads them back, near and far apart', () => {
    const lists = [[0, 1, 127, 128, 16383, 16384, 2 ** 21, 2 ** 28 + 5], [], [7], [300000, 300001]];
    const starts = Uint32Array.from([0, 8, 8, 9, 11]);
    const { packed, byteStarts, counts } = pack(Uint32Array.from(lists.flat()), starts);
    expect([...counts]).toEqual([8, 0, 1, 2]);
    lists.forEach((list, t) => {
      expect([...unpack(packed, byteStarts[t]!, byteStarts[t + 1]!, counts[t]!).slice(0, counts[t])]).toEqual(list);
    });
  });

  it('merges small segments together, and into a big one only once they add up to a quarter of it', () => {
    expect(mergeRun([100_000])).toBe(-1);
    expect(mergeRun([100_000, 10, 1, 1, 1])).toBe(1);
    expect(mergeRun([100_000, 13])).toBe(-1);
    expect(mergeRun([100_000, 20_000, 5_000])).toBe(0);
    expect(mergeRun([10_000, 10_000, 10_000])).toBe(0);
  });

  it('finds a few docs in long packed lists by their skips, as reading all of it would', () => {
    const list = Array.from({ length: SKIP * 5 + 7 }, (_, i) => i * 8 + (i % 7));
    const p = pack(Uint32Array.from(list), Uint32Array.from([0, list.length]));
    const candidates = Uint32Array.from([0, 1, 5, 64 * 3, list[SKIP]!, list[SKIP * 2 + 1]!, list[SKIP * 5]!, list.at(-1)!, list.at(-1)! + 1]);
    const found: number[] = [];
    probe(p, 0, candidates, (d) => found.push(d));
    expect(found).toEqual([...candidates].filter((c) => list.includes(c)));
  });

  it('refuses a snapshot of another version or one that does not fit together, with a message', () => {
    const snap = index().snapshot();
    expect(() => LibraryIndex.restore({ ...snap, version: 2 })).toThrow('version 2, not 1: rebuild it');
    expect(() => LibraryIndex.restore(null)).toThrow('version undefined');
    expect(() => LibraryIndex.restore({ ...snap, quick: [{ ...snap.quick[0]!, docs: [1, 2] }] })).toThrow('damaged: quick.0.docs');
    expect(() => LibraryIndex.restore({ ...snap, papers: { ...snap.papers, sigs: snap.papers.sigs.slice(1) } })).toThrow('paper table');
    expect(() => LibraryIndex.restore({ ...snap, text: [{ ...snap.text[0]!, counts: new Uint32Array(1) }] })).toThrow('segment does not fit');
  });
});
