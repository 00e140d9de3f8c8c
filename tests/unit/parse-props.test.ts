import { describe, expect, it } from 'vitest';
import { readProps, fromApiPaper } from '../../utils/parse/props';
import { mergeCard } from '../../utils/parse/merge';
import { mergeStored } from '../../utils/db/merge';
import { toBibtex } from '../../utils/export/bibtex';
import { toCslItems } from '../../utils/export/csljson';
import { DAILY, fixture, parseHtml } from './helpers';

const raw = parseHtml(fixture(DAILY)).querySelector('[data-target="DailyPapers"]')!.getAttribute('data-props')!;

describe('embedded DailyPapers JSON', () => {
  const index = readProps(raw, 'DailyPapers');

  it('indexes each item by arXiv id and reads the listing day', () => {
    expect([...index.papers.keys()]).toEqual(['2609.31620', '2609.18703']);
    expect(index.listingDate).toBe('2026-09-28');
  });

  it('maps every field the data offers', () => {
    const p = index.papers.get('2609.31620')!;
    expect(p).toMatchObject({
      id: '2609.31620',
      title: 'FuseReg: Regularizing Layer Fusion Mitigates the Reconstruction-Generation Gap in Representation Autoencoders',
      publishedAt: '2026-09-25',
      featuredAt: '2026-09-28',
      upvotes: 110,
      comments: 2,
      githubRepo: 'https://github.com/Hongyang-Du/FuseReg',
      githubStars: 12,
      projectPage: 'https://hongyang-du.github.io/FuseReg/',
      organization: { name: 'USC-PSI-Lab', fullname: 'USC Physical Superintelligence (PSI) Lab' },
      submitter: 'Hongyang-Du',
      thumbnail: 'https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2609.31620.png',
    });
    expect(p.authors).toHaveLength(16);
    expect(p.authors?.slice(0, 2)).toEqual(['Hongyang Du', 'Yunfei Xie']);
    expect(p.abstract).toMatch(/^Representation autoencoders \(RAEs\) reuse features/);
  });

  it('keeps the authors the site marks hidden, in their place', () => {
    const json = JSON.parse(raw);
    const authors = json.dailyPapers[0].paper.authors as Array<{ name: string; hidden?: boolean }>;
    authors[2]!.hidden = true;
    authors[15]!.hidden = true;
    const p = readProps(JSON.stringify(json), 'DailyPapers').papers.get('2609.31620')!;
    expect(p.authors).toEqual(authors.map((a) => a.name.trim()));
    expect(p.authors).toHaveLength(16);
    // …and so in exports and citations: hidden on the site, an author all the same.
    const item = {
      ...p,
      title: p.title ?? '',
      authors: p.authors ?? [],
      firstSeenAt: 1,
      lastSeenAt: 1,
      firstSeenUrl: 'https://huggingface.co/papers',
    };
    expect(toBibtex([item])).toContain(authors[2]!.name.trim().split(' ').pop()!);
    expect(toCslItems([item])[0]!.author).toHaveLength(16);
    expect(fromApiPaper({ id: '2508.02739', title: 'K', authors: [{ name: 'A' }, { name: 'B', hidden: true }, { name: 'C' }] })?.authors).toEqual([
      'A',
      'B',
      'C',
    ]);
  });

  it('drops a malformed field, keeps the rest of the paper', () => {
    const json = JSON.parse(raw);
    json.dailyPapers[0].paper.upvotes = 'many';
    json.dailyPapers[0].paper.authors[1] = { name: 42 };
    const p = readProps(JSON.stringify(json), 'DailyPapers').papers.get('2609.31620')!;
    expect(p.upvotes).toBeUndefined();
    expect(p.title).toMatch(/^FuseReg/);
    expect(p.authors).toHaveLength(15);
  });

  it('skips an item without a usable id, keeps the others', () => {
    const json = JSON.parse(raw);
    json.dailyPapers[0].paper.id = '../../etc';
    expect([...readProps(JSON.stringify(json), 'DailyPapers').papers.keys()]).toEqual(['2609.18703']);
  });

  it.each([['not json'], [''], ['[1,2]'], ['{"dailyPapers": 5}'], [null]])('yields an empty index for %j', (bad) => {
    expect(readProps(bad, 'DailyPapers').papers.size).toBe(0);
  });
});

