/**
 * The whole path in a real Chromium with the built extension: a card's button → background →
 * IndexedDB → popup, and all of it surviving a browser restart on the same profile.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { bookmarkButton, fixture, launchShelf, openPopup, type Shelf } from '../harness/browser';

const DAILY = fixture('hf/hf-daily-2026-09-28.excerpt.html');
const FIRST = '2609.30192';
const SECOND = '2609.31620';
let shelf: Shelf | undefined;

afterEach(async () => {
  await shelf?.close();
  shelf = undefined;
});

async function openDaily(s: Shelf) {
  s.site.set('/papers', DAILY);
  const page = await s.context.newPage();
  await page.goto('https://huggingface.co/papers');
  await page.waitForSelector('[data-hfp-paper] button[data-hfp-action="bookmark"]');
  return page;
}

const rowIds = (popup: import('playwright-core').Page) =>
  popup.locator('[data-testid="paper-row"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-paper-id')));

describe('walking skeleton', () => {
  it('bookmarks a card, lists it in the popup live, and keeps it across a browser restart', async () => {
    shelf = await launchShelf();
    const page = await openDaily(shelf);
    expect(await page.locator('button[data-hfp-action="bookmark"]').count()).toBe(5);

    await bookmarkButton(page, FIRST).click();
    await page.waitForSelector(`button[data-paper-id="${FIRST}"][aria-pressed="true"]`);

    const popup = await openPopup(shelf);
    await popup.waitForSelector(`[data-testid="paper-row"][data-paper-id="${FIRST}"]`);
    expect(await popup.locator(`[data-paper-id="${FIRST}"]`).textContent()).toContain('SAGE: Mitigating Long-Horizon Reasoning Biases');

    // While the popup is open: a second bookmark appears on top without a reload.
    await bookmarkButton(page, SECOND).click();
    await popup.waitForSelector(`[data-testid="paper-row"][data-paper-id="${SECOND}"]`);
    expect(await rowIds(popup)).toEqual([SECOND, FIRST]);

    const profile = shelf.profile;
    await shelf.close({ keepProfile: true });
    shelf = await launchShelf({ profile });

    const again = await openPopup(shelf);
    await again.waitForSelector('[data-testid="paper-row"]');
    expect(await rowIds(again)).toEqual([SECOND, FIRST]);
    const page2 = await openDaily(shelf);
    await page2.waitForSelector(`button[data-paper-id="${FIRST}"][aria-pressed="true"]`);
    expect(await bookmarkButton(page2, SECOND).getAttribute('aria-pressed')).toBe('true');
    expect(await bookmarkButton(page2, '2609.18703').getAttribute('aria-pressed')).toBe('false');
  });

  it('un-bookmarking from the page removes the row from an open popup', async () => {
    shelf = await launchShelf();
    const page = await openDaily(shelf);
    await bookmarkButton(page, FIRST).click();
    const popup = await openPopup(shelf);
    await popup.waitForSelector(`[data-testid="paper-row"][data-paper-id="${FIRST}"]`);
    await bookmarkButton(page, FIRST).click();
    await popup.waitForSelector(`[data-testid="paper-row"][data-paper-id="${FIRST}"]`, { state: 'detached' });
    expect(await bookmarkButton(page, FIRST).getAttribute('aria-pressed')).toBe('false');
  });
});
