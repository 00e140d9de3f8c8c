/**
 * Triage on the listing, in a real Chromium with the built extension: new and seen cards across
 * visits (a later visit made by moving the stored visit back half an hour, the only clock the
 * rule reads), the hide controls remembered across pages and reloads (hidden or dimmed, never a
 * paper page's own card), and cards highlighted by an author, an organisation and a keyword
 * followed from the library page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { bookmarkButton, dbGet, dbPut, eventually, extensionPage, fixture, launchShelf, type Shelf } from '../harness/browser';
import { listingPage } from '../harness/pages';

const A = Array.from({ length: 10 }, (_, i) => `2710.${String(i).padStart(5, '0')}`);
const B = Array.from({ length: 5 }, (_, i) => `2711.${String(i).padStart(5, '0')}`);
const C = Array.from({ length: 5 }, (_, i) => `2712.${String(i).padStart(5, '0')}`);
const DAY3 = [A[8]!, A[9]!, B[4]!, ...C];
const PAPER = '2508.02739';

let shelf: Shelf;

async function open(path: string, cards: number): Promise<Page> {
  const page = await shelf.context.newPage();
  await page.goto(`https://huggingface.co${path}`);
  await page.waitForFunction(
    (n) =>
      [...document.querySelectorAll('[data-hfp-paper]')].filter((r) => /\b(new|seen)\b/.test(r.getAttribute('data-hfp-marks') ?? '')).length === n,
    cards,
  );
  return page;
}

const marks = (page: Page) =>
  page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll('[data-hfp-paper]')].map((r) => [r.getAttribute('data-hfp-paper'), r.getAttribute('data-hfp-marks')]),
    ),
  );
const visibility = (page: Page) =>
  page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll<HTMLElement>('[data-hfp-paper]')].map((r) => {
        const style = getComputedStyle(r);
        return [r.getAttribute('data-hfp-paper'), style.display === 'none' ? 'hidden' : Number(style.opacity) <= 0.5 ? 'dimmed' : 'shown'];
      }),
    ),
  );
const summary = (page: Page) => page.locator('[data-hfp-ui="bar"] > span').textContent();

/** Half an hour and a minute without a papers page: the current visit ended (utils/db/visits.ts). */
async function endVisit() {
  for (const p of shelf.context.pages()) if (p.url().startsWith('https://huggingface.co')) await p.close();
  const visit = await dbGet<{ start: number; last: number }>(shelf, 'visits', 'current');
  const last = Date.now() - 31 * 60_000;
  await dbPut(shelf, 'visits', [{ key: 'current', start: Math.min(visit!.start, last), last }]);
}

beforeAll(async () => {
  shelf = await launchShelf();
  shelf.site.set('/papers/date/2026-10-01', listingPage({ cards: 10, ids: A }).html);
  shelf.site.set('/papers/date/2026-10-02', listingPage({ cards: 10, ids: [...A.slice(5), ...B] }).html);
  shelf.site.set('/papers/date/2026-10-03', listingPage({ cards: DAY3.length, ids: DAY3 }).html);
  shelf.site.set(`/papers/${PAPER}`, fixture('hf/hf-paper-2508.02739.html'));
});
afterAll(async () => {
  await shelf?.close();
});

describe('new and seen', () => {
  it('on a first visit, every card is new, also on a second page of the same visit', async () => {
    const day1 = await open('/papers/date/2026-10-01', 10);
    expect(Object.values(await marks(day1))).toEqual(A.map(() => 'new'));
    await eventually(async () => expect(await summary(day1)).toBe('10 new · 0 seen'));
    const day2 = await open('/papers/date/2026-10-02', 10);
    expect(Object.values(await marks(day2))).toEqual(A.map(() => 'new'));
    await open(`/papers/${PAPER}`, 1);
  });

  it('on a later visit, only the papers first met since it began are new', async () => {
    await endVisit();
    const day3 = await open('/papers/date/2026-10-03', DAY3.length);
    const m = await marks(day3);
    expect(DAY3.filter((id) => m[id] === 'seen')).toEqual([A[8], A[9], B[4]]);
    expect(DAY3.filter((id) => m[id] === 'new')).toEqual(C);
    await eventually(async () => expect(await summary(day3)).toMatch(/^5 new since (\w{3} )?\d\d:\d\d · 3 seen$/));
  });
});

