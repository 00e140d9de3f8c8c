/**
 * Triage's costs, in a real Chromium with the built extension, against 200 follows of which a
 * few match every card (so each card of the page is highlighted with its reasons):
 * - the content script at page load on a 100-card listing: its scan (`hfp:scan`) and the marks
 *   and highlights of the first reply (`hfp:marks`), the main-thread work the page pays for;
 *   the listing's bar, drawn afterwards by papers-later.js (`hfp:bar`);
 * - a status or a tag set from the card's menu, from the change to the card showing it
 *   (`hfp:triage`: the request, its transaction, the reply applied to the card);
 * - follow matching of the page's 100 papers in the background worker (`hfp:match`).
 */
import type { Page, Worker } from 'playwright-core';
import { extensionPage, launchShelf, send, type Shelf } from '../harness/browser';
import { listingPage } from '../harness/pages';
import { median, ms, quantile, type Row } from './stats';

const LOADS = 25;
const CHANGES = 30;

/** 200 follows: 70 authors, 60 organisations, 70 keywords; four of them match the listing's cards. */
function follows(): Array<{ kind: string; value: string }> {
  const out: Array<{ kind: string; value: string }> = [
    { kind: 'author', value: 'Hongyang Du' },
    { kind: 'author', value: 'Xiaochen Ma' },
    { kind: 'org', value: 'Peking University' },
    { kind: 'keyword', value: 'representation autoencoders' },
  ];
  const words = [
    'diffusion',
    'agents',
    'world model',
    'tool use',
    'RLHF',
    'mixture of experts',
    'speculative decoding',
    'video generation',
    'robotics',
  ];
  for (let i = 0; out.length < 70; i++) out.push({ kind: 'author', value: `Author ${String.fromCharCode(65 + (i % 26))}. Name${i}` });
  for (let i = 0; out.length < 130; i++) out.push({ kind: 'org', value: `lab-${i}-ai` });
  for (let i = 0; out.length < 200; i++) out.push({ kind: 'keyword', value: `${words[i % words.length]} ${i}` });
  return out;
}

const durations = (where: Page | Worker, name: string): Promise<number[]> =>
  (where as Page).evaluate(`performance.getEntriesByName(${JSON.stringify(name)}).map((e) => e.duration)`) as Promise<number[]>;

const row = (what: string, xs: number[], target?: number, unit = 'runs'): Row => ({
  what,
  figure: ms(median(xs)),
  detail: `p90 ${ms(quantile(xs, 0.9))}, ${xs.length} ${unit}`,
  ...(target !== undefined ? { target: `≤ ${target} ms`, ok: median(xs) <= target } : {}),
});

export async function benchTriage(): Promise<Row[]> {
  const shelf: Shelf = await launchShelf({ images: false });
  const rows: Row[] = [];
  try {
    const ctl = await extensionPage(shelf);
    for (const f of follows()) await send(ctl, 'follow', f);
    shelf.site.set('/papers', listingPage({ cards: 100, periodType: 'week' }).html);
    const page = await shelf.context.newPage();
    const scan: number[] = [];
    const marks: number[] = [];
    const bar: number[] = [];
    const highlighted: number[] = [];
    // The first sight of the listing (not counted): the library learns its papers from the
    // embedded JSON handed over in idle time; later loads show every highlight with the first reply.
    for (let i = -1; i < LOADS; i++) {
      await page.goto('https://huggingface.co/papers');
      await page.waitForFunction(() => performance.getEntriesByName('hfp:bar').length > 0, undefined, { timeout: 10_000 });
      await page.waitForTimeout(300);
      if (i < 0) continue;
      scan.push((await durations(page, 'hfp:scan'))[0]!);
      // Every reply's marks during the load (one, once the library knows the papers).
      marks.push((await durations(page, 'hfp:marks')).reduce((a, b) => a + b, 0));
      bar.push((await durations(page, 'hfp:bar'))[0]!);
      highlighted.push(await page.locator('[data-hfp-marks~="followed"][data-hfp-reason]').count());
    }
    if (Math.min(...highlighted) !== 100) throw new Error(`only ${Math.min(...highlighted)} of 100 cards highlighted`);
    const both = scan.map((s, i) => s + marks[i]!);
    rows.push(row('page load, 100 cards, marks and highlights: scan + first marks', both, 2, 'loads'));
    rows.push(row('  of which the scan (buttons, report)', scan, undefined, 'loads'));
    rows.push(row('  of which the marks and highlights (every reply of the load)', marks, undefined, 'loads'));
    rows.push(row('listing bar (papers-later.js, after the marks)', bar, undefined, 'loads'));

    // The card's menu: a status or a tag, set → stored → shown on the card.
    await page.locator('[data-hfp-action="menu"]').first().click();
    await page.waitForSelector('[data-hfp-ui="menu"]');
    for (let i = 0; i < CHANGES; i++) {
      await page.evaluate((i) => {
        const menu = document.querySelector('[data-hfp-ui="menu"]')!;
        if (i % 2) {
          const input = menu.querySelector<HTMLInputElement>('[data-hfp-action="tag-input"]')!;
          input.value = `tag ${i}`;
          input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
        } else {
          const status = menu.querySelector<HTMLSelectElement>('[data-hfp-action="status"]')!;
          status.value = ['to-read', 'reading', 'read'][i % 3]!;
          status.dispatchEvent(new Event('change'));
        }
      }, i);
      await page.waitForFunction((n) => performance.getEntriesByName('hfp:triage').length >= n, i + 1);
      await page.waitForTimeout(30);
    }
    rows.push(row('card menu: status or tag → stored → shown on the card', await durations(page, 'hfp:triage'), 30, 'changes'));

    const worker = shelf.context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${shelf.extensionId}/`))!;
    // The page's reports of its 100 cards (one per load), not the small backfills of the follows.
    const match = (await durations(worker, 'hfp:match')).slice(-LOADS);
    rows.push(row('follow matching in the worker: 100 papers × 200 follows', match, 5, 'pages'));
  } finally {
    await shelf.close();
  }
  return rows;
}
