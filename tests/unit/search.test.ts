/**
 * The library's search index (FlexSearch, two indexes): what it finds, in what order, with
 * prefixes and typos, and how it keeps up with changes.
 */
import { describe, expect, it } from 'vitest';
import { LibraryIndex, type SearchDoc } from '../../utils/search/index';

const doc = (id: string, over: Partial<SearchDoc>): SearchDoc => ({ id, title: '', authors: '', tags: '', note: '', abstract: '', ...over });
const DOCS = [
  doc('2601.00001', {
    title: 'Attention Is All You Need',
    authors: 'Ashish Vaswani Noam Shazeer',
    abstract: 'We propose a new simple network architecture, the Transformer.',
  }),
  doc('2601.00002', {
    title: 'Diffusion Models Beat GANs',
    authors: 'Prafulla Dhariwal',
    tags: 'vision generative',
    abstract: 'We show that diffusion models can achieve image sample quality superior to attention-free GANs.',
  }),
  doc('2601.00003', {
    title: 'Proximal Policy Optimization',
    authors: 'John Schulman',
    tags: 'rl',
    note: 'read with the attention paper',
    abstract: 'A family of policy gradient methods for reinforcement learning.',
  }),
];

function index() {
  const i = new LibraryIndex();
  i.update(DOCS);
  while (i.indexText()) {}
  return i;
}

describe('library search', () => {
  it('finds by title, author, tag, note and abstract', () => {
    const i = index();
    expect(i.search('Transformer')).toEqual(['2601.00001']);
    expect(i.search('Schulman')).toEqual(['2601.00003']);
    expect(i.search('generative')).toEqual(['2601.00002']);
    expect(i.search('reinforcement')).toEqual(['2601.00003']);
  });

  it('ranks a title match before a note match before an abstract match', () => {
    expect(index().search('attention')).toEqual(['2601.00001', '2601.00003', '2601.00002']);
  });

  it('matches what is being typed (prefixes of title, authors, tags and notes)', () => {
    const i = index();
    expect(i.search('diffus')).toEqual(['2601.00002']);
    expect(i.search('vasw')).toEqual(['2601.00001']);
    expect(i.search('proxim polic')).toEqual(['2601.00003']);
  });

  it('tolerates typos in titles, authors, tags and notes (abstracts match words as spelled)', () => {
    const i = index();
    expect(i.search('atention')).toContain('2601.00001');
    expect(i.search('difusion')).toContain('2601.00002');
    expect(i.search('Optimizaton')).toContain('2601.00003');
    expect(i.search('reinforcment')).toEqual([]);
    expect(i.search('Schulmann')).toContain('2601.00003');
    expect(i.search('Vaswnai')).toContain('2601.00001');
  });

  it('answers on titles before the abstracts are indexed, then on both', () => {
    const i = new LibraryIndex();
    i.update(DOCS);
    expect(i.pending).toBe(3);
    expect(i.search('Transformer')).toEqual([]);
    expect(i.search('Attention')).toEqual(['2601.00001', '2601.00003']);
    while (i.indexText(1)) {}
    expect(i.search('Transformer')).toEqual(['2601.00001']);
  });

  it('keeps up with edits and removals, and skips unchanged papers', () => {
    const i = index();
    i.update([{ ...DOCS[2]!, tags: 'rl robotics' }], ['2601.00001']);
    expect(i.search('robotics')).toEqual(['2601.00003']);
    expect(i.search('Vaswani')).toEqual([]);
    expect(i.size).toBe(2);
    i.update(DOCS.slice(1));
    expect(i.pending).toBe(1);
  });

  it('ranks papers matching every word before papers matching some', () => {
    const i = index();
    // Title "Diffusion Models Beat GANs" has one of the words; the note has both.
    expect(i.search('attention paper')[0]).toBe('2601.00003');
  });

  it('does not take noise for a typo', () => {
    expect(index().search('zzqqxx')).toEqual([]);
  });

  it('finds nothing for an empty query', () => {
    expect(index().search('   ')).toEqual([]);
  });
});