describe('PaperContent and the API', () => {
  it('reads a paper page’s props, counting comments', () => {
    const props = JSON.stringify({
      paper: { id: '2508.02739', title: 'Kronos', summary: 'Abstract text', authors: [{ name: 'Yu Shi' }], upvotes: 44 },
      comments: [{}, {}],
    });
    expect(readProps(props, 'PaperContent').papers.get('2508.02739')).toEqual({
      id: '2508.02739',
      title: 'Kronos',
      abstract: 'Abstract text',
      authors: ['Yu Shi'],
      upvotes: 44,
      comments: 2,
    });
  });

  it('reads /api/papers/<id> and rejects an error body', () => {
    expect(fromApiPaper({ id: '2409.12345', title: ' T ', ai_keywords: ['a', 'b'], ai_summary: 'S' })).toEqual({
      id: '2409.12345',
      title: 'T',
      aiKeywords: ['a', 'b'],
      aiSummary: 'S',
    });
    expect(fromApiPaper({ error: 'Paper not found' })).toBeUndefined();
  });
});

describe('merging', () => {
  it('prefers the data, fills from the DOM, keeps the DOM’s live counters', () => {
    const dom = { id: '2609.1', title: 'Card title', upvotes: 111, authors: ['A'], authorCount: 3, submitter: 'x' };
    const data = { id: '2609.1', title: 'Data title', upvotes: 110, authors: ['A', 'B', 'C'], abstract: 'Abs' };
    expect(mergeCard(dom, data)).toEqual({
      id: '2609.1',
      title: 'Data title',
      upvotes: 111,
      authors: ['A', 'B', 'C'],
      abstract: 'Abs',
      submitter: 'x',
    });
  });

  it('keeps the visible names and count when the data has no author list', () => {
    const merged = mergeCard({ id: '2609.1', authors: ['A'], authorCount: 3 }, { id: '2609.1', title: 'T' });
    expect(merged).toEqual({ id: '2609.1', title: 'T', authors: ['A'], authorCount: 3 });
  });

  it('never erases what the library knew, keeps the complete author list, tracks sightings', () => {
    const first = mergeStored(
      undefined,
      { id: '2609.1', title: 'T', authors: ['A', 'B', 'C'], abstract: 'Abs', upvotes: 5 },
      { at: 100, url: 'u1', listingDate: '2026-09-28' },
    );
    const later = mergeStored(first, { id: '2609.1', title: 'T', authors: ['A'], authorCount: 3, upvotes: 9 }, { at: 200, url: 'u2' });
    expect(later).toEqual({
      id: '2609.1',
      title: 'T',
      authors: ['A', 'B', 'C'],
      abstract: 'Abs',
      upvotes: 9,
      firstSeenAt: 100,
      firstSeenUrl: 'u1',
      listingDate: '2026-09-28',
      lastSeenAt: 200,
      lastSeenUrl: 'u2',
    });
  });

  it('keeps the author count of a card that shows no names (a search result)', () => {
    const p = mergeStored(undefined, { id: '2609.1', title: 'T', authorCount: 8 }, { at: 1 });
    expect(p).toMatchObject({ authors: [], authorCount: 8 });
    const later = mergeStored(p, { id: '2609.1', title: 'T', authors: ['A', 'B'], authorCount: 8 }, { at: 2 });
    expect(later).toMatchObject({ authors: ['A', 'B'], authorCount: 8 });
    const full = mergeStored(later, { id: '2609.1', authors: ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'] }, { at: 3 });
    expect(full.authors).toHaveLength(8);
    expect(full.authorCount).toBeUndefined();
  });

  it('names a paper by its id when no title was ever read', () => {
    expect(mergeStored(undefined, { id: '2609.1' }, { at: 1 }).title).toBe('arXiv:2609.1');
  });
});
