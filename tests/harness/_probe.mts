import { launchShelf } from './browser';
import { listingPage } from './pages';
import { median } from '../bench/stats';
const RERENDER = `(() => {
  const root = document.querySelector('[data-target="DailyPapers"]');
  if (!window.__f) { window.__f = root.cloneNode(true); for (const el of window.__f.querySelectorAll('button[data-hfp-action]')) el.remove(); for (const el of window.__f.querySelectorAll('[data-hfp-paper]')) el.removeAttribute('data-hfp-paper'); }
  window.__n = (window.__n || 0) + 1; history.pushState({}, '', '/papers/date/2026-09-' + String(1 + (window.__n % 28)).padStart(2, '0'));
  root.replaceWith(window.__f.cloneNode(true));
})()`;
const shelf = await launchShelf({ images: false });
shelf.site.set('/papers', listingPage({ cards: 100 }).html);
const page = await shelf.context.newPage();
await page.goto('https://huggingface.co/papers');
await page.waitForTimeout(500);
for (let i = 0; i < 25; i++) { await page.evaluate(RERENDER); await page.waitForTimeout(250); }
const r: Record<string, number[]> = await page.evaluate(`Object.fromEntries(['dbg:find','dbg:props','dbg:loop','hfp:scan'].map(n => [n, performance.getEntriesByName(n).slice(1).map(e => e.duration)]))`);
for (const [k, v] of Object.entries(r)) console.log(k, median(v).toFixed(2), v.map((x) => x.toFixed(1)).join(' '));
await shelf.close();
