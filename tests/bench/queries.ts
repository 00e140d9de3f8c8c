/**
 * Queries of each kind the relevance contract names, made the way people type them (pasted ids
 * and links, pasted titles, a name as printed or lower-cased, a misspelt long word, an author's
 * name, a few words of a title), each with the check that says whether an answer meets the
 * contract. Drawn at random from the library, never chosen for one engine.
 */
import { pick, random, type BenchPaper } from './corpus';

export type Kind = 'id' | 'link' | 'title' | 'name' | 'typo' | 'author' | 'words' | 'count';
export interface Answer {
  ids: string[];
  total: number;
}
export interface Query {
  kind: Kind;
  text: string;
  target: string;
  /** Papers that must come first (an author's papers, the papers holding every word), or the true count. */
  expect?: Set<string>;
}

export const norm = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
const ALNUM = /[\p{L}\p{N}]/u;

/** A normalised text, and the same with the marks inside words taken out (`fine-tuning` → `finetuning`). */
export type Held = [text: string, joined: string];
export const held = (text: string): Held => {
  const t = norm(text);
  return [t, t.replace(/(?<=[\p{L}\p{N}])[.\-_+'’/]+(?=[\p{L}\p{N}])/gu, '')];
};

/** `text` holds `word` at the start of one of its words, or of a word written with hyphens or dots. */
export function holds([text, joined]: Held, word: string): boolean {
  return startsWord(text, word) || (joined !== text && startsWord(joined, word));
}

function startsWord(text: string, word: string): boolean {
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
    if (i === 0 || !ALNUM.test(text[i - 1]!)) return true;
  }
  return false;
}

const STOP = new Set(['with', 'from', 'that', 'this', 'into', 'when', 'what', 'your', 'their', 'than', 'does', 'over', 'via', 'for', 'and', 'the']);
const ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
function neighbour(rnd: () => number, c: string): string {
  const lower = c.toLowerCase();
  const row = ROWS.find((r) => r.includes(lower))!;
  const i = row.indexOf(lower);
  const n = pick(
    rnd,
    [row[i - 1], row[i + 1]].filter((x): x is string => !!x),
  );
  return c === lower ? n : n.toUpperCase();
}

/** One-letter slips: dropped, doubled, swapped with the next, or a neighbouring key. */
export function misspell(rnd: () => number, word: string): string {
  const i = 1 + Math.floor(rnd() * (word.length - 2));
  const op = Math.floor(rnd() * 4);
  if (op === 0) return word.slice(0, i) + word.slice(i + 1);
  if (op === 1) return word.slice(0, i) + word[i] + word.slice(i);
  if (op === 2 && word[i] !== word[i + 1]) return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
  return word.slice(0, i) + neighbour(rnd, word[i]!) + word.slice(i + 1);
}

const bare = (w: string) => w.replace(/^[("'[]+|[)"'\]:,.?!;]+$/g, '');

export function makeQueries(corpus: BenchPaper[], perKind = 200, seed = 7): Query[] {
  const rnd = random(seed);
  const titles = corpus.map((p) => held(p.title));
  const texts = corpus.map((p) => held([p.title, p.authors.join(', '), p.tags.join(' '), p.note, p.abstract].join('\n')));
  const dfs = new Map<string, number>();
  const titleDf = (w: string) => {
    const key = norm(w);
    let df = dfs.get(key);
    if (df === undefined) {
      df = titles.reduce((n, t) => n + (holds(t, key) ? 1 : 0), 0);
      dfs.set(key, df);
    }
    return df;
  };
  const out: Query[] = [];
  const draw = (kind: Kind, make: (p: BenchPaper) => Omit<Query, 'kind' | 'target'> | undefined) => {
    for (let made = 0, tries = 0; made < perKind && tries < perKind * 50; tries++) {
      const p = pick(rnd, corpus);
      const q = make(p);
      if (!q) continue;
      out.push({ kind, target: p.id, ...q });
      made++;
    }
  };

  draw('id', (p) => ({ text: pick(rnd, [p.id, p.id, `arXiv:${p.id}`, `${p.id}v2`, ` ${p.id} `]) }));
  draw('link', (p) => ({
    text: pick(rnd, [
      `https://arxiv.org/abs/${p.id}`,
      `https://arxiv.org/abs/${p.id}v3`,
      `https://arxiv.org/pdf/${p.id}`,
      `http://arxiv.org/pdf/${p.id}v1.pdf`,
      `https://huggingface.co/papers/${p.id}`,
      `https://huggingface.co/papers/${p.id}#community`,
      `huggingface.co/papers/${p.id}`,
      `https://www.arxiv.org/abs/${p.id}`,
    ]),
  }));
  draw('title', (p) => ({ text: pick(rnd, [p.title, p.title, p.title.toLowerCase(), `${p.title}\n`, p.title.replace(/: /, ':\n')]) }));
  draw('name', (p) => {
    const words = p.title
      .split(/\s+/)
      .map(bare)
      .filter((w) => w.length >= 2);
    const named = words.filter((w) => /\d|[.-]|[a-z][A-Z]|^[A-Z]{2,}/.test(w));
    const w =
      named.length && rnd() < 0.8
        ? pick(rnd, named)
        : pick(
            rnd,
            words.filter((x) => x.length >= 5 && /^[A-Za-z]+$/.test(x)),
          );
    if (!w || titleDf(w) > 3) return undefined;
    const r = rnd();
    return { text: r < 0.5 ? w : r < 0.85 || !w.includes('-') ? w.toLowerCase() : w.replace(/-/g, ' ') };
  });
  draw('typo', (p) => {
    const words = p.title
      .split(/\s+/)
      .map(bare)
      .filter((w) => w.length >= 8 && /^[A-Za-z]+$/.test(w) && titleDf(w) <= 5);
    if (!words.length) return undefined;
    const typo = misspell(rnd, pick(rnd, words));
    return titleDf(typo) === 0 ? { text: rnd() < 0.5 ? typo : typo.toLowerCase() } : undefined;
  });
  draw('author', (p) => {
    if (!p.authors.length) return undefined;
    const name = pick(rnd, p.authors);
    const theirs = new Set(corpus.filter((x) => x.authors.includes(name)).map((x) => x.id));
    return { text: rnd() < 0.6 ? name : name.toLowerCase(), expect: theirs };
  });
  draw('words', (p) => {
    const words = p.title
      .split(/\s+/)
      .map(bare)
      .filter((w) => w.length >= 4 && /^[A-Za-z]+$/.test(w) && !STOP.has(w.toLowerCase()));
    if (words.length < 2) return undefined;
    const n = Math.min(words.length, 2 + Math.floor(rnd() * 2));
    const start = Math.floor(rnd() * (words.length - n + 1));
    const chosen = words.slice(start, start + n).map((w) => w.toLowerCase());
    if (rnd() < 0.3) chosen[n - 1] = chosen[n - 1]!.slice(0, Math.max(4, chosen[n - 1]!.length - 3));
    // Adjacent words typed apart also hold when the text has them joined (`attention langu`: `AttentionLanguage-Omni`).
    const all = (t: Held) => chosen.every((w) => holds(t, w)) || holds(t, chosen.join(''));
    const holders = new Set(corpus.filter((_, i) => all(texts[i]!)).map((x) => x.id));
    return { text: chosen.join(' '), expect: holders };
  });
  draw('count', (p) => {
    const code = /\b[A-Z]{2}\d{5}\b/.exec(p.title)?.[0];
    if (!code) return undefined;
    const having = new Set(corpus.filter((_, i) => holds(texts[i]!, norm(code))).map((x) => x.id));
    return { text: rnd() < 0.5 ? code : code.toLowerCase(), expect: having };
  });
  return out;
}

/** The contract's rank for each kind, and whether an answer meets it. */
export const RANK: Record<Kind, number> = { id: 1, link: 1, title: 1, name: 3, typo: 5, author: 10, words: 50, count: 1 };

export function meets(q: Query, a: Answer): boolean {
  switch (q.kind) {
    case 'author':
    case 'words': {
      const want = Math.min(q.expect!.size, RANK[q.kind]);
      return a.ids.length >= want && a.ids.slice(0, want).every((id) => q.expect!.has(id));
    }
    case 'count':
      return a.ids[0] === q.target && a.total === q.expect!.size;
    default:
      return a.ids.slice(0, RANK[q.kind]).includes(q.target);
  }
}
