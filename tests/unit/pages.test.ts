/**
 * Every page kind, parsed whole (utils/parse/index.ts: the same decisions the content script
 * and the background make apart), with the exact fields each card must yield.
 */
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../harness/parse-page';
import { readProps } from '../../utils/parse/props';
import { PAPER, SEARCH_IDS, searchUpvotes, seedResults } from '../fixtures/seed';
import { DAILY, fixture, parseHtml } from './helpers';

const NOW = new Date('2026-11-25T12:00:00Z');
const parse = (name: string, url: string, html = fixture(name)) => parseDocument(parseHtml(html), url, NOW);
const fields = (name: string, url: string) => parse(name, url).cards.map((c) => c.fields);

const FUSEREG_DOM = {
  id: '2609.31620',
  title: 'FuseReg: Regularizing Layer Fusion Mitigates the Reconstruction-Generation Gap in Representation Autoencoders',
  thumbnail: 'https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2609.31620.png',
  upvotes: 110,
  comments: 2,
  githubStars: 12,
  organization: { name: 'USC-PSI-Lab', fullname: 'USC Physical Superintelligence (PSI) Lab' },
  submitter: 'Hongyang-Du',
};
const FUSEREG_FULL = {
  ...FUSEREG_DOM,
  authors: [
    'Hongyang Du',
    'Yunfei Xie',
    'Junjie Ye',
    'Jiawei Yang',
    'Xiaoyan Cong',
    'Haodong Zhang',
    'Yongchao Huang',
    'Haiyu Wu',
    'Zongxia Li',
    'Shihang Gui',
    'Dawei Liu',
    'Runhao Li',
    'Jingcheng Ni',
    'Chen Wei',
    'Randall Balestriero',
    'Yue Wang',
  ],
  abstract: expect.stringMatching(/^Representation autoencoders \(RAEs\).*without modifying the pretrained encoder\.$/),
  publishedAt: '2026-09-25',
  featuredAt: '2026-09-28',
  githubRepo: 'https://github.com/Hongyang-Du/FuseReg',
  projectPage: 'https://hongyang-du.github.io/FuseReg/',
};
const SAGE_DOM = {
  id: '2609.30192',
  title: 'SAGE: Mitigating Long-Horizon Reasoning Biases via Topological Guidance',
  thumbnail: 'https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2609.30192.png',
  upvotes: 3,
  comments: 1,
  authors: ['Dawei Zhou', 'Yujun Yan', 'Jiawei Zhang', 'xyzeng2000'],
  authorCount: 4,
  submitter: 'xyzeng2000',
};

describe('daily page (real, 2026-09-28, logged out)', () => {
  const cards = fields(DAILY, 'https://huggingface.co/papers');

  it('yields the five cards in page order', () => {
    expect(cards.map((c) => c.id)).toEqual(['2609.31620', '2609.18703', '2609.31473', '2609.30192', '2609.30670']);
  });

  it('takes a card with an embedded entry from the data: full authors, abstract, dates, links', () => {
    expect(cards[0]).toEqual(FUSEREG_FULL);
  });

  it('reads a card with no embedded entry from its DOM alone', () => {
    expect(cards[3]).toEqual(SAGE_DOM);
    expect(cards[2]).toEqual({
      id: '2609.31473',
      title: 'Game Arena: Strategic LLM Evaluation in Competitive Environments',
      thumbnail: 'https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2609.31473.png',
      upvotes: 4,
      organization: { name: 'kaggle', fullname: 'Kaggle' },
      submitter: 'taesiri',
    });
  });

  it('reads the listing day from the data', () => {
    expect(parse(DAILY, 'https://huggingface.co/papers').listingDate).toBe('2026-09-28');
    expect(parse(DAILY, 'https://huggingface.co/papers/date/2026-09-27').listingDate).toBe('2026-09-27');
  });
});

describe('daily page, logged in and dark', () => {
  it('yields exactly what the logged-out page does (the upvote box sits in a label)', () => {
    const logged = parse('hf/hf-daily-logged-in-dark.html', 'https://huggingface.co/papers');
    expect(logged.cards.map((c) => c.fields)).toEqual(fields(DAILY, 'https://huggingface.co/papers'));
    expect(logged.cards.every((c) => c.el.tagName === 'ARTICLE')).toBe(true);
  });
});

describe('a page whose embedded data is missing, broken or stale', () => {
  const raw = parseHtml(fixture(DAILY)).querySelector('[data-target="DailyPapers"]')!.getAttribute('data-props')!;
  const withProps = (props: string | null) => {
    const doc = parseHtml(fixture(DAILY));
    const island = doc.querySelector('[data-target="DailyPapers"]')!;
    if (props === null) island.removeAttribute('data-props');
    else island.setAttribute('data-props', props);
    return parseDocument(doc, 'https://huggingface.co/papers', NOW).cards.map((c) => c.fields);
  };

  it('missing: every card still yields every field its DOM shows', () => {
    const cards = fields('hf/hf-daily-no-props.html', 'https://huggingface.co/papers');
    expect(cards).toHaveLength(5);
    expect(cards[0]).toEqual(FUSEREG_DOM);
    expect(cards[3]).toEqual(SAGE_DOM);
  });

  it('not JSON: the same, from the DOM', () => {
    expect(withProps('{"dailyPapers": [truncated')[0]).toEqual(FUSEREG_DOM);
  });

  it('one field malformed: the data’s other fields, and the DOM for the rest', () => {
    const json = JSON.parse(raw);
    json.dailyPapers[0].paper.upvotes = 'many';
    json.dailyPapers[0].numComments = -3;
    expect(withProps(JSON.stringify(json))[0]).toEqual(FUSEREG_FULL);
  });

  it('stale (the previous listing’s data during a navigation): the DOM, never the old papers', () => {
    const json = JSON.parse(raw);
    json.dailyPapers.forEach((item: { paper: { id: string } }, i: number) => {
      item.paper.id = `2608.0000${i}`;
    });
    const cards = withProps(JSON.stringify(json));
    expect(cards.map((c) => c.id)).toEqual(['2609.31620', '2609.18703', '2609.31473', '2609.30192', '2609.30670']);
    expect(cards[0]).toEqual(FUSEREG_DOM);
  });
});

