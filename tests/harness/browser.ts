/**
 * A real Chromium with the built extension, the site served from saved pages. Used by the
 * end-to-end tests, the demo and the benchmark.
 */
import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { requireChromium } from './chromium';

export const ROOT = resolve(import.meta.dirname, '../..');
export const EXTENSION_DIR = join(ROOT, '.output/chrome-mv3');
export const FIXTURES = join(ROOT, 'tests/fixtures');

export interface Shelf {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  profile: string;
  /** Pages served for https://huggingface.co/<path>: matched on path and query first
   *  (`/papers?q=iteration`), then on the path alone (`/papers`). */
  site: Map<string, string>;
  /** JSON answers for https://huggingface.co/api/... paths; absent → 404. */
  api: Map<string, unknown>;
  close(opts?: { keepProfile?: boolean }): Promise<void>;
}

export function requireBuild() {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension in ${EXTENSION_DIR}: run \`npm run build:chrome\` first.`);
  }
}

export interface LaunchOptions {
  profile?: string;
  site?: Map<string, string>;
  /** Off for the benchmark: image decoding would add noise to main-thread timings. */
  images?: boolean;
  /** Other unpacked extensions to load beside ours (the benchmark's baseline). */
  alsoLoad?: string[];
  /** Another copy of the built extension (a test's variant of its manifest); the build by default. */
  extensionDir?: string;
}

export async function launchShelf(opts: LaunchOptions = {}): Promise<Shelf> {
  requireBuild();
  const profile = opts.profile ?? mkdtempSync(join(tmpdir(), 'hfp-profile-'));
  const load = [opts.extensionDir ?? EXTENSION_DIR, ...(opts.alsoLoad ?? [])].join(',');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: requireChromium(),
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [
      `--disable-extensions-except=${load}`,
      `--load-extension=${load}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...(opts.images === false ? ['--blink-settings=imagesEnabled=false'] : []),
    ],
  });
  const site = opts.site ?? new Map<string, string>();
  const api = new Map<string, unknown>();
  await context.route('https://huggingface.co/**', async (route) => {
    const url = new URL(route.request().url());
    if (url.pathname.startsWith('/api/')) {
      const body = api.get(url.pathname + url.search) ?? api.get(url.pathname);
      return body === undefined
        ? route.fulfill({ status: 404, contentType: 'application/json', body: '{"error":"Not found"}' })
        : route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(body) });
    }
    if (url.pathname === SITE_CSS) return route.fulfill({ status: 200, contentType: 'text/css', body: siteCss });
    const html = site.get(url.pathname + url.search) ?? site.get(url.pathname);
    if (html === undefined) return route.fulfill({ status: 404, contentType: 'text/html', body: '<h1>Not in the test site</h1>' });
    return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: withSiteCss(html) });
  });
  await context.route('https://cdn-thumbnails.huggingface.co/**', (route) =>
    route.fulfill({ status: 200, contentType: 'image/svg+xml', body: thumbnail(route.request().url()) }),
  );
  // Everything else (avatars, fonts) is offline: answer at once instead of timing out.
  await context.route(/^https:\/\/(?!huggingface\.co\/|cdn-thumbnails\.)/, (route) => route.fulfill({ status: 404, body: '' }));
  const ours = (w: Worker) => w.url().endsWith('/background.js');
  const worker = context.serviceWorkers().find(ours) ?? (await context.waitForEvent('serviceworker', { predicate: ours }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    worker,
    profile,
    site,
    api,
    async close({ keepProfile = false } = {}) {
      await context.close();
      if (!keepProfile) rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The saved pages come without the site's stylesheet; tests/fixtures/site-lite.css stands in. */
const SITE_CSS = '/front/hfp-test/site-lite.css';
const siteCss = readFileSync(join(FIXTURES, 'site-lite.css'), 'utf8');

function withSiteCss(html: string): string {
  const link = `<link rel="stylesheet" href="${SITE_CSS}">`;
  return html.includes('</head>') ? html.replace('</head>', `${link}</head>`) : link + html;
}

/** Thumbnails are drawn, not downloaded: a soft gradient named after the paper. */
function thumbnail(url: string): string {
  const id = /papers\/([^/]+)\.png/.exec(url)?.[1] ?? '';
  const hue = [...id].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 360, 7);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="360"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${hue} 70% 92%)"/><stop offset="1" stop-color="hsl(${(hue + 40) % 360} 60% 80%)"/></linearGradient></defs><rect width="640" height="360" fill="url(#g)"/><text x="48" y="320" font-family="sans-serif" font-size="28" fill="hsl(${hue} 30% 35%)">arXiv ${id}</text></svg>`;
}

export function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

export async function openPopup(shelf: Shelf): Promise<Page> {
  const page = await shelf.context.newPage();
  await page.goto(`chrome-extension://${shelf.extensionId}/popup.html`);
  return page;
}

/** One record of the extension's IndexedDB, read in its service worker. */
export async function dbGet<T = Record<string, unknown>>(shelf: Shelf, table: string, key: string): Promise<T | undefined> {
  const worker = shelf.context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${shelf.extensionId}/`)) ?? shelf.worker;
  return worker.evaluate(
    ([table, key]) =>
      new Promise<T | undefined>((resolve, reject) => {
        const open = indexedDB.open('hf-papers-shelf');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains(table)) return resolve(undefined);
          const get = db.transaction(table).objectStore(table).get(key);
          get.onsuccess = () => resolve(get.result as T | undefined);
          get.onerror = () => reject(get.error);
        };
      }),
    [table, key] as const,
  );
}

/** Writes records into the extension's IndexedDB from its service worker (a test moving the clock of stored data). */
export async function dbPut(shelf: Shelf, table: string, values: unknown[]): Promise<void> {
  const worker = shelf.context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${shelf.extensionId}/`)) ?? shelf.worker;
  await worker.evaluate(
    ([table, values]) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('hf-papers-shelf');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(table, 'readwrite');
          for (const v of values) tx.objectStore(table).put(v);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
      }),
    [table, values] as const,
  );
}

