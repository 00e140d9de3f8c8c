/**
 * `npm run demo`: the main job, shown without a browser at hand. Launches headless Chromium with
 * the built extension on saved huggingface.co pages (no network, no display), bookmarks two
 * papers, tags one, follows an author, and writes screenshots (page kinds, triage marks with an open
 * card menu, the side panel, popup and library page in light and dark)
 * and every export format to demo-output/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, bookmarkButton, extensionPage, fixture, launchShelf, openPopup, send } from '../harness/browser';

const OUT = join(ROOT, 'demo-output');

async function main() {
  mkdirSync(OUT, { recursive: true });
  const shelf = await launchShelf();
  try {
    shelf.site.set('/papers', fixture('hf/hf-daily-2026-09-28.excerpt.html'));
    const page = await shelf.context.newPage();
    await page.goto('https://huggingface.co/papers');
    await page.waitForSelector('[data-hfp-paper] button[data-hfp-action="bookmark"]');
    for (const id of ['2609.31620', '2609.30192']) {
      await bookmarkButton(page, id).click();
      await page.waitForSelector(`button[data-paper-id="${id}"][aria-pressed="true"]`);
    }
    await page.screenshot({ path: join(OUT, 'page.png') });
    console.log('wrote demo-output/page.png: the daily page, two papers bookmarked');

    // Triage on the listing: marks (all new on a first visit), a followed author's card
    // highlighted with the reason, and a card's menu open.
    const follows = await extensionPage(shelf);
    await send(follows, 'follow', { kind: 'author', value: 'Dawei Zhou' });
    await follows.close();
    await page.waitForSelector('[data-hfp-paper="2609.30192"][data-hfp-reason]', { state: 'attached' });
    await page.locator('[data-hfp-action="menu"][data-paper-id="2609.31473"]').click();
    await page.waitForSelector('[data-hfp-ui="menu"]');
    await page.waitForTimeout(200);
    await page.screenshot({ path: join(OUT, 'triage.png') });
    console.log('wrote demo-output/triage.png: new marks and the listing bar, a followed author highlighted, a card menu open');
    await page.keyboard.press('Escape');

    // The side panel beside the page: its papers first, then the reading list.
    const panel = await shelf.context.newPage();
    await panel.setViewportSize({ width: 400, height: 760 });
    await panel.goto(`chrome-extension://${shelf.extensionId}/sidepanel.html`);
    await panel.waitForSelector('[data-page-paper]');
    await panel.waitForTimeout(300);
    await panel.screenshot({ path: join(OUT, 'sidepanel.png') });
    console.log('wrote demo-output/sidepanel.png: the side panel, the page’s papers then the reading list');
    await panel.close();
    await page.bringToFront();

    // The same buttons on other page kinds: dark mode, search results, a paper page.
    shelf.site.set('/papers/date/2026-09-28', fixture('hf/hf-daily-logged-in-dark.html'));
    shelf.site.set('/papers?q=iteration', fixture('hf/hf-search-iteration.html'));
    shelf.site.set('/papers/2508.02739', fixture('hf/hf-paper-2508.02739.html'));
    for (const [path, file, what] of [
      ['/papers/date/2026-09-28', 'page-dark.png', 'the daily page in dark mode, logged in'],
      ['/papers?q=iteration', 'search.png', 'search results, each with its button'],
      ['/papers/2508.02739', 'paper.png', 'a paper page, its button by the title'],
    ] as const) {
      const other = await shelf.context.newPage();
      await other.goto(`https://huggingface.co${path}`);
      await other.waitForSelector('[data-hfp-paper] button[data-hfp-action="bookmark"]');
      await other.waitForTimeout(200);
      await other.screenshot({ path: join(OUT, file) });
      console.log(`wrote demo-output/${file}: ${what}`);
      await other.close();
    }

    // The user's own data on them: a tag, a status, a note.
    const ctl = await extensionPage(shelf);
    await send(ctl, 'addTags', { ids: ['2609.31620'], tags: ['agents'] });
    await send(ctl, 'setStatus', { ids: ['2609.30192'], status: 'reading' });
    await send(ctl, 'setNote', { id: '2609.30192', note: 'Try the ablation of section 4.' });

    for (const scheme of ['light', 'dark'] as const) {
      const popup = await openPopup(shelf);
      await popup.emulateMedia({ colorScheme: scheme });
      await popup.setViewportSize({ width: 440, height: 580 });
      await popup.waitForSelector('[data-testid="paper-row"]');
      await popup.waitForTimeout(200);
      const name = scheme === 'light' ? 'popup.png' : 'popup-dark.png';
      await popup.screenshot({ path: join(OUT, name) });
      const rows = await popup.locator('[data-testid="paper-row"]').count();
      console.log(`wrote demo-output/${name}: the popup (${scheme}), ${rows} papers in the reading list`);
      await popup.close();

      const library = await shelf.context.newPage();
      await library.emulateMedia({ colorScheme: scheme });
      await library.setViewportSize({ width: 1280, height: 760 });
      await library.goto(`chrome-extension://${shelf.extensionId}/library.html`);
      await library.waitForSelector('[data-testid="paper-row"]');
      await library.waitForTimeout(200);
      await library.screenshot({ path: join(OUT, `library-${scheme}.png`) });
      console.log(`wrote demo-output/library-${scheme}.png: the library page (${scheme})`);
      await library.close();
    }

    // Every export format, as the library page downloads them.
    const exports = join(OUT, 'exports');
    mkdirSync(exports, { recursive: true });
    const library = await shelf.context.newPage();
    await library.goto(`chrome-extension://${shelf.extensionId}/library.html`);
    await library.getByLabel('Papers to export').selectOption('library');
    for (const format of ['json', 'csv', 'bibtex', 'markdown', 'ris', 'csljson']) {
      const [download] = await Promise.all([library.waitForEvent('download'), library.getByTestId(`export-${format}`).click()]);
      await download.saveAs(join(exports, download.suggestedFilename()));
      console.log(`wrote demo-output/exports/${download.suggestedFilename()}`);
    }
  } finally {
    await shelf.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
