/**
 * The reading list's costs, in a real Chromium with the built extension:
 * - click → button pressed → stored (the content script's `hfp:bookmark` measure);
 * - ingest of 1,000 cards (the `ingest` request, from an extension page) against a raw
 *   IndexedDB put of the same records in the same page and run;
 * - tagging one paper of a 10,000-paper library against the way a popular paper extension
 *   stores its library: one chrome.storage.local object, read and rewritten on every edit
 *   (a small baseline extension written here, loaded beside ours).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { extensionPage, fixture, launchShelf } from '../harness/browser';
import { seedLibrary, syntheticPapers } from '../harness/library';
import { median, ms, type Row } from './stats';

/** Round trip of one request from an extension page, timed inside the page. */
/** The page's extension API, as much of it as the bench calls. */
type WithChrome = { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } };

async function timeRequest(page: Page, type: string, payload: unknown): Promise<number> {
  return page.evaluate(
    async ([type, payload]) => {
      const t = performance.now();
      const reply = (await (globalThis as unknown as WithChrome).chrome.runtime.sendMessage({ hfp: 1, type, payload })) as {
        ok: boolean;
        message?: string;
      };
      if (!reply.ok) throw new Error(reply.message);
      return performance.now() - t;
    },
    [type, payload] as const,
  );
}