describe('hide controls', () => {
  it('hide exactly the seen cards, then the saved ones; both hold after a reload and on other pages', async () => {
    const day3 = shelf.context.pages().find((p) => p.url().endsWith('2026-10-03'))!;
    await day3.locator('[data-hfp-action="hide-seen"]').click();
    expect(await day3.locator('[data-hfp-action="hide-seen"]').getAttribute('aria-pressed')).toBe('true');
    const hiddenSeen = Object.fromEntries(DAY3.map((id) => [id, C.includes(id) ? 'shown' : 'hidden']));
    expect(await visibility(day3)).toEqual(hiddenSeen);
    await bookmarkButton(day3, C[0]!).click();
    await day3.waitForSelector(`[data-hfp-paper="${C[0]}"][data-hfp-marks~="saved"]`, { state: 'attached' });
    await day3.locator('[data-hfp-action="hide-saved"]').click();
    const hiddenBoth = { ...hiddenSeen, [C[0]!]: 'hidden' };
    expect(await visibility(day3)).toEqual(hiddenBoth);
    await eventually(async () => expect(await dbGet(shelf, 'settings', 'hideSaved')).toEqual({ key: 'hideSaved', value: true }));

    await day3.reload();
    await day3.waitForSelector('[data-hfp-action="hide-saved"][aria-pressed="true"]');
    expect(await day3.locator('[data-hfp-action="hide-seen"]').getAttribute('aria-pressed')).toBe('true');
    expect(await visibility(day3)).toEqual(hiddenBoth);
    const day1 = await open('/papers/date/2026-10-01', 10);
    expect(Object.values(await visibility(day1))).toEqual(A.map(() => 'hidden'));
    await day1.close();
  });

  it('never hide the card of the paper page itself', async () => {
    const paper = await open(`/papers/${PAPER}`, 1);
    expect(await marks(paper)).toEqual({ [PAPER]: 'seen' });
    expect(await visibility(paper)).toEqual({ [PAPER]: 'shown' });
    await paper.close();
  });

  it('dim instead, when the library’s setting says so; every open page follows', async () => {
    const day3 = shelf.context.pages().find((p) => p.url().endsWith('2026-10-03'))!;
    const library = await shelf.context.newPage();
    await library.goto(`chrome-extension://${shelf.extensionId}/library.html`);
    await library.getByText('Settings', { exact: true }).click();
    await library.locator('[data-testid="hide-mode"]').selectOption('dim');
    await eventually(async () =>
      expect(await visibility(day3)).toEqual(Object.fromEntries(DAY3.map((id) => [id, C.slice(1).includes(id) ? 'shown' : 'dimmed']))),
    );
    expect(await day3.locator('[data-hfp-action="hide-seen"]').textContent()).toBe('Dim seen');
    await library.close();
  });
});

describe('the second part of the content script', () => {
  it('is not reachable from the page by its static address', async () => {
    const day3 = shelf.context.pages().find((p) => p.url().endsWith('2026-10-03'))!;
    const reached = await day3.evaluate(
      (url) =>
        fetch(url).then(
          () => true,
          () => false,
        ),
      `chrome-extension://${shelf.extensionId}/papers-later.js`,
    );
    expect(reached).toBe(false);
  });

  it('scrolls the page to a card the side panel picks, and says when it is not there', async () => {
    const day3 = shelf.context.pages().find((p) => p.url().endsWith('2026-10-03'))!;
    const ctl = await extensionPage(shelf);
    const ask = (id: string) =>
      ctl.evaluate(async (id) => {
        const chrome = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
        const [tab] = await chrome.tabs.query({ url: 'https://huggingface.co/papers/date/2026-10-03' });
        return chrome.tabs.sendMessage(tab!.id!, { hfp: 1, type: 'scrollToCard', id });
      }, id);
    expect(await ask(C[4]!)).toBe(true);
    await day3.waitForSelector(`[data-hfp-paper="${C[4]}"][data-hfp-flash]`, { state: 'attached' });
    expect(await ask('2601.99999')).toBe(false);
    await ctl.close();
  });
});
