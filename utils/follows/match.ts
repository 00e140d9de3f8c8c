/**
 * Which follows a paper matches, from what the library stores of it: authors by full name, the
 * organisation by hub name or full name, keywords and phrases as whole words of the title, the
 * abstract and the site's AI keywords. Compiled once per set of follows into maps, so a paper
 * costs one pass over its words whatever the number of follows.
 */
import type { Follow, Paper } from '../model';
import { matchForm, plain } from './fold';

export type Matchable = Pick<Paper, 'id'> & Partial<Pick<Paper, 'title' | 'abstract' | 'authors' | 'organization' | 'aiKeywords'>>;
export type FollowRule = Pick<Follow, 'key' | 'kind' | 'value'>;
/** The keys of the follows a paper matches, in the order the follows were given. */
export type Matcher = (paper: Matchable) => string[];

export function compileFollows(follows: FollowRule[]): Matcher {
  const order = new Map<string, number>();
  for (const f of follows) if (!order.has(f.key)) order.set(f.key, order.size);
  /** Names (authors, organisations) and keywords' first words, by a hash of their letters. */
  const names = new Map<number, Array<{ key: string; kind: 'author' | 'org'; value: string }>>();
  const phrases = new Map<number, Array<{ key: string; first: string; rest: string[] }>>();
  const add = <T>(map: Map<number, T[]>, at: number, value: T) => map.set(at, [...(map.get(at) ?? []), value]);
  for (const f of follows) {
    if (!f.value) continue;
    if (f.kind === 'keyword') {
      const [first, ...rest] = f.value.split(' ');
      add(phrases, hashOf(first!, 0, first!.length), { key: f.key, first: first!, rest });
    } else add(names, hashOf(f.value, 0, f.value.length), { key: f.key, kind: f.kind, value: f.value });
  }
  if (!order.size) return () => [];

  return (paper) => {
    const found = new Set<string>();
    const name = (kind: 'author' | 'org', text: string) => {
      const folded = plain(text);
      for (const n of names.get(hashOf(folded, 0, folded.length)) ?? []) if (n.kind === kind && matchForm(kind, text) === n.value) found.add(n.key);
    };
    if (names.size) {
      for (const a of paper.authors ?? []) name('author', a);
      if (paper.organization) {
        name('org', paper.organization.name);
        if (paper.organization.fullname) name('org', paper.organization.fullname);
      }
    }
    if (phrases.size) {
      for (const part of [paper.title, paper.abstract, ...(paper.aiKeywords ?? [])]) if (part) findPhrases(plain(part), phrases, found);
    }
    return found.size ? [...found].sort((a, b) => order.get(a)! - order.get(b)!) : [];
  };
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Whether the character at `i` belongs to a word, as fold.ts splits words (text here is lower case). */
function inWord(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
  return LETTER_OR_DIGIT.test(text[i]!);
}

/** A hash of the letters and digits of `text` from `from` to `to` (what a name or a word is compared by). */
function hashOf(text: string, from: number, to: number): number {
  let h = 0;
  for (let i = from; i < to; i++) if (inWord(text, i)) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
  return h;
}

/**
 * The keywords and phrases found in `text` (lower case), into `found`. One pass over its
 * characters, hashing each word as it goes: a word is cut out of the text only when its hash is a
 * keyword's first word's (an abstract is 1,500 characters, and a page has 100 of them).
 */
function findPhrases(text: string, phrases: Map<number, Array<{ key: string; first: string; rest: string[] }>>, found: Set<string>) {
  let start = -1;
  let h = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && inWord(text, i)) {
      if (start < 0) {
        start = i;
        h = 0;
      }
      h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
      continue;
    }
    if (start < 0) continue;
    for (const p of phrases.get(h) ?? []) {
      if (!found.has(p.key) && i - start === p.first.length && text.startsWith(p.first, start) && followedBy(text, i, p.rest)) found.add(p.key);
    }
    start = -1;
  }
}

/** `rest` come next in `text` from `end`, each a whole word, across anything but letters and digits. */
function followedBy(text: string, end: number, rest: string[]): boolean {
  for (const w of rest) {
    let next = end;
    while (next < text.length && !inWord(text, next)) next++;
    if (next === end || !text.startsWith(w, next)) return false;
    end = next + w.length;
    if (end < text.length && inWord(text, end)) return false;
  }
  return true;
}

/** What a card says of a follow it matches: "follows: Yann LeCun", "keyword: diffusion". */
export function reasonOf(follow: Pick<Follow, 'kind' | 'label'>): string {
  return `${follow.kind === 'keyword' ? 'keyword' : 'follows'}: ${follow.label}`;
}
