/**
 * `npm run demo`: the main job, shown without a browser at hand. Launches headless Chromium with
 * the built extension on saved huggingface.co pages (no network, no display), bookmarks two
 * papers, and writes screenshots to demo-output/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, bookmarkButton, fixture, launchShelf, openPopup } from '../harness/browser';

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

    const popup = await openPopup(shelf);
    await popup.setViewportSize({ width: 420, height: 360 });
    await popup.waitForSelector('[data-testid="paper-row"]');
    await popup.screenshot({ path: join(OUT, 'popup.png') });
    const rows = await popup.locator('[data-testid="paper-row"]').count();
    console.log(`wrote demo-output/popup.png: the popup, ${rows} papers in the reading list`);
  } finally {
    await shelf.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
