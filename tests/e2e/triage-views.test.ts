/**
 * The triage views and the digest in the built extension (Chromium), on the saved daily page:
 * the digest's counts equal the views' (each a link to its view), the Followed view lists the
 * followed papers with its unread count, Not interested lists the dismissed; the side panel lists
 * the page's papers in its order and scrolls the page to a card picked; the popup shows the digest
 * only away from a papers tab.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { dbGet, eventually, extensionPage, fixture, launchShelf, openPopup, send, type Shelf } from '../harness/browser';

const [FUSEREG, ARENA, SAGE] = ['2609.31620', '2609.31473', '2609.30192'];
let shelf: Shelf;
let page: Page;

beforeAll(async () => {
  shelf = await launchShelf();
  shelf.site.set('/papers', fixture('hf/hf-daily-2026-09-28.excerpt.html'));
  page = await shelf.context.newPage();
  await page.goto('https://huggingface.co/papers');
  await page.waitForFunction(() => document.querySelectorAll('[data-hfp-marks~="new"]').length === 5);
  await eventually(async () => expect((await dbGet<{ authors: string[] }>(shelf, 'papers', SAGE))?.authors).toContain('Dawei Zhou'));
  const ctl = await extensionPage(shelf);
  await send(ctl, 'follow', { kind: 'author', value: 'Dawei Zhou' });
  await send(ctl, 'follow', { kind: 'keyword', value: 'arena' });
  await send(ctl, 'triage', { id: ARENA, status: 'dismissed' });
  await send(ctl, 'triage', { id: FUSEREG, status: 'reading' });
  await ctl.close();
});
afterAll(async () => {
  await shelf?.close();
});

/** The digest's three numbers, as its links say them. */
const digest = (p: Page) =>
  p.evaluate(() => ['new', 'followed', 'list'].map((v) => Number(document.querySelector(`[data-testid="digest-${v}"]`)?.getAttribute('data-count'))));
const rows = (p: Page) => p.locator('[data-testid="paper-row"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-paper-id')));

describe('the digest and the triage views (library page)', () => {
  it('counts new, followed and saved papers as the views list them, each a link to its view', async () => {
    const library = await shelf.context.newPage();
    await library.goto(`chrome-extension://${shelf.extensionId}/library.html`);
    await eventually(async () => expect(await digest(library)).toEqual([5, 2, 1]));
    expect(await library.locator('[data-testid="digest"]').textContent()).toContain('1 unread');
    // The sidebar's counts are the same numbers.
    const count = async (v: string) => Number((await library.locator(`[data-testid="view-${v}"] .count`).textContent())!.split(' ').pop());
    expect([await count('new'), await count('followed'), await count('list')]).toEqual([5, 2, 1]);
    expect(await library.locator('[data-testid="followed-unread"]').textContent()).toContain('1 unread');
    // Each link opens a list of its length.
    for (const [v, n] of [
      ['new', 5],
      ['followed', 2],
      ['list', 1],
    ] as const) {
      await library.locator(`[data-testid="digest-${v}"]`).click();
      await eventually(async () => expect(await rows(library)).toHaveLength(n));
    }
    await library.locator('[data-testid="view-followed"]').click();
    await eventually(async () => expect((await rows(library)).sort()).toEqual([ARENA, SAGE].sort()));
    await library.locator('[data-testid="view-dismissed"]').click();
    await eventually(async () => expect(await rows(library)).toEqual([ARENA]));
    await library.close();
  });
});

describe('the side panel', () => {
  it('lists the papers tab’s papers in the page’s order, and a title picked scrolls the page to its card', async () => {
    const panel = await shelf.context.newPage();
    await panel.goto(`chrome-extension://${shelf.extensionId}/sidepanel.html`);
    const onPage = await page.evaluate(() => [...document.querySelectorAll('[data-hfp-paper]')].map((e) => e.getAttribute('data-hfp-paper')));
    await eventually(async () =>
      expect(await panel.locator('[data-page-paper]').evaluateAll((els) => els.map((e) => e.getAttribute('data-page-paper')))).toEqual(onPage),
    );
    expect(await panel.locator('[data-testid="digest"]').count()).toBe(0);
    await panel.locator(`[data-page-paper="${onPage[3]}"] [data-testid="page-card"]`).click();
    await page.waitForSelector(`[data-hfp-paper="${onPage[3]}"][data-hfp-flash]`, { state: 'attached' });
    // The reading list below it, as in the popup (which remembers the view last shown: the library's).
    await panel.locator('select.view-select').selectOption('list');
    await eventually(async () => expect(await rows(panel)).toEqual([FUSEREG]));
    await panel.close();
  });
});

describe('the card menu on a paper page', () => {
  it('opens beside the title’s bookmark, and a status set there saves the paper', async () => {
    const PAPER = '2508.02739';
    shelf.site.set(`/papers/${PAPER}`, fixture('hf/hf-paper-2508.02739.html'));
    const paper = await shelf.context.newPage();
    await paper.goto(`https://huggingface.co/papers/${PAPER}`);
    await paper.locator(`[data-hfp-action="menu"][data-paper-id="${PAPER}"]`).click();
    await paper.locator('[data-hfp-ui="menu"] [data-hfp-action="status"]').selectOption('read');
    await paper.waitForSelector(`button[data-hfp-action="bookmark"][data-paper-id="${PAPER}"][aria-pressed="true"]`);
    const entry = await dbGet<{ status: string; bookmarkedAt?: number }>(shelf, 'entries', PAPER);
    expect(entry?.status).toBe('read');
    expect(entry?.bookmarkedAt).toBeGreaterThan(0);
    await paper.close();
  });
});

describe('the popup', () => {
  it('shows the page’s papers over a papers tab, and the digest away from one', async () => {
    const over = await openPopup(shelf);
    await over.locator('[data-page-paper]').first().waitFor();
    expect(await over.locator('[data-testid="digest"]').count()).toBe(0);
    await over.close();
    await page.close();
    const away = await openPopup(shelf);
    // The paper page's paper is new too; read, it is not on the reading list.
    await eventually(async () => expect(await digest(away)).toEqual([6, 2, 1]));
    await away.locator('select.view-select').selectOption('followed');
    await eventually(async () => expect((await rows(away)).sort()).toEqual([ARENA, SAGE].sort()));
  });
});
