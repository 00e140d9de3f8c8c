/**
 * Finding a paper again, in a real Chromium: an arXiv id, an arXiv link or a huggingface.co link
 * typed or pasted brings that paper first; the count is the true number of matches; a paper
 * matched outside the view is one click away.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extensionPage, launchShelf, type Shelf } from '../harness/browser';
import { seedLibrary, syntheticPapers } from '../harness/library';

const PAPERS = syntheticPapers(60);
const SAVED = PAPERS.slice(0, 40).map((p) => p.id);
const ONLY_SEEN = PAPERS[50]!;
let shelf: Shelf;

beforeAll(async () => {
  shelf = await launchShelf();
  await seedLibrary(await extensionPage(shelf), PAPERS, SAVED);
});
afterAll(async () => {
  await shelf?.close();
});

const rowIds = (page: Page) =>
  page.locator('[data-testid="paper-row"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-paper-id') ?? ''));

async function search(page: Page, query: string) {
  await page.getByTestId('search').fill(query);
  await expect.poll(async () => (await rowIds(page)).length > 0 || (await page.locator('.empty').count()) > 0).toBe(true);
}

describe('search', () => {
  it('brings the paper an id, an arXiv link or a huggingface.co link names first', async () => {
    const page = await shelf.context.newPage();
    await page.goto(`chrome-extension://${shelf.extensionId}/popup.html`);
    await page.waitForSelector('[data-testid="paper-row"]');
    const target = PAPERS[17]!.id;
    for (const query of [target, `https://arxiv.org/abs/${target}v2`, `https://huggingface.co/papers/${target}`, `arXiv:${target}`]) {
      await page.getByTestId('search').fill(query);
      await expect.poll(async () => (await rowIds(page))[0], { message: query }).toBe(target);
    }
    await page.close();
  });

  it('says how many papers match in the view, and offers those it leaves out', async () => {
    const page = await shelf.context.newPage();
    await page.goto(`chrome-extension://${shelf.extensionId}/library.html`);
    await page.waitForSelector('[data-testid="paper-row"]');
    // A paper only seen is not in the reading list: the list says so, and one click searches everything.
    await search(page, ONLY_SEEN.id);
    await expect.poll(() => page.locator('.outside').textContent()).toMatch(/^1 more paper matches outside this view/);
    await page.getByTestId('search-everywhere').click();
    await expect.poll(async () => (await rowIds(page))[0]).toBe(ONLY_SEEN.id);
    await expect.poll(() => page.locator('.app-head .muted').textContent()).toBe('1 paper');
    await page.getByTestId('search').fill('');
    await expect.poll(() => page.locator('.app-head .muted').textContent()).toBe(`${PAPERS.length} papers`);
    await page.close();
  });
});
