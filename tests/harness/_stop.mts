import { launchShelf, fixture, bookmarkButton, controlWorker } from './browser';
const shelf = await launchShelf();
shelf.site.set('/papers', fixture('hf/hf-daily-2026-09-28.excerpt.html'));
const page = await shelf.context.newPage();
await page.goto('https://huggingface.co/papers');
await page.waitForSelector('button[data-hfp-action]');
const w = await controlWorker(shelf);
const IDS = ['2609.31620', '2609.18703', '2609.31473', '2609.30192', '2609.30670'];
let seed = 42;
const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 5;
const t0 = Date.now();
for (let i = 0; i < 100; i++) {
  const id = IDS[next()]!;
  const a = Date.now();
  await bookmarkButton(page, id).click();
  const b = Date.now();
  if (i % 10 === 3) await w.stop();
  if (i % 10 === 7) {
    await page.waitForTimeout(50);
    await w.stop();
  }
  const toast = await page
    .locator('[data-hfp-ui="toast"]:not([hidden])')
    .textContent({ timeout: 10 })
    .catch(() => null);
  if (toast || b - a > 500) console.log(i, 'click', b - a, 'ms', toast ?? '');
}
console.log('total', Date.now() - t0, 'stops', w.stops);
await shelf.close();