describe.each([
  ['weekly', 'hf/hf-weekly-2026-W39.html', 'https://huggingface.co/papers/week/2026-W39', 100, '2609.3'],
  ['monthly', 'hf/hf-monthly-2026-09.html', 'https://huggingface.co/papers/month/2026-09', 60, '2609.4'],
  ['trending', 'hf/hf-trending.html', 'https://huggingface.co/papers/trending', 30, '2610.2'],
])('%s page', (kind, name, url, count, prefix) => {
  const page = parse(name, url);
  const raw = parseHtml(fixture(name)).querySelector('[data-target="DailyPapers"]')!.getAttribute('data-props')!;
  const data = readProps(raw, 'DailyPapers').papers;

  it(`is read as ${kind}, with its ${count} cards in order`, () => {
    expect(page.page.kind).toBe(kind);
    expect(page.cards).toHaveLength(count);
    expect(page.cards.every((c, i) => c.fields.id === `${prefix}${String(i).padStart(4, '0')}`)).toBe(true);
    expect(page.cards.every((c) => c.el.tagName === 'ARTICLE')).toBe(true);
  });

  it('gives each card every field of its embedded entry, and its title', () => {
    for (const { fields: f } of page.cards) expect(f).toEqual(data.get(f.id));
    const sage = page.cards[3]!.fields;
    expect(sage.authors).toHaveLength(16);
    expect(sage.authorCount).toBeUndefined();
  });

  it('has no listing day (only daily pages have one)', () => {
    expect(page.listingDate).toBeUndefined();
  });
});

describe('search results (/papers?q=iteration, every paper of seed-listing-page.txt)', () => {
  const page = parse('hf/hf-search-iteration.html', 'https://huggingface.co/papers?q=iteration');
  const seed = seedResults();

  it('finds all 45 results, each rooted at its own result box (no <article>)', () => {
    expect(page.page).toMatchObject({ kind: 'search', query: 'iteration' });
    expect(page.cards.map((c) => c.fields.id)).toEqual(SEARCH_IDS(45));
    expect(page.cards.every((c) => c.el.tagName === 'DIV' && c.el.querySelectorAll('h3').length === 1)).toBe(true);
  });

  it('reads each result’s title, abstract, upvotes, author count, date and comments', () => {
    const year = (date: string) => (/\d{4}$/.test(date) ? date : `${date}, 2026`);
    const day = (date: string) => new Date(`${year(date)} UTC`).toISOString().slice(0, 10);
    seed.forEach((r, i) => {
      const expected: Record<string, unknown> = { id: SEARCH_IDS(45)[i], title: r.title, abstract: r.abstract, upvotes: searchUpvotes(i) };
      if (r.authorCount) expected.authorCount = r.authorCount;
      if (r.date) expected.publishedAt = day(r.date);
      if (r.comments) expected.comments = r.comments;
      expect(page.cards[i]!.fields, `result ${i + 1}: ${r.title}`).toEqual(expected);
    });
  });

  it('never takes a result from the unrelated listing data the island still holds', () => {
    expect(page.props.papers.has('2609.31620')).toBe(true);
    expect(page.cards.some((c) => c.fields.id === '2609.31620')).toBe(false);
  });
});

describe('a single paper’s page', () => {
  const page = parse('hf/hf-paper-2508.02739.html', 'https://huggingface.co/papers/2508.02739');

  it('yields the paper with everything its data has: AI summary and keywords included', () => {
    expect(page.page).toMatchObject({ kind: 'paper', paperId: '2508.02739' });
    expect(page.cards.map((c) => c.fields)).toEqual([
      {
        id: '2508.02739',
        title: PAPER.title,
        authors: PAPER.authors.map((a) => a.name),
        abstract: PAPER.summary,
        publishedAt: '2025-08-02',
        featuredAt: '2025-08-05',
        upvotes: 44,
        comments: 2,
        organization: { name: 'NeoQuasar', fullname: 'NeoQuasar' },
        submitter: 'shiyu-coder',
        githubRepo: PAPER.githubRepo,
        githubStars: 31189,
        projectPage: PAPER.projectPage,
        aiSummary: PAPER.ai_summary,
        aiKeywords: PAPER.ai_keywords,
      },
    ]);
    expect(page.cards[0]!.el.querySelector('h1')).toBeTruthy();
  });

  it('falls back to the page’s DOM for title, abstract and upvotes without data', () => {
    const html = fixture('hf/hf-paper-2508.02739.html').replace(/ data-props="[^"]*"/, '');
    expect(parse('', 'https://huggingface.co/papers/2508.02739', html).cards.map((c) => c.fields)).toEqual([
      { id: '2508.02739', title: PAPER.title, abstract: PAPER.summary, upvotes: 44 },
    ]);
  });
});
