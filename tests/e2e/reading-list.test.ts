/**
 * One truth everywhere, in a real Chromium: a change made in the popup shows on every open
 * huggingface.co tab; a worker stopped between and during 100 toggles loses and invents
 * nothing; concurrent toggles from two tabs and the popup converge.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { bookmarkButton, controlWorker, dbGet, eventually, extensionPage, fixture, launchShelf, openPopup, send, type Shelf } from '../harness/browser';

const IDS = ['2609.31620', '2609.18703', '2609.31473', '2609.30192', '2609.30670'];
const SAGE = '2609.30192';
let shelf: Shelf;

beforeEach(async () => {
  shelf = await launchShelf();
  shelf.site.set('/papers', fixture('hf/hf-daily-2026-09-28.excerpt.html'));
  shelf.site.set('/papers/date/2026-09-28', fixture('hf/hf-daily-logged-in-dark.html'));
});
afterEach(async () => {
  await shelf?.close();
});

async function open(path: string): Promise<Page> {
  const page = await shelf.context.newPage();
  await page.goto(`https://huggingface.co${path}`);
  await page.waitForFunction(() => document.querySelectorAll('button[data-hfp-action="bookmark"]').length === 5);
  return page;
}

const pressed = (page: Page, id: string) => bookmarkButton(page, id).getAttribute('aria-pressed');
const within = (page: Page, id: string, on: boolean, timeout = 1000) =>
  page.waitForSelector(`button[data-paper-id="${id}"][aria-pressed="${on}"]`, { timeout });

describe('one truth everywhere', () => {
  it('a change in one tab, then in the popup, shows on every open papers tab within a second', async () => {
    const a = await open('/papers');
    const b = await open('/papers/date/2026-09-28');
    await bookmarkButton(a, SAGE).click();
    await within(b, SAGE, true);

    const popup = await openPopup(shelf);
    await popup.locator(`[data-testid="paper-row"][data-paper-id="${SAGE}"]`).click();
    await popup.getByRole('button', { name: 'Remove from reading list' }).click();
    await Promise.all([within(a, SAGE, false), within(b, SAGE, false)]);
    await popup.waitForSelector(`[data-testid="paper-row"][data-paper-id="${SAGE}"]`, { state: 'detached' });

    // Undo puts it back, at its old place in the list.
    await popup.getByRole('button', { name: 'Undo' }).click();
    await Promise.all([within(a, SAGE, true), within(b, SAGE, true)]);
    await popup.waitForSelector(`[data-testid="paper-row"][data-paper-id="${SAGE}"]`);
  });

  it('keeps tags and note across an un-bookmark and a re-bookmark from the page', async () => {
    const a = await open('/papers');
    await bookmarkButton(a, SAGE).click();
    const ctl = await extensionPage(shelf);
    await eventually(async () => expect(await dbGet(shelf, 'entries', SAGE)).toBeTruthy());
    await send(ctl, 'addTags', { ids: [SAGE], tags: ['graphs'] });
    await send(ctl, 'setNote', { id: SAGE, note: 'see §4' });
    await bookmarkButton(a, SAGE).click();
    await within(a, SAGE, false);
    await bookmarkButton(a, SAGE).click();
    await eventually(async () => expect(await dbGet(shelf, 'entries', SAGE)).toMatchObject({ tags: ['graphs'], note: 'see §4', bookmarkedAt: expect.any(Number) }));
  });
});

describe('a worker stopped mid-way', () => {
  it('between and during 100 toggles: exactly the intended state, nothing lost, nothing invented', async () => {
    const page = await open('/papers');
    const worker = await controlWorker(shelf);
    // The control page opened in front; a background tab gets no animation frames to click in.
    await page.bringToFront();
    const intended = new Map(IDS.map((id) => [id, false]));
    let seed = 42;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % IDS.length;
    for (let i = 0; i < 100; i++) {
      const id = IDS[next()]!;
      await bookmarkButton(page, id).click();
      intended.set(id, !intended.get(id));
      if (i % 10 === 3) await worker.stop(); // during: the request is on its way
      if (i % 10 === 7) {
        await within(page, id, intended.get(id)!, 5000);
        await page.waitForTimeout(50);
        await worker.stop(); // between: nothing in flight
      }
    }
    expect(worker.stops).toBeGreaterThanOrEqual(15);
    for (const id of IDS) {
      await within(page, id, intended.get(id)!, 10_000);
      await eventually(async () => {
        const entry = await dbGet<{ bookmarkedAt?: number }>(shelf, 'entries', id);
        expect(entry?.bookmarkedAt !== undefined, id).toBe(intended.get(id));
      }, 10_000);
    }
    // Nothing invented: the five papers of the page, no other entry.
    const ctl = await extensionPage(shelf);
    const states = await send<Record<string, { bookmarked: boolean }>>(ctl, 'getStates', { ids: [...IDS, '2609.99999'] });
    expect(Object.fromEntries(Object.entries(states).map(([id, s]) => [id, s.bookmarked]))).toEqual({ ...Object.fromEntries(intended), '2609.99999': false });
  });
});

describe('concurrent toggles', () => {
  it('of one paper from two tabs and the popup converge on one state, shown everywhere', async () => {
    const a = await open('/papers');
    const b = await open('/papers/date/2026-09-28');
    const popup = await openPopup(shelf);
    // As from two windows and the popup at once (a dispatched click: both tabs stay in background).
    for (let round = 0; round < 12; round++) {
      await Promise.all([
        bookmarkButton(a, SAGE).dispatchEvent('click'),
        bookmarkButton(b, SAGE).dispatchEvent('click'),
        send(popup, 'setBookmark', { ids: [SAGE], on: round % 2 === 0 }),
      ]);
    }
    const final = await eventually(async () => {
      const entry = await dbGet<{ bookmarkedAt?: number }>(shelf, 'entries', SAGE);
      const truth = entry?.bookmarkedAt !== undefined;
      expect(await pressed(a, SAGE)).toBe(String(truth));
      expect(await pressed(b, SAGE)).toBe(String(truth));
      expect(await popup.locator(`[data-testid="paper-row"][data-paper-id="${SAGE}"]`).count()).toBe(truth ? 1 : 0);
      return truth;
    }, 5000);
    // And it holds: nothing changes after it settled.
    await a.waitForTimeout(500);
    expect(await pressed(a, SAGE)).toBe(String(final));
    expect(await pressed(b, SAGE)).toBe(String(final));
  });
});
