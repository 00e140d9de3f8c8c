/**
 * Hostile content in a real Chromium: titles, abstracts, authors, tags, notes and site links
 * carrying HTML, scripts and `javascript:` URLs are shown as text on the page, in the popup, the
 * editor and the library page, and never run. (The exports are checked in tests/unit/export.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { bookmarkButton, extensionPage, fixture, launchShelf, openPopup, send, type Shelf } from '../harness/browser';
import { escapeAttr } from '../harness/pages';
import { awkwardLibrary, NASTY_TITLES } from '../fixtures/awkward-library';

const EVIL = '<img src=x onerror="document.title=\'pwned\'"><script>document.title="pwned"</script>';
let shelf: Shelf;
const dialogs: string[] = [];

beforeAll(async () => {
  shelf = await launchShelf();
  shelf.context.on('page', (p) =>
    p.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    }),
  );
  const ctl = await extensionPage(shelf);
  const { papers, entries } = awkwardLibrary();
  await send(ctl, 'ingest', {
    page: { url: 'https://huggingface.co/papers', kind: 'daily' },
    cards: papers.map(({ firstSeenAt: _f, lastSeenAt: _l, firstSeenUrl: _u, lastSeenUrl: _v, listingDate: _d, fetchedAt: _x, ...p }) => p),
  });
  const saved = entries.filter((e) => e.bookmarkedAt !== undefined).map((e) => e.id);
  await send(ctl, 'setBookmark', { ids: saved, on: true });
  for (const e of entries) {
    if (e.note) await send(ctl, 'setNote', { id: e.id, note: e.note });
    if (e.tags.length) await send(ctl, 'addTags', { ids: [e.id], tags: e.tags });
  }
});
afterAll(async () => {
  await shelf?.close();
});

/** Nothing ran: no dialog, no changed title, no element the hostile text describes. */
async function nothingRan(page: Page) {
  expect(dialogs).toEqual([]);
  expect(await page.title()).not.toBe('pwned');
  expect(await page.locator('img[src="x"], script:not([src]), [onerror]').count()).toBe(0);
  const hrefs = await page.locator('a[href]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
  for (const href of hrefs) expect(href).toMatch(/^(https?:|chrome-extension:)/);
}

describe('the library’s own pages', () => {
  it('the popup lists hostile titles and tags as text, and the editor shows notes and links safely', async () => {
    const popup = await openPopup(shelf);
    await popup.locator('.view-select').selectOption('all');
    await popup.getByTestId('search').fill('script');
    const row = popup.locator('[data-testid="paper-row"][data-paper-id="2509.10006"]');
    await row.waitFor();
    expect(await row.locator('.row-title').textContent()).toBe(NASTY_TITLES[5]);
    await row.click();
    await popup.getByTestId('status').waitFor();
    expect(await popup.locator('.editor textarea').inputValue()).toContain('<img src=x onerror=alert(1)>');
    // The paper's GitHub and project links were `javascript:` URLs: they are not links at all.
    expect(await popup.getByRole('link', { name: /GitHub|Project page/ }).count()).toBe(0);
    await nothingRan(popup);
    await popup.close();
  });

  it('the library page shows every hostile title, tag and note marker as text', async () => {
    const page = await shelf.context.newPage();
    await page.goto(`chrome-extension://${shelf.extensionId}/library.html`);
    await page.getByRole('button', { name: /^All/ }).click();
    await page.locator('[data-testid="paper-row"]').first().waitFor();
    const titles = await page.locator('.row-title').allTextContents();
    expect(titles).toContain(NASTY_TITLES[5]);
    expect(await page.locator('.chip', { hasText: '<b>tag</b>' }).count()).toBeGreaterThan(0);
    expect(await page.locator('b', { hasText: 'tag' }).count()).toBe(0);
    await page.locator('[data-testid="paper-row"][data-paper-id="2509.10006"] .row-open').click();
    await page.getByTestId('status').waitFor();
    await nothingRan(page);
    await page.close();
  });
});

describe('huggingface.co', () => {
  it('a card whose title and data carry markup gets its button, labelled with the text, and nothing runs', async () => {
    let html = fixture('hf/hf-daily-2026-09-28.excerpt.html');
    // The card's heading as the site would escape it, and the embedded data with raw markup.
    html = html.replace(/(<h3[^>]*>\s*<a[^>]*href="\/papers\/2609\.30192"[^>]*>)([^<]*)/, (_m, open) => `${open}${escapeAttr(EVIL)}`);
    html = html.replace(/data-props="([^"]*)"/, (_m, raw: string) => {
      const props = JSON.parse(
        raw
          .replace(/&quot;/g, '"')
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&amp;/g, '&'),
      );
      props.dailyPapers[0].paper.title = EVIL;
      props.dailyPapers[0].title = EVIL;
      props.dailyPapers[0].paper.summary = EVIL;
      props.dailyPapers[0].paper.authors = [{ name: EVIL }];
      return `data-props="${escapeAttr(JSON.stringify(props))}"`;
    });
    shelf.site.set('/papers/date/2026-09-27', html);
    const page = await shelf.context.newPage();
    await page.goto('https://huggingface.co/papers/date/2026-09-27');
    await bookmarkButton(page, '2609.30192').waitFor();
    expect(await bookmarkButton(page, '2609.30192').getAttribute('aria-label')).toContain('<img src=x');
    await bookmarkButton(page, '2609.30192').click();
    await page.waitForSelector('button[data-paper-id="2609.30192"][aria-pressed="true"]');
    await bookmarkButton(page, '2609.31620').click();
    await page.waitForSelector('button[data-paper-id="2609.31620"][aria-pressed="true"]');
    expect(dialogs).toEqual([]);
    expect(await page.title()).not.toBe('pwned');

    // The popup, over that tab, offers its papers with the same text.
    const popup = await openPopup(shelf);
    await popup.getByTestId('search').fill('pwned');
    await popup.locator('[data-testid="paper-row"][data-paper-id="2609.30192"]').waitFor();
    expect(await popup.locator('[data-testid="paper-row"][data-paper-id="2609.30192"] .row-title').textContent()).toBe(EVIL);
    await nothingRan(popup);
  });
});
