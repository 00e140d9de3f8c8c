/**
 * The library at 10,000 and at 100,000 papers (a fifth of them saved, with tags and notes), in a
 * real Chromium, measured as the user sees it: each figure ends when the screen shows the result
 * (the first row painted, the rows answering this keystroke, the row showing the new status or
 * tag), from the measures the pages record. Store round trips are printed beside, as such.
 */
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { extensionPage, launchShelf, send, type Shelf } from '../harness/browser';
import { seedLibrary, syntheticPapers } from '../harness/library';
import { heapOf } from './heap';

export interface Figures {
  [measure: string]: number[];
}

const measures = (page: Page, name: string) => page.evaluate((name) => performance.getEntriesByName(name).map((e) => e.duration), name);
const mark = (page: Page, name: string) => page.evaluate((name) => performance.getEntriesByName(name)[0]?.startTime ?? Number.NaN, name);

/** Fills a library of `n` papers, a fifth saved; every tenth saved one tagged, every twentieth with a note. */
async function seed(ctl: Page, n: number) {
  const papers = syntheticPapers(n);
  const saved = papers.filter((_, i) => i % 5 === 0).map((p) => p.id);
  await seedLibrary(ctl, papers, saved);
  for (let t = 0; t < 8; t++) await send(ctl, 'addTags', { ids: saved.filter((_, i) => i % 10 === t), tags: [`topic-${t}`] });
  for (let i = 0; i < saved.length; i += 20)
    await send(ctl, 'setNote', { id: saved[i]!, note: `compare with table ${i % 9}; ablation on ${i % 7} seeds` });
  return { papers, saved };
}

/** Navigation → the first row's title on screen (Element Timing's render time). */
async function firstRow(shelf: Shelf, path: string): Promise<{ ms: number; page: Page }> {
  const page = await shelf.context.newPage();
  await page.goto(`chrome-extension://${shelf.extensionId}/${path}`);
  await page.waitForSelector('[data-testid="paper-row"]');
  const ms = await page.evaluate(
    () =>
      new Promise<number>((resolve) =>
        new PerformanceObserver((list) => resolve((list.getEntries()[0] as PerformanceEntry & { renderTime: number }).renderTime)).observe({
          type: 'element',
          buffered: true,
        }),
      ),
  );
  return { ms, page };
}

const ready = (page: Page, name: 'hfp:catalog:ready' | 'hfp:catalog:indexed', timeout = 120_000) =>
  page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, name, { timeout, polling: 50 });

async function typeSlowly(page: Page, query: string, gap: number) {
  const box = page.getByTestId('search');
  await box.fill('');
  for (const ch of query) {
    await box.press(ch === ' ' ? 'Space' : ch);
    await page.waitForTimeout(gap);
  }
}

/** Sets the selected row's status from the keyboard; ms until that row shows it, painted. */
async function statusToRow(page: Page, key: '1' | '2', label: string): Promise<number> {
  // (No named functions inside: tsx would wrap them in a helper the page does not have.)
  return page.evaluate(
    ([key, label]) =>
      new Promise<number>((resolve) => {
        const row = document.querySelector('[data-testid="paper-row"].selected')!;
        const start = performance.now();
        new MutationObserver((_, o) => {
          if (row.querySelector('.status')?.textContent !== label) return;
          o.disconnect();
          requestAnimationFrame(() => resolve(performance.now() - start));
        }).observe(row, { subtree: true, childList: true, characterData: true });
        window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
      }),
    [key, label] as const,
  );
}

