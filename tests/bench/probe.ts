import { fixture, launchShelf } from '../harness/browser';
const shelf = await launchShelf();
shelf.site.set('/papers', fixture('hf/hf-daily-2026-09-28.excerpt.html'));
const page = await shelf.context.newPage();
await page.goto('https://huggingface.co/papers');
await page.waitForSelector('button[data-hfp-action]');
await page.bringToFront();
const popupPromise = shelf.context.waitForEvent('page', { timeout: 5000 }).catch((e) => String(e));
const r = await shelf.worker.evaluate(async () => { try { await (globalThis as any).chrome.action.openPopup(); return 'ok'; } catch (e) { return String(e); } });
console.log('openPopup:', r);
const popup = await popupPromise;
console.log(typeof popup === 'string' ? popup : (popup as any).url());
if (typeof popup !== 'string') { await (popup as any).waitForSelector('.page-cards', { timeout: 5000 }).then(() => console.log('page cards shown')).catch((e: unknown) => console.log('no page cards', String(e).slice(0, 100))); }
await shelf.close();