/** The same records put straight into an IndexedDB store of the extension's origin, one transaction. */
async function rawPut(page: Page, records: unknown[], store: string): Promise<number> {
  return page.evaluate(
    async ([records, store]) => {
      const db: IDBDatabase = await new Promise((resolve, reject) => {
        const open = indexedDB.open(`bench-raw-${store}`, 1);
        open.onupgradeneeded = () => open.result.createObjectStore('papers', { keyPath: 'id' });
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const t = performance.now();
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction('papers', 'readwrite');
        const s = tx.objectStore('papers');
        for (const r of records as object[]) s.put(r);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      const elapsed = performance.now() - t;
      db.close();
      return elapsed;
    },
    [records, store] as const,
  );
}

const BASELINE_MANIFEST = {
  manifest_version: 3,
  name: 'storage.local baseline',
  version: '1.0',
  permissions: ['storage', 'unlimitedStorage'],
  background: { service_worker: 'bg.js' },
};
const BASELINE_WORKER = `
let pending = [];
chrome.runtime.onMessage.addListener((m, _sender, reply) => {
  (async () => {
    try {
    if (m.op === 'add') { pending.push(...m.papers); reply({ ok: true }); return; }
    if (m.op === 'commit') {
      const library = {};
      for (const p of pending) library[p.id] = { ...p, tags: [], status: 'to-read', note: '' };
      pending = [];
      await chrome.storage.local.set({ library });
      reply({ ok: true, size: Object.keys(library).length });
      return;
    }
    if (m.op === 'tag') {
      // How a whole-object store edits one paper: read everything, change one, write everything.
      const { library } = await chrome.storage.local.get('library');
      library[m.id].tags.push(m.tag);
      await chrome.storage.local.set({ library });
      reply({ ok: true });
    }
    } catch (err) {
      reply({ ok: false, message: String(err) });
    }
  })();
  return true;
});`;

export async function benchLibrary(): Promise<Row[]> {
  const rows: Row[] = [];
  const baselineDir = mkdtempSync(join(tmpdir(), 'hfp-baseline-'));
  writeFileSync(join(baselineDir, 'manifest.json'), JSON.stringify(BASELINE_MANIFEST));
  writeFileSync(join(baselineDir, 'bg.js'), BASELINE_WORKER);
  const shelf = await launchShelf({ images: false, alsoLoad: [baselineDir] });
  try {
    // Click → pressed → stored.
    shelf.site.set('/papers', fixture('hf/hf-daily-2026-09-28.excerpt.html'));
    const page = await shelf.context.newPage();
    await page.goto('https://huggingface.co/papers');
    await page.waitForSelector('button[data-hfp-action]');
    const pressedAt: number[] = [];
    for (let i = 0; i < 30; i++) {
      const id = ['2609.31620', '2609.18703', '2609.31473', '2609.30192', '2609.30670'][i % 5]!;
      pressedAt.push(
        await page.evaluate((id) => {
          const b = document.querySelector<HTMLButtonElement>(`button[data-hfp-action="bookmark"][data-paper-id="${id}"]`)!;
          const before = b.getAttribute('aria-pressed');
          const t = performance.now();
          b.click();
          return b.getAttribute('aria-pressed') !== before ? performance.now() - t : NaN;
        }, id),
      );
      await page.waitForFunction((n) => performance.getEntriesByName('hfp:bookmark').length >= n, i + 1);
      await page.waitForTimeout(30);
    }
    const stored = (await page.evaluate(`performance.getEntriesByName('hfp:bookmark').map((e) => e.duration)`)) as number[];
    rows.push({ what: 'click → button pressed', figure: ms(median(pressedAt)), detail: `${pressedAt.length} clicks` });
    rows.push({
      what: 'click → button pressed → stored in IndexedDB',
      figure: ms(median(stored)),
      detail: `${stored.length} clicks, p90 ${ms([...stored].sort((a, b) => a - b)[Math.floor(stored.length * 0.9)]!)}`,
      target: '≤ 30 ms',
      ok: median(stored) <= 30,
    });

    // Ingest of 1,000 cards vs a raw bulk put of the same records.
    const ctl = await extensionPage(shelf);
    const worker = shelf.context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${shelf.extensionId}/`))!;
    const inWorker = async () => (await worker.evaluate(() => performance.getEntriesByName('hfp:ingest').map((e) => e.duration))).at(-1)!;
    const trip: number[] = [];
    const ingest: number[] = [];
    const again: number[] = [];
    const raw: number[] = [];
    for (let run = 0; run < 9; run++) {
      const cards = syntheticPapers(1000, 100_000 + run * 1000);
      const pageRef = { url: 'https://huggingface.co/papers/week/2026-W39', kind: 'weekly' };
      // Alternate which goes first, and let each settle: neither pays for the other's writes.
      if (run % 2) raw.push(await rawPut(ctl, cards, `r${run}`));
      await ctl.waitForTimeout(200);
      trip.push(await timeRequest(ctl, 'ingest', { page: pageRef, cards }));
      ingest.push(await inWorker());
      await ctl.waitForTimeout(200);
      if (!(run % 2)) raw.push(await rawPut(ctl, cards, `r${run}`));
      await ctl.waitForTimeout(200);
      await timeRequest(ctl, 'ingest', { page: pageRef, cards });
      again.push(await inWorker());
    }
    const ratio = median(ingest) / median(raw);
    rows.push({ what: 'raw IndexedDB put of 1,000 papers (same records, one transaction)', figure: ms(median(raw)), detail: '9 runs' });
    rows.push({
      what: 'ingest of 1,000 new cards (validate → merge → store, in the worker)',
      figure: ms(median(ingest)),
      detail: `${ratio.toFixed(2)}× raw`,
      target: '≤ 100 ms and ≤ 1.5× raw',
      ok: median(ingest) <= 100 && ratio <= 1.5,
    });
    rows.push({
      what: 'ingest of the same 1,000 cards again (a revisit, in the worker)',
      figure: ms(median(again)),
      detail: `${(median(again) / median(raw)).toFixed(2)}× raw`,
    });
    rows.push({
      what: 'ingest of 1,000 new cards, round trip from a page (+ messaging)',
      figure: ms(median(trip)),
      detail: `${(median(trip) / median(raw)).toFixed(2)}× raw`,
    });

    // Tagging in a 10,000-paper library, ours vs one chrome.storage.local object.
    const library = syntheticPapers(10_000);
    await seedLibrary(ctl, library);
    const baselineWorker = shelf.context.serviceWorkers().find((w) => w.url().endsWith('/bg.js'))!;
    const baselineId = new URL(baselineWorker.url()).host;
    const base = await shelf.context.newPage();
    await base.goto(`chrome-extension://${baselineId}/manifest.json`);
    for (let i = 0; i < library.length; i += 1000) {
      await base.evaluate(
        (papers) => (globalThis as unknown as WithChrome).chrome.runtime.sendMessage({ op: 'add', papers }),
        library.slice(i, i + 1000),
      );
    }
    const committed = (await base.evaluate(() => (globalThis as unknown as WithChrome).chrome.runtime.sendMessage({ op: 'commit' }))) as {
      ok: boolean;
      size?: number;
      message?: string;
    };
    if (committed.size !== library.length) throw new Error(`baseline library not written: ${committed.message ?? committed.size}`);
    const oursTag: number[] = [];
    const theirsTag: number[] = [];
    for (let i = 0; i < 9; i++) {
      const id = library[(i * 997) % library.length]!.id;
      oursTag.push(await timeRequest(ctl, 'addTags', { ids: [id], tags: [`bench-${i}`] }));
      theirsTag.push(
        await base.evaluate(
          async ([id, tag]) => {
            const t = performance.now();
            await (globalThis as unknown as WithChrome).chrome.runtime.sendMessage({ op: 'tag', id, tag });
            return performance.now() - t;
          },
          [id, `bench-${i}`] as const,
        ),
      );
    }
    const speedup = median(theirsTag) / median(oursTag);
    rows.push({
      what: 'tag one paper, 10,000-paper library: one storage.local object',
      figure: ms(median(theirsTag)),
      detail: '9 edits, baseline extension',
    });
    rows.push({
      what: 'tag one paper, 10,000-paper library: HF Papers Shelf',
      figure: ms(median(oursTag)),
      detail: `${speedup.toFixed(0)}× faster`,
      target: '≥ 50× faster',
      ok: speedup >= 50,
    });
  } finally {
    await shelf.close();
  }
  return rows;
}