/** Polls until `check` holds (or throws its last failure after `ms`). */
export async function eventually<T>(check: () => Promise<T>, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > end) throw err;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

/** The bookmark button of one card on a papers page. */
export function bookmarkButton(page: Page, id: string) {
  return page.locator(`[data-hfp-paper="${id}"] button[data-hfp-action="bookmark"][data-paper-id="${id}"]`);
}

/** A quiet extension page (no scripts): a place to send requests and CDP commands from. */
export async function extensionPage(shelf: Shelf): Promise<Page> {
  const page = await shelf.context.newPage();
  await page.goto(`chrome-extension://${shelf.extensionId}/manifest.json`);
  return page;
}

/** A request of the extension's protocol, sent from an extension page as the popup sends it. */
export async function send<T = unknown>(page: Page, type: string, payload: unknown): Promise<T> {
  const reply = (await page.evaluate(
    ([type, payload]) =>
      (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({
        hfp: 1,
        type,
        payload,
      }),
    [type, payload] as const,
  )) as { ok: boolean; value?: T; message?: string };
  if (!reply?.ok) throw new Error(`${type} failed: ${reply?.message}`);
  return reply.value as T;
}

/** Stops the extension's service worker, as Chrome does to an idle one (CDP ServiceWorker.stopWorker). */
export async function controlWorker(shelf: Shelf) {
  const page = await extensionPage(shelf);
  const cdp = await shelf.context.newCDPSession(page);
  const status = new Map<string, string>();
  cdp.on('ServiceWorker.workerVersionUpdated', (e) => {
    for (const v of e.versions) if (v.scriptURL.includes(shelf.extensionId)) status.set(v.versionId, v.runningStatus);
  });
  await cdp.send('ServiceWorker.enable');
  let stops = 0;
  return {
    page,
    get stops() {
      return stops;
    },
    async stop() {
      // Only a running worker: stopping one still starting can take the browser down with it.
      const running = [...status].filter(([, s]) => s === 'running').map(([id]) => id);
      for (const versionId of running) await cdp.send('ServiceWorker.stopWorker', { versionId }).catch(() => undefined);
      if (running.length) stops++;
    },
  };
}