export async function benchScale(n: number): Promise<Figures> {
  const f: Figures = {};
  const backupPath = join(mkdtempSync(join(tmpdir(), 'hfp-scale-')), `backup-${n}.json`);
  const add = (k: string, v: number) => {
    f[k] ??= [];
    f[k].push(v);
  };
  const shelf = await launchShelf({ images: false });
  try {
    const ctl = await extensionPage(shelf);
    if (process.env.HFP_BENCH_SYNC === 'off') await send(ctl, 'setSettings', { sync: false });
    const seedStart = Date.now();
    const { saved } = await seed(ctl, n);
    add('seed (s)', (Date.now() - seedStart) / 1000);

    // The very first opening: the catalogue reads the whole library once and keeps a snapshot.
    const first = await firstRow(shelf, 'library.html');
    await ready(first.page, 'hfp:catalog:ready');
    add('first opening ever: every paper in the catalogue', await mark(first.page, 'hfp:catalog:ready'));
    await ready(first.page, 'hfp:catalog:indexed', 600_000);
    add('first opening ever: abstracts indexed', await mark(first.page, 'hfp:catalog:indexed'));
    await first.page.waitForTimeout(4000); // the snapshot is written when the worker is quiet
    await first.page.close();

    for (let i = 0; i < 9; i++) {
      const { ms, page } = await firstRow(shelf, 'popup.html');
      add('popup open → first row painted', ms);
      await page.close();
    }
    for (let i = 0; i < 7; i++) {
      const { ms, page } = await firstRow(shelf, 'library.html');
      add('library page → first row painted', ms);
      await ready(page, 'hfp:catalog:indexed');
      add('title, authors, tags, notes searchable after opening', await mark(page, 'hfp:catalog:ready'));
      add('abstracts searchable after opening', await mark(page, 'hfp:catalog:indexed'));
      if (i === 6) {
        const heap = await heapOf(page);
        add('JS heap: library page + its worker (MB)', heap / 1e6);
      }
      await page.close();
    }

    // The first search typed right after opening: keys 30 ms apart from the moment the page loads.
    for (const query of ['diffusion', 'lena tanaka', 'topic-3', 'reasoning agent', 'ablation seeds']) {
      const page = await shelf.context.newPage();
      await page.goto(`chrome-extension://${shelf.extensionId}/popup.html`);
      await typeSlowly(page, query, 30);
      await page.waitForFunction(() => performance.getEntriesByName('hfp:search').length > 0, undefined, { timeout: 10_000 });
      await page.waitForTimeout(300);
      const last = (await measures(page, 'hfp:search')).at(-1)!;
      add('first search after opening → its answer on screen', last);
      await page.close();
    }

    // Keystrokes once open: each to the paint of the rows answering it.
    const popup = await shelf.context.newPage();
    await popup.goto(`chrome-extension://${shelf.extensionId}/popup.html`);
    await ready(popup, 'hfp:catalog:ready');
    for (const query of ['diffusion model', 'reasoning agent', 'topic-3', 'lena tanaka', 'ablation', 'okafor', 'visual tokens']) {
      await typeSlowly(popup, query, 60);
      await popup.waitForTimeout(200);
    }
    for (const x of await measures(popup, 'hfp:search')) add('search keystroke → rows answering it, painted', x);
    await popup.close();

    // Edits on the library page: the row shows the new status.
    const lib = await shelf.context.newPage();
    await lib.goto(`chrome-extension://${shelf.extensionId}/library.html`);
    await ready(lib, 'hfp:catalog:ready');
    await lib.getByRole('button', { name: 'All' }).click();
    await lib
      .locator('[data-testid="paper-row"]')
      .nth(3)
      .click({ position: { x: 600, y: 5 } });
    await lib.keyboard.press('Escape');
    for (let i = 0; i < 11; i++) {
      const shown = await statusToRow(lib, i % 2 ? '1' : '2', i % 2 ? 'To read' : 'Reading');
      await lib.waitForFunction((n) => performance.getEntriesByName('hfp:edit:stored').length > n, i, { timeout: 10_000 });
      const stored = (await measures(lib, 'hfp:edit:stored')).at(-1)!;
      add('status edit → shown in its row', shown);
      add('status edit → stored (round trip to the background)', stored);
      add('status edit → shown in its row and stored', Math.max(shown, stored));
    }
    await lib.close();

    // A 100-card page into this library, in the worker (validation to stored).
    const cards = syntheticPapers(100, n + 500_000);
    for (let i = 0; i < 9; i++) {
      const batch = cards.map((c, k) => ({ ...c, id: `26${10 + i}.${String(10000 + k)}` }));
      await send(ctl, 'ingest', { page: { url: 'https://huggingface.co/papers', kind: 'daily' }, cards: batch });
    }
    for (const x of (await shelf.worker.evaluate(() => performance.getEntriesByName('hfp:ingest').map((e) => e.duration))).slice(-9)) {
      add('a 100-card page ingested in the worker', x);
    }
    f.saved = [saved.length];

    // Exports of the whole library from the library page: the JSON backup of every paper, the
    // other formats of the reading list; the backup is kept for the import below.
    const exp = await shelf.context.newPage();
    await exp.goto(`chrome-extension://${shelf.extensionId}/library.html`);
    await ready(exp, 'hfp:catalog:ready');
    await exp.getByLabel('Papers to export').selectOption('library');
    for (const format of ['json', 'csv', 'bibtex', 'markdown', 'ris', 'csljson'] as const) {
      for (let i = 0; i < 3; i++) {
        const download = exp.waitForEvent('download', { timeout: 120_000 });
        await exp.getByTestId(`export-${format}`).click();
        const file = await download;
        if (format === 'json' && i === 0) {
          await file.saveAs(backupPath);
          add('backup file (MB)', statSync(backupPath).size / 1e6);
        } else await file.delete();
      }
      for (const x of await measures(exp, `hfp:export:${format}`)) add(`export ${format}`, x);
    }
    await exp.close();
  } finally {
    await shelf.close();
  }

  // The library's own backup into an empty profile: time to the summary, and the page's heap at its highest.
  const target = await launchShelf({ images: false });
  try {
    const page = await target.context.newPage();
    await page.goto(`chrome-extension://${target.extensionId}/library.html`);
    const result = page.getByTestId('import-result');
    await result.waitFor({ state: 'attached' });
    const session = await page.context().newCDPSession(page);
    let peak = 0;
    let importing = true;
    const sampling = (async () => {
      while (importing) {
        peak = Math.max(peak, (await session.send('Runtime.getHeapUsage')).usedSize);
        await new Promise((r) => setTimeout(r, 200));
      }
    })();
    await page.getByTestId('import-file').setInputFiles(backupPath);
    const sawProgress = await page
      .getByTestId('import-progress')
      .waitFor({ timeout: 10_000 })
      .then(
        () => 1,
        () => 0,
      );
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="import-result"]')?.getAttribute('data-imports')) > 0, undefined, {
      timeout: 600_000,
    });
    importing = false;
    await sampling;
    const text = (await result.textContent()) ?? '';
    if (!/imported/.test(text)) throw new Error(`import failed: ${text}`);
    add('import of the library’s own backup (s)', (await measures(page, 'hfp:import')).at(-1)! / 1000);
    add('import: page heap at its highest ÷ file size', peak / statSync(backupPath).size);
    add('import: progress bar shown', sawProgress);
    add('import: papers restored', Number(/^([\d,]+) papers? imported/.exec(text)?.[1]?.replace(/,/g, '') ?? 0));
  } finally {
    await target.close();
  }
  return f;
}
