/**
 * Every selector of utils/parse/selectors.ts, each fallback included, against every saved page:
 * the number of matches each must find. A site change that breaks one shows here first, when
 * the fixtures are refreshed from the live site.
 */
import { describe, expect, it } from 'vitest';
import { SELECTORS, STRUCTURE, type SelectorName } from '../../utils/content/selectors';
import { findCards } from '../../utils/content/cards';
import { fixture, parseHtml } from './helpers';

const PAGES = {
  daily: 'hf/hf-daily-2026-09-28.excerpt.html',
  loggedIn: 'hf/hf-daily-logged-in-dark.html',
  weekly: 'hf/hf-weekly-2026-W39.html',
  search: 'hf/hf-search-iteration.html',
  paper: 'hf/hf-paper-2508.02739.html',
} as const;
type Page = keyof typeof PAGES;
type Counts = Record<Page, number>;

/** Over the whole document. */
const PAGE_LEVEL: Partial<Record<SelectorName, Counts[]>> = {
  listingRoot: [{ daily: 1, loggedIn: 1, weekly: 1, search: 1, paper: 0 }],
  paperRoot: [{ daily: 0, loggedIn: 0, weekly: 0, search: 0, paper: 1 }],
  titleLink: [
    { daily: 5, loggedIn: 5, weekly: 100, search: 45, paper: 0 },
    { daily: 5, loggedIn: 5, weekly: 100, search: 0, paper: 0 },
  ],
  paperTitle: [{ daily: 1, loggedIn: 1, weekly: 1, search: 1, paper: 1 }],
};

/** Summed over the card roots the parser finds (these selectors only ever run inside a card). */
const CARD_LEVEL: Partial<Record<SelectorName, Counts[]>> = {
  thumbnail: [
    { daily: 5, loggedIn: 5, weekly: 100, search: 0, paper: 0 },
    { daily: 5, loggedIn: 5, weekly: 100, search: 0, paper: 0 },
  ],
  upvotes: [
    { daily: 5, loggedIn: 5, weekly: 100, search: 45, paper: 0 },
    { daily: 5, loggedIn: 5, weekly: 100, search: 45, paper: 0 },
  ],
  organization: [
    { daily: 4, loggedIn: 4, weekly: 80, search: 0, paper: 0 },
    { daily: 4, loggedIn: 4, weekly: 80, search: 0, paper: 0 },
  ],
  authorAvatar: [{ daily: 4, loggedIn: 4, weekly: 80, search: 0, paper: 0 }],
  comments: [{ daily: 4, loggedIn: 4, weekly: 80, search: 5, paper: 0 }],
  githubIcon: [{ daily: 3, loggedIn: 3, weekly: 60, search: 0, paper: 0 }],
};

const docs = Object.fromEntries(Object.entries(PAGES).map(([k, f]) => [k, parseHtml(fixture(f))])) as Record<Page, Document>;
const cardsOf = (doc: Document) => findCards(doc.body, doc.body).map((c) => c.el);

describe('selectors against the saved pages', () => {
  it('lists an expected count for every entry of every selector', () => {
    const covered = new Set([...Object.keys(PAGE_LEVEL), ...Object.keys(CARD_LEVEL), 'organizationName']);
    expect([...covered].sort()).toEqual(Object.keys(SELECTORS).sort());
    for (const [name, counts] of Object.entries({ ...PAGE_LEVEL, ...CARD_LEVEL })) {
      expect(counts, name).toHaveLength(SELECTORS[name as SelectorName].length);
    }
  });

  for (const [name, counts] of Object.entries(PAGE_LEVEL) as Array<[SelectorName, Counts[]]>) {
    SELECTORS[name].forEach((css, i) => {
      it(`${name}[${i}] ${css}`, () => {
        for (const page of Object.keys(PAGES) as Page[]) {
          expect(docs[page].querySelectorAll(css).length, `${page}`).toBe(counts[i]![page]);
        }
      });
    });
  }

  for (const [name, counts] of Object.entries(CARD_LEVEL) as Array<[SelectorName, Counts[]]>) {
    SELECTORS[name].forEach((css, i) => {
      it(`${name}[${i}] ${css} (inside cards)`, () => {
        for (const page of Object.keys(PAGES) as Page[]) {
          const n = cardsOf(docs[page]).reduce((sum, card) => sum + card.querySelectorAll(css).length, 0);
          expect(n, `${page}`).toBe(counts[i]![page]);
        }
      });
    });
  }

  it('structure: a listing’s title links sit in their article (none in the page title or navigation); frames and chrome as counted', () => {
    const within: Counts = { daily: 5, loggedIn: 5, weekly: 100, search: 0, paper: 0 };
    const frames: Counts = { daily: 4, loggedIn: 4, weekly: 4, search: 4, paper: 6 };
    const chrome: Counts = { daily: 4, loggedIn: 4, weekly: 4, search: 4, paper: 2 };
    for (const page of Object.keys(PAGES) as Page[]) {
      const ups = [...docs[page].querySelectorAll(SELECTORS.titleLink[0]!)].map((a) => a.closest(STRUCTURE.articleOrOutside)?.localName);
      expect(ups.filter((u) => u === 'article').length, page).toBe(within[page]);
      expect(ups.filter((u) => u === 'h1' || u === 'nav').length, page).toBe(0);
      expect(docs[page].querySelectorAll(STRUCTURE.frame).length, page).toBe(frames[page]);
      expect(docs[page].querySelectorAll(STRUCTURE.chrome).length, page).toBe(chrome[page]);
    }
  });

  it('organizationName: each fallback finds the name inside every organisation chip', () => {
    for (const page of ['daily', 'weekly'] as const) {
      const chips = cardsOf(docs[page]).flatMap((c) => [...c.querySelectorAll(SELECTORS.organization[0]!)]);
      for (const css of SELECTORS.organizationName) {
        expect(
          chips.every((chip) => chip.querySelector(css)?.textContent?.trim()),
          `${page} ${css}`,
        ).toBe(true);
      }
    }
  });
});
