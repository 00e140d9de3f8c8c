/**
 * The follows matcher: authors by full name, organisations by hub or full name, keywords and
 * phrases as whole words; case, accents and punctuation never matter.
 */
import { describe, expect, it } from 'vitest';
import { fold, followKey, matchForm } from '../../utils/follows/fold';
import { compileFollows, reasonOf, type Matchable } from '../../utils/follows/match';
import type { FollowKind } from '../../utils/model';

const rule = (kind: FollowKind, label: string) => ({ key: followKey(kind, label)!, kind, value: matchForm(kind, label) });
const matches = (follow: ReturnType<typeof rule>, paper: Omit<Matchable, 'id'>) =>
  compileFollows([follow])({ id: '2609.00001', ...paper }).length > 0;

describe('fold', () => {
  it('lower-cases, drops accents and punctuation, and spells out letters without a decomposition', () => {
    expect(fold('Énergie-Based  Models!')).toBe('energie based models');
    expect(fold('Straße, Ærø, Łódź, Søren, İstanbul')).toBe('strasse aero lodz soren istanbul');
    expect(fold('e\u0301te\u0301')).toBe('ete');
    expect(fold('  GPT-4o: “reasoning”…  ')).toBe('gpt 4o reasoning');
    expect(fold('注意力 机制')).toBe('注意力 机制');
  });

  it('keys a follow by kind and folded value; nothing left to match, no key', () => {
    expect(followKey('author', 'Yann LeCun')).toBe('author:yannlecun');
    expect(followKey('author', 'yann le cun')).toBe('author:yannlecun');
    expect(followKey('org', 'deepseek-ai')).toBe('org:deepseekai');
    expect(followKey('keyword', 'Diffusion  Models')).toBe('keyword:diffusion models');
    expect(followKey('keyword', '!!! —')).toBeUndefined();
  });
});

describe('authors', () => {
  it('match by full name, whatever the case, accents, hyphens or spacing', () => {
    const f = rule('author', 'José Hernández-Orallo');
    expect(matches(f, { authors: ['Someone Else', 'Jose Hernandez Orallo'] })).toBe(true);
    expect(matches(f, { authors: ['JOSÉ HERNÁNDEZ-ORALLO'] })).toBe(true);
    expect(matches(rule('author', 'Yann Le Cun'), { authors: ['Yann LeCun'] })).toBe(true);
    expect(matches(rule('author', 'Jean-Baptiste Alayrac'), { authors: ['Jean Baptiste Alayrac'] })).toBe(true);
  });

  it('never by part of a name, nor by another spelling of it (initials, a middle name)', () => {
    expect(matches(rule('author', 'Yann'), { authors: ['Yann LeCun'] })).toBe(false);
    expect(matches(rule('author', 'Christopher Manning'), { authors: ['Christopher D. Manning'] })).toBe(false);
    expect(matches(rule('author', 'Y. LeCun'), { authors: ['Yann LeCun'] })).toBe(false);
  });

  it('are not keywords: a name in the abstract is no match', () => {
    expect(matches(rule('author', 'Yann LeCun'), { abstract: 'As Yann LeCun argued, …' })).toBe(false);
  });
});

describe('organisations', () => {
  const deepseek = { name: 'deepseek-ai', fullname: 'DeepSeek' };
  it('match by hub name or full name', () => {
    expect(matches(rule('org', 'deepseek-ai'), { organization: deepseek })).toBe(true);
    expect(matches(rule('org', 'DeepSeek'), { organization: deepseek })).toBe(true);
    expect(matches(rule('org', 'DeepSeek AI'), { organization: { name: 'deepseek-ai' } })).toBe(true);
  });

  it('never by part of either', () => {
    expect(matches(rule('org', 'deepseek'), { organization: { name: 'deepseek-ai', fullname: 'DeepSeek Lab' } })).toBe(false);
    expect(matches(rule('org', 'google'), { organization: { name: 'google-research' }, title: 'Google' })).toBe(false);
  });
});

describe('keywords', () => {
  it('match whole words of the title, the abstract and the AI keywords', () => {
    const f = rule('keyword', 'diffusion');
    expect(matches(f, { title: 'Diffusion Models Beat GANs' })).toBe(true);
    expect(matches(f, { abstract: 'We study latent-diffusion.' })).toBe(true);
    expect(matches(f, { aiKeywords: ['score matching', 'Diffusion'] })).toBe(true);
  });

  it('never inside a longer word, and a plural is another word', () => {
    const f = rule('keyword', 'diffusion');
    expect(matches(f, { title: 'MultiDiffusion: fusing paths' })).toBe(false);
    expect(matches(f, { title: 'Diffusions on graphs' })).toBe(false);
    expect(matches(rule('keyword', 'LLM'), { title: 'LLMs as judges' })).toBe(false);
  });

  it('match a phrase word for word, across punctuation, never across two parts of the paper', () => {
    const f = rule('keyword', 'large language model');
    expect(matches(f, { abstract: 'a Large-Language Model, trained' })).toBe(true);
    expect(matches(f, { abstract: 'large language models' })).toBe(false);
    expect(matches(f, { abstract: 'large model of language' })).toBe(false);
    expect(matches(f, { title: 'Scaling a large', abstract: 'language model' })).toBe(false);
    expect(matches(rule('keyword', 'naïve Bayes'), { abstract: 'A NAIVE BAYES baseline' })).toBe(true);
  });

  it('are not names: an author called like a keyword is no match', () => {
    expect(matches(rule('keyword', 'rose'), { authors: ['Rose Wang'] })).toBe(false);
  });
});

describe('many follows at once', () => {
  it('returns every follow a paper matches, once each, in the order the follows were given', () => {
    const follows = [
      rule('keyword', 'agents'),
      rule('org', 'Qwen'),
      rule('author', 'An Yang'),
      rule('keyword', 'tool use'),
      rule('keyword', 'agents'),
    ];
    const match = compileFollows(follows);
    const paper = {
      id: '2609.00002',
      title: 'Tool use for agents',
      abstract: 'Agents agents.',
      authors: ['An Yang'],
      organization: { name: 'Qwen' },
    };
    expect(match(paper)).toEqual(['keyword:agents', 'org:qwen', 'author:anyang', 'keyword:tool use']);
    expect(match({ id: '2609.00003', title: 'Nothing here' })).toEqual([]);
    expect(compileFollows([])(paper)).toEqual([]);
  });

  it('says why a card is highlighted', () => {
    expect(reasonOf({ kind: 'author', label: 'Yann LeCun' })).toBe('follows: Yann LeCun');
    expect(reasonOf({ kind: 'org', label: 'deepseek-ai' })).toBe('follows: deepseek-ai');
    expect(reasonOf({ kind: 'keyword', label: 'diffusion' })).toBe('keyword: diffusion');
  });
});
