/**
 * Follows and the card's menu, in a real Chromium with the built extension on the saved daily
 * page: an author, an organisation and a keyword followed from the library page each highlight
 * exactly their cards, with the reason; the menu works by keyboard and by mouse, and what it sets
 * shows in the library.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { dbGet, eventually, fixture, launchShelf, type Shelf } from '../harness/browser';

const [FUSEREG, RAYORCH, ARENA, SAGE] = ['2609.31620', '2609.18703', '2609.31473', '2609.30192'];
let shelf: Shelf;
let page: Page;
let library: Page;

beforeAll(async () => {
  shelf = await launchShelf();
  shelf.site.set('/papers', fixture('hf/hf-daily-2026-09-28.excerpt.html'));
  page = await shelf.context.newPage();
  await page.goto('https://huggingface.co/papers');
  // Every card marked, and SAGE's authors read from its DOM (no embedded data for it).
  await page.waitForFunction(() => document.querySelectorAll('[data-hfp-marks~="new"]').length === 5);
  await eventually(async () => expect((await dbGet<{ authors: string[] }>(shelf, 'papers', SAGE))?.authors).toContain('Dawei Zhou'));
  library = await shelf.context.newPage();
  await library.goto(`chrome-extension://${shelf.extensionId}/library.html`);
});
afterAll(async () => {
  await shelf?.close();
});

const followed = () =>
  page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll('[data-hfp-marks~="followed"]')].map((r) => [
        r.getAttribute('data-hfp-paper'),
        // What the card shows: the stylesheet draws the reason as text.
        getComputedStyle(r, '::after').content.replace(/^"|"$/g, ''),
      ]),
    ),
  );

async function follow(kind: string, value: string) {
  await library.locator('[data-testid="follow-kind"]').selectOption(kind);
  await library.locator('[data-testid="follow-input"]').fill(value);
  await library.locator('[data-testid="follow-input"]').press('Enter');
}

describe('follows', () => {
  it('an author, an organisation (by hub name) and a keyword each highlight exactly their cards, with the reason', async () => {
    await follow('author', 'Dawei Zhou');
    await eventually(async () => expect(await followed()).toEqual({ [SAGE]: 'follows: Dawei Zhou' }));
    await follow('org', 'PekingUniversity');
    await eventually(async () => expect(await followed()).toEqual({ [SAGE]: 'follows: Dawei Zhou', [RAYORCH]: 'follows: PekingUniversity' }));
    await follow('keyword', 'arena');
    await eventually(async () =>
      expect(await followed()).toEqual({ [SAGE]: 'follows: Dawei Zhou', [RAYORCH]: 'follows: PekingUniversity', [ARENA]: 'keyword: arena' }),
    );
    await eventually(async () => expect(await library.locator('.follow-line').count()).toBe(3));
    expect(await library.locator('[data-follow-key="keyword:arena"] .count').textContent()).toBe('1/1');
  });
});

describe('the card menu', () => {
  const opener = (id: string) => page.locator(`[data-hfp-action="menu"][data-paper-id="${id}"]`);
  const menu = () => page.locator('[data-hfp-ui="menu"]');
  const active = () => page.evaluate(() => document.activeElement?.getAttribute('data-hfp-action') ?? document.activeElement?.tagName);

  it('works by keyboard: Enter opens it, arrows set the status, Tab reaches the tags, Enter adds one, Esc closes it', async () => {
    await opener(FUSEREG).focus();
    await page.keyboard.press('Enter');
    await menu().waitFor();
    expect(await active()).toBe('status');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await eventually(async () =>
      expect(await dbGet(shelf, 'entries', FUSEREG)).toMatchObject({ status: 'reading', bookmarkedAt: expect.any(Number) }),
    );
    await page.waitForSelector(`[data-hfp-paper="${FUSEREG}"][data-hfp-marks~="saved"] button[data-hfp-action="bookmark"][aria-pressed="true"]`);
    await page.keyboard.press('Tab');
    expect(await active()).toBe('tag-input');
    await page.keyboard.type('vision');
    await page.keyboard.press('Enter');
    await menu().locator('.hfp-menu-chip', { hasText: 'vision' }).waitFor();
    await page.keyboard.press('Escape');
    await menu().waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.matches('[data-hfp-action="menu"][data-paper-id="2609.31620"]'))).toBe(true);
    expect(await dbGet(shelf, 'entries', FUSEREG)).toMatchObject({ status: 'reading', tags: ['vision'] });
  });

  it('works by mouse: a status, a tag from the library’s, unfollowing the organisation; a click outside closes it', async () => {
    await opener(RAYORCH).click();
    await menu().waitFor();
    await menu().locator('[data-hfp-action="status"]').selectOption('read');
    await menu().locator('[data-hfp-action="tag-input"]').click();
    expect(
      await menu()
        .locator('datalist option')
        .evaluateAll((o) => o.map((x) => x.getAttribute('value'))),
    ).toEqual(['vision']);
    await menu().locator('[data-hfp-action="tag-input"]').fill('vision');
    await menu().locator('[data-hfp-action="tag-input"]').press('Enter');
    await menu().locator('.hfp-menu-chip', { hasText: 'vision' }).waitFor();
    const org = menu().getByRole('button', { name: 'Following Peking University' });
    expect(await org.getAttribute('aria-pressed')).toBe('true');
    await org.click();
    await menu().getByRole('button', { name: 'Follow Peking University' }).waitFor();
    await eventually(async () => expect(Object.keys(await followed()).sort()).toEqual([ARENA, SAGE].sort()));
    await page.mouse.click(640, 20);
    await menu().waitFor({ state: 'detached' });
    expect(await dbGet(shelf, 'entries', RAYORCH)).toMatchObject({ status: 'read', tags: ['vision'], bookmarkedAt: expect.any(Number) });
  });

  it('“Not interested” takes a paper off the reading list and dims its card', async () => {
    await opener(ARENA).click();
    await menu().locator('[data-hfp-action="status"]').selectOption('dismissed');
    await page.waitForSelector(`[data-hfp-paper="${ARENA}"][data-hfp-marks~="dismissed"]`, { state: 'attached' });
    expect(await page.locator(`[data-hfp-paper="${ARENA}"]`).evaluate((el) => Number(getComputedStyle(el).opacity))).toBeLessThanOrEqual(0.5);
    expect((await dbGet<{ bookmarkedAt?: number }>(shelf, 'entries', ARENA))?.bookmarkedAt).toBeUndefined();
    await page.keyboard.press('Escape');
  });

  it('what it set shows in the library', async () => {
    await library.reload();
    await library.getByRole('button', { name: 'All' }).click();
    const row = (id: string) => library.locator(`[data-testid="paper-row"][data-paper-id="${id}"]`);
    await row(FUSEREG).waitFor();
    expect(await row(FUSEREG).locator('.status').textContent()).toBe('Reading');
    expect(await row(FUSEREG).textContent()).toContain('vision');
    expect(await row(RAYORCH).locator('.status').textContent()).toBe('Read');
    expect(await row(RAYORCH).textContent()).toContain('vision');
    expect(await row(ARENA).count()).toBe(0);
  });
});
