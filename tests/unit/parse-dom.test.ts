import { describe, expect, it } from 'vitest';
import { findCards } from '../../utils/content/cards';
import { parseCount, readCard } from '../../utils/content/read';
import { DAILY, fixture, parseHtml } from './helpers';

const NOW = new Date('2026-09-28T12:00:00Z');

function readAll(html: string) {
  const doc = parseHtml(html);
  return findCards(doc.body, doc.body).map((c) => ({ root: c.el, fields: readCard(c, NOW) }));
}

describe('card DOM of the saved daily page (2026-09-28)', () => {
  const cards = readAll(fixture(DAILY));

  it('finds the five cards, each rooted at its <article>, in page order', () => {
    expect(cards.map((c) => c.fields.id)).toEqual(['2609.31620', '2609.18703', '2609.31473', '2609.30192', '2609.30670']);
    expect(cards.every((c) => c.root.tagName === 'ARTICLE')).toBe(true);
  });

  it('reads every field a card shows: organisation chip, GitHub stars, comments', () => {
    expect(cards[0]!.fields).toEqual({
      id: '2609.31620',
      title: 'FuseReg: Regularizing Layer Fusion Mitigates the Reconstruction-Generation Gap in Representation Autoencoders',
      thumbnail: 'https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2609.31620.png',
      upvotes: 110,
      comments: 2,
      githubStars: 12,
      organization: { name: 'USC-PSI-Lab', fullname: 'USC Physical Superintelligence (PSI) Lab' },
      submitter: 'Hongyang-Du',
    });
  });

  it('reads a card with neither GitHub nor comments (and a lazy image still invisible)', () => {
    expect(cards[2]!.fields).toEqual({
      id: '2609.31473',
      title: 'Game Arena: Strategic LLM Evaluation in Competitive Environments',
      thumbnail: 'https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2609.31473.png',
      upvotes: 4,
      organization: { name: 'kaggle', fullname: 'Kaggle' },
      submitter: 'taesiri',
    });
  });

  it('reads the avatar list and "· N authors" of a card without organisation', () => {
    expect(cards[3]!.fields).toEqual({
      id: '2609.30192',
      title: 'SAGE: Mitigating Long-Horizon Reasoning Biases via Topological Guidance',
      thumbnail: 'https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2609.30192.png',
      upvotes: 3,
      comments: 1,
      authors: ['Dawei Zhou', 'Yujun Yan', 'Jiawei Zhang', 'xyzeng2000'],
      authorCount: 4,
      submitter: 'xyzeng2000',
    });
  });

  it('reads a grey comment link and GitHub stars alike', () => {
    expect(cards[4]!.fields).toMatchObject({ id: '2609.30670', upvotes: 3, comments: 1, githubStars: 6, submitter: 'tianchez' });
    expect(cards[4]!.fields.organization).toEqual({ name: 'omlab', fullname: 'OmAI Lab' });
  });

  it('ignores links to papers that are not card headings (previous-day link, login link)', () => {
    const doc = parseHtml(fixture(DAILY));
    const links = doc.querySelectorAll('a[href*="/papers/"]').length;
    expect(links).toBeGreaterThan(5);
    expect(findCards(doc.body, doc.body)).toHaveLength(5);
  });
});

describe('parseCount', () => {
  it.each([
    ['110', 110],
    ['1,234', 1234],
    ['1.2k', 1200],
    ['3M', 3_000_000],
    [' 7 ', 7],
  ])('%s → %d', (text, n) => expect(parseCount(text)).toBe(n));

  it('gives up on text that is not a count', () => {
    expect(parseCount('Submitted')).toBeUndefined();
    expect(parseCount('')).toBeUndefined();
  });
});
