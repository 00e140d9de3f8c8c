/**
 * Every page kind in a real Chromium with the built extension: each card gets one button and
 * lands in the library with what it shows; the site's client-side navigation, stale and
 * missing embedded data, the layout left as it was (with every mark and highlight), and the API
 * fill. The marks themselves: tests/e2e/triage.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { bookmarkButton, dbGet, eventually, extensionPage, fixture, launchShelf, send, type Shelf } from '../harness/browser';
import { PAPER, SEARCH_IDS } from '../fixtures/seed';

let shelf: Shelf;

beforeAll(async () => {
  shelf = await launchShelf();
  const site: Array<[string, string]> = [
    ['/papers', 'hf/hf-daily-2026-09-28.excerpt.html'],
    ['/papers/date/2026-09-28', 'hf/hf-daily-logged-in-dark.html'],
    ['/papers/date/2026-09-27', 'hf/hf-daily-no-props.html'],
    ['/papers/week/2026-W39', 'hf/hf-weekly-2026-W39.html'],
    ['/papers/month/2026-09', 'hf/hf-monthly-2026-09.html'],
    ['/papers/trending', 'hf/hf-trending.html'],
    ['/papers?q=iteration', 'hf/hf-search-iteration.html'],
    ['/papers/2508.02739', 'hf/hf-paper-2508.02739.html'],
  ];
  for (const [path, file] of site) shelf.site.set(path, fixture(file));
});

afterAll(async () => {
  await shelf?.close();
});

async function open(path: string, cards: number): Promise<Page> {
  const page = await shelf.context.newPage();
  await page.goto(`https://huggingface.co${path}`);
  await page.waitForFunction((n) => document.querySelectorAll('button[data-hfp-action="bookmark"]').length === n, cards);
  return page;
}

/** Every card root carries exactly one button, shown within the card's own box. */
async function oneButtonPerCard(page: Page) {
  return page.evaluate(() => {
    const roots = [...document.querySelectorAll('[data-hfp-paper]')];
    const within = (r: Element) => {
      const card = r.getBoundingClientRect();
      const b = r.querySelector('button[data-hfp-action]')!.getBoundingClientRect();
      return b.width > 0 && b.left >= card.left && b.right <= card.right && b.top >= card.top && b.bottom <= card.bottom;
    };
    return {
      roots: roots.length,
      allOne: roots.every((r) => r.querySelectorAll('button[data-hfp-action="bookmark"]').length === 1),
      idsMatch: roots.every((r) => r.querySelector('button[data-hfp-action]')!.getAttribute('data-paper-id') === r.getAttribute('data-hfp-paper')),
      shownInCard: roots.every(within),
    };
  });
}

describe.each([
  ['daily', '/papers', 5, '2609.31620', { authors: expect.arrayContaining(['Hongyang Du']), featuredAt: '2026-09-28', listingDate: '2026-09-28' }],
  [
    'daily, dated URL, logged in, dark',
    '/papers/date/2026-09-28',
    5,
    '2609.30192',
    { authors: ['Dawei Zhou', 'Yujun Yan', 'Jiawei Zhang', 'xyzeng2000'], upvotes: 3 },
  ],
  ['weekly', '/papers/week/2026-W39', 100, '2609.30099', { abstract: expect.stringMatching(/^Preparing high quality/), githubStars: 11 }],
  ['monthly', '/papers/month/2026-09', 60, '2609.40059', { organization: { name: 'PekingUniversity', fullname: 'Peking University' } }],
  // Synthetic listing: its 5th card shows TRACE's markup but carries FuseReg's embedded entry.
  ['trending', '/papers/trending', 30, '2610.20004', { submitter: 'Hongyang-Du', comments: 2, githubStars: 12 }],
  [
    'search',
    '/papers?q=iteration',
    45,
    SEARCH_IDS(45)[2]!,
    { authorCount: 8, publishedAt: '2024-05-16', abstract: expect.stringMatching(/^Multistep instructions/) },
  ],
  ['paper', '/papers/2508.02739', 1, '2508.02739', { aiSummary: PAPER.ai_summary, aiKeywords: PAPER.ai_keywords, githubStars: 31189 }],
  ['daily without embedded data', '/papers/date/2026-09-27', 5, '2609.31620', { upvotes: 110, githubStars: 12, submitter: 'Hongyang-Du' }],
])('%s page', (_kind, path, cards, sample, stored) => {
  it(`gives each of its ${cards} cards one button and stores every card with what it shows`, async () => {
    const page = await open(path, cards);
    expect(await oneButtonPerCard(page)).toEqual({ roots: cards, allOne: true, idsMatch: true, shownInCard: true });
    await eventually(async () => expect(await dbGet(shelf, 'papers', sample)).toMatchObject(stored));
    await page.close();
  });
});

