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
