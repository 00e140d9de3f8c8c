/**
 * Which follows a paper matches, from what the library stores of it: authors by full name, the
 * organisation by hub name or full name, keywords and phrases as whole words of the title, the
 * abstract and the site's AI keywords. Compiled once per set of follows into maps, so a paper
 * costs one pass over its words whatever the number of follows.
 */
import type { Follow, Paper } from '../model';
import { matchForm, words as wordsOf } from './fold';

export type Matchable = Pick<Paper, 'id'> & Partial<Pick<Paper, 'title' | 'abstract' | 'authors' | 'organization' | 'aiKeywords'>>;
export type FollowRule = Pick<Follow, 'key' | 'kind' | 'value'>;
/** The keys of the follows a paper matches, in the order the follows were given. */
export type Matcher = (paper: Matchable) => string[];

export function compileFollows(follows: FollowRule[]): Matcher {
  const order = new Map<string, number>();
  for (const f of follows) if (!order.has(f.key)) order.set(f.key, order.size);
  const names = new Map<string, string[]>();
  const orgs = new Map<string, string[]>();
  const phrases = new Map<string, Array<{ key: string; rest: string[] }>>();
  const add = <T>(map: Map<string, T[]>, at: string, value: T) => map.set(at, [...(map.get(at) ?? []), value]);
  for (const f of follows) {
    if (!f.value) continue;
    if (f.kind === 'author') add(names, f.value, f.key);
    else if (f.kind === 'org') add(orgs, f.value, f.key);
    else {
      const [first, ...rest] = f.value.split(' ');
      add(phrases, first!, { key: f.key, rest });
    }
  }
  if (!order.size) return () => [];

  return (paper) => {
    const found = new Set<string>();
    if (names.size) for (const a of paper.authors ?? []) for (const k of names.get(matchForm('author', a)) ?? []) found.add(k);
    const org = paper.organization;
    if (orgs.size && org) {
      for (const k of orgs.get(matchForm('org', org.name)) ?? []) found.add(k);
      if (org.fullname) for (const k of orgs.get(matchForm('org', org.fullname)) ?? []) found.add(k);
    }
    if (phrases.size) {
      // Each part on its own: no phrase spans the end of the title and the start of the abstract.
      for (const part of [paper.title, paper.abstract, ...(paper.aiKeywords ?? [])]) {
        if (!part) continue;
        const words = wordsOf(part);
        for (let i = 0; i < words.length; i++) {
          const starting = phrases.get(words[i]!);
          if (starting) for (const { key, rest } of starting) if (rest.every((w, j) => words[i + 1 + j] === w)) found.add(key);
        }
      }
    }
    return found.size ? [...found].sort((a, b) => order.get(a)! - order.get(b)!) : [];
  };
}

/** What a card says of a follow it matches: "follows: Yann LeCun", "keyword: diffusion". */
export function reasonOf(follow: Pick<Follow, 'kind' | 'label'>): string {
  return `${follow.kind === 'keyword' ? 'keyword' : 'follows'}: ${follow.label}`;
}