describe('client-side navigation', () => {
  /** What the site does when the reader switches day/week/month: new URL, new island. */
  async function navigate(page: Page, path: string, html: string, props: 'fresh' | 'stale') {
    await page.evaluate(
      ([path, html, props]) => {
        const next = new DOMParser().parseFromString(html, 'text/html').querySelector('[data-target="DailyPapers"]')!;
        const island = document.querySelector('[data-target="DailyPapers"]')!;
        const fresh = next.getAttribute('data-props')!;
        // During a navigation the new island can still carry the old listing's data for a moment.
        if (props === 'stale') next.setAttribute('data-props', island.getAttribute('data-props')!);
        history.pushState({}, '', path);
        (window as unknown as { hfpNavAt: number }).hfpNavAt = performance.now();
        island.replaceWith(document.adoptNode(next));
        if (props === 'stale') setTimeout(() => next.setAttribute('data-props', fresh), 300);
      },
      [path, html, props] as const,
    );
  }

  it('gives every card of the new listing its button within a second, never two', async () => {
    const page = await open('/papers', 5);
    await navigate(page, '/papers/week/2026-W39', fixture('hf/hf-weekly-2026-W39.html'), 'fresh');
    await page.waitForFunction(() => document.querySelectorAll('button[data-hfp-action="bookmark"]').length === 100, undefined, { timeout: 1000 });
    expect(await oneButtonPerCard(page)).toEqual({ roots: 100, allOne: true, idsMatch: true, shownInCard: true });
    await eventually(async () =>
      expect(await dbGet(shelf, 'papers', '2609.30042')).toMatchObject({ lastSeenUrl: 'https://huggingface.co/papers/week/2026-W39' }),
    );
    await page.close();
  });

  it('reads cards from the DOM while the data is stale, then completes them when it arrives', async () => {
    const page = await open('/papers', 5);
    await navigate(page, '/papers/month/2026-09', fixture('hf/hf-monthly-2026-09.html'), 'stale');
    await page.waitForFunction(() => document.querySelectorAll('button[data-hfp-action="bookmark"]').length === 60, undefined, { timeout: 1000 });
    // Never a paper of the old listing's data attached to a new card.
    expect(await page.locator('[data-hfp-paper="2609.31620"]').count()).toBe(0);
    await eventually(async () =>
      expect(await dbGet(shelf, 'papers', '2609.40001')).toMatchObject({
        abstract: expect.stringMatching(/^Preparing/),
        authors: expect.arrayContaining(['Xiaochen Ma']),
      }),
    );
    expect(await oneButtonPerCard(page)).toEqual({ roots: 60, allOne: true, idsMatch: true, shownInCard: true });
    await page.close();
  });
});

describe('the site’s layout', () => {
  it.each([
    ['a daily page (buttons over the thumbnails)', '/papers', 5],
    ['search results (no thumbnails)', '/papers?q=iteration', 45],
    ['a paper page (button by the title)', '/papers/2508.02739', 1],
  ])('is the same, to the pixel, with and without the extension’s additions: %s', async (_what, path, cards) => {
    // A follow matches a card of each page: its highlight and its reason are additions too.
    const ctl = await extensionPage(shelf);
    await send(ctl, 'follow', { kind: 'keyword', value: path.includes('q=') ? 'iteration' : path === '/papers' ? 'FuseReg' : 'Kronos' });
    await ctl.close();
    const page = await open(path, cards);
    await page.waitForSelector('[data-hfp-reason]', { state: 'attached' });
    if (!path.includes('2508')) await page.waitForSelector('[data-hfp-ui="bar"]');
    const moved = await page.evaluate(() => {
      const ours = '[data-hfp-action], [data-hfp-ui]';
      const boxes = () =>
        [...document.body.querySelectorAll('*')].filter((el) => !el.matches(ours)).map((el) => JSON.stringify(el.getBoundingClientRect()));
      const withUs = boxes();
      const additions = [...document.querySelectorAll(ours)];
      const roots = [...document.querySelectorAll('[data-hfp-paper]')];
      for (const b of additions) b.remove();
      for (const r of roots) {
        for (const a of ['data-hfp-paper', 'data-hfp-marks', 'data-hfp-reason']) r.removeAttribute(a);
      }
      const without = boxes();
      const els = [...document.body.querySelectorAll('*')];
      return without.flatMap((box, i) => (box === withUs[i] ? [] : [`${els[i]!.tagName}.${els[i]!.className}`]));
    });
    expect(moved).toEqual([]);
    await page.close();
  });
});

describe('filling a saved paper from the site’s API', () => {
  it('completes a bookmarked search result’s authors in the background', async () => {
    const id = SEARCH_IDS(45)[5]!;
    shelf.api.set(`/api/papers/${id}`, { ...PAPER, id, title: 'From the API' });
    const page = await open('/papers?q=iteration', 45);
    await bookmarkButton(page, id).click();
    await page.waitForSelector(`button[data-paper-id="${id}"][aria-pressed="true"]`);
    const paper = await eventually(async () => {
      const p = await dbGet<{ authors: string[]; fetchedAt?: number; title: string }>(shelf, 'papers', id);
      expect(p?.fetchedAt).toBeDefined();
      return p!;
    }, 8000);
    expect(paper.authors).toEqual(PAPER.authors.map((a) => a.name));
    await page.close();
  });
});
