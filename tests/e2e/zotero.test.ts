/**
 * "Send to Zotero" in a real Chromium, against the stand-in Zotero listening where Zotero listens
 * (127.0.0.1:23119; it follows Zotero's connector source: tests/harness/ZOTERO-PROTOCOL.md) and
 * checking every request as Zotero would: headers, body shape, each saved item read back by a
 * citation parser. Zotero itself cannot run here.
 *
 * The permission: a test cannot answer Chromium's permission prompt (browser UI, out of the page's
 * reach). "Allowed" runs a copy of the build whose manifest lists the loopback host as a required
 * host permission (granted at install, so `permissions.request` resolves true without a prompt);
 * "not granted" runs the build as shipped: a click asks (the prompt stays up, unanswered, in headless
 * Chromium), and Chrome's own refusal of a request made outside a user's action stands in for "Deny"
 * (see PERMISSION below; a refusal answered `false` is in tests/unit/zotero-flow.test.ts).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbGet, EXTENSION_DIR, eventually, launchShelf, openPopup, ROOT, type Shelf } from '../harness/browser';
import { ZoteroStandin } from '../harness/zotero-standin';
import { awkwardLibrary } from '../fixtures/awkward-library';

const LOOPBACK = 'http://127.0.0.1/*';
const { papers, entries, tags } = awkwardLibrary();
const saved = entries.filter((e) => e.bookmarkedAt !== undefined);
const ONE = saved.find((e) => e.tags.length && e.note.trim())!;

/** The build, with the loopback host granted at install (what the user's "Allow" gives). */
function grantedCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hfp-granted-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  expect(m.optional_host_permissions).toEqual([LOOPBACK]);
  m.host_permissions = [...m.host_permissions, LOOPBACK];
  delete m.optional_host_permissions;
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(m));
  return dir;
}

async function seed(target: Shelf) {
  await target.worker.evaluate(
    ([papers, entries, tags]) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('hf-papers-shelf');
        open.onsuccess = () => {
          const tx = open.result.transaction(['papers', 'entries', 'tags'], 'readwrite');
          for (const p of papers as object[]) tx.objectStore('papers').put(p);
          for (const e of entries as object[]) tx.objectStore('entries').put(e);
          for (const t of tags as object[]) tx.objectStore('tags').put(t);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
        open.onerror = () => reject(open.error);
      }),
    [papers, entries, tags] as const,
  );
}

async function library(target: Shelf, hash = ''): Promise<Page> {
  const page = await target.context.newPage();
  await page.goto(`chrome-extension://${target.extensionId}/library.html${hash}`);
  await page.locator('[data-testid="paper-row"]').first().waitFor();
  return page;
}

type Chromeish = { chrome: { permissions: { contains(p: { origins: string[] }): Promise<boolean> } } };

const message = (page: Page) => page.locator('[data-testid="zotero-message"]');

let zotero: ZoteroStandin;
let shelf: Shelf;
let grantedDir: string;

beforeAll(async () => {
  zotero = await ZoteroStandin.start({ port: 23119, selected: 'C11' });
  grantedDir = grantedCopy();
  shelf = await launchShelf({ extensionDir: grantedDir });
  await seed(shelf);
});
afterAll(async () => {
  await shelf?.close();
  await zotero?.close();
  rmSync(grantedDir, { recursive: true, force: true });
});

describe('Send to Zotero, permission allowed', () => {
  it('shows the collection Zotero has selected, sends the paper as Zotero expects it, and notes it was sent', async () => {
    const page = await library(shelf, `#zotero=${ONE.id}`);
    const editor = page.locator('.library-editor');
    await editor.locator('[data-testid="zotero-send"]').click();
    await expect.poll(() => page.locator('[data-testid="zotero-collection"]').textContent()).toContain('My Library › Reading › LLMs');
    expect(zotero.items).toEqual([]);
    if (process.env.HFP_SHOTS) await page.screenshot({ path: join(ROOT, 'tests/demo/screenshots/zotero-send.png') });
    await page.locator('[data-testid="zotero-confirm"]').click();
    await expect.poll(() => message(page).textContent()).toBe('Sent 1 paper to Zotero: My Library › Reading › LLMs. Your tags went with them.');

    const item = zotero.items.find((i) => i.connectorKey === ONE.id)!;
    expect(item.problems).toEqual([]);
    const paper = papers.find((p) => p.id === ONE.id)!;
    expect(item).toMatchObject({ itemType: 'preprint', libraryID: 1, collections: [11] });
    expect(item.fields).toMatchObject({ DOI: `10.48550/arXiv.${ONE.id}`, url: `https://arxiv.org/abs/${ONE.id}`, archiveID: `arXiv:${ONE.id}` });
    expect(item.fields.abstractNote?.length ?? 0).toBeGreaterThan(0);
    expect(item.creators).toHaveLength(paper.authors.length);
    expect(item.tags).toEqual(ONE.tags.map((tag) => ({ tag, type: 0 })));
    expect(item.notes).toHaveLength(1);

    const origin = `chrome-extension://${shelf.extensionId}`;
    expect(zotero.requests.map((r) => r.path)).toEqual([
      '/connector/ping',
      '/connector/getSelectedCollection',
      '/connector/ping',
      '/connector/getSelectedCollection',
      '/connector/saveItems',
      '/connector/updateSession',
    ]);
    for (const r of zotero.requests) {
      expect(r.method).toBe('POST');
      expect(r.answer).not.toBe('dropped');
      expect(r.headers).toMatchObject({ host: '127.0.0.1:23119', 'content-type': 'application/json', 'x-zotero-connector-api-version': '3', origin });
      expect(r.headers['x-zotero-version']).toBeUndefined();
    }
    const save = zotero.requests.find((r) => r.path.endsWith('saveItems'))!.data as { sessionID: string; items: Array<{ id: string }> };
    expect(save.items.map((i) => i.id)).toEqual([ONE.id]);
    expect(zotero.requests.at(-1)!.data).toEqual({ sessionID: save.sessionID, target: 'C11', tags: ONE.tags });

    const row = await eventually(async () => (await dbGet<{ sent: Array<{ libraryName: string }> }>(shelf, 'zoteroSent', ONE.id))!);
    expect(row.sent.map((r) => r.libraryName)).toEqual(['My Library']);
    await expect.poll(() => page.locator('[data-testid="zotero-sent"]').textContent()).toContain('My Library › Reading › LLMs');
    await page.close();
  });

  it('the same paper again says it was already sent and makes no duplicate, unless sent again', async () => {
    const page = await library(shelf, `#zotero=${ONE.id}`);
    await page.locator('.library-editor [data-testid="zotero-send"]').click();
    await page.locator('[data-testid="zotero-already"]').waitFor();
    await page.locator('[data-testid="zotero-confirm"]').click();
    await expect
      .poll(() => message(page).textContent())
      .toBe('Already in Zotero: this paper was sent to My Library before. Choose “Send again” to add it anyway.');
    expect(zotero.items.filter((i) => i.connectorKey === ONE.id)).toHaveLength(1);
    await page.locator('[data-testid="zotero-send-again"]').click();
    await expect.poll(() => message(page).textContent()).toMatch(/^Sent 1 paper to Zotero/);
    expect(zotero.items.filter((i) => i.connectorKey === ONE.id)).toHaveLength(2);
    await page.close();
  });

  it('sends the current view from the library panel, skipping what was sent', async () => {
    const page = await library(shelf);
    const before = zotero.items.length;
    // The view's list first (a click before the catalogue answers would send what the page shows so far).
    await page.locator('[data-testid="paper-row"]').nth(1).waitFor();
    await page.locator('.zotero-panel [data-testid="zotero-send"]').click();
    await expect.poll(() => page.locator('[data-testid="zotero-collection"]').textContent()).toContain('My Library › Reading › LLMs');
    const total = Number(/^(\d+) paper/.exec((await page.locator('[data-testid="zotero-collection"]').textContent()) ?? '')?.[1]);
    expect(total).toBeGreaterThan(1);
    await page.locator('[data-testid="zotero-confirm"]').click();
    await expect.poll(() => message(page).getAttribute('data-kind')).toBe('ok');
    expect(zotero.items.length - before).toBe(total - 1);
    for (const item of zotero.items) expect(item.problems, String(item.connectorKey)).toEqual([]);
    await page.close();
  });

  it('the popup sends a paper when the permission is granted', async () => {
    const popup = await openPopup(shelf);
    await popup.locator('[data-testid="paper-row"]').first().click();
    await popup.locator('.editor [data-testid="zotero-send"]').click();
    await popup.locator('[data-testid="zotero-collection"]').waitFor();
    await popup.close();
  });

  it('Zotero not running: says to open Zotero, and sends nothing', async () => {
    await zotero.close();
    try {
      const page = await library(shelf, `#zotero=${saved[0]!.id}`);
      await page.locator('.library-editor [data-testid="zotero-send"]').click();
      await expect.poll(() => message(page).getAttribute('data-kind')).toBe('zotero-absent');
      expect(await message(page).textContent()).toBe(
        'Zotero is not running, or is still starting. Open Zotero, wait until its window appears, then send again.',
      );
      await page.close();
    } finally {
      await zotero.listen();
    }
  });
});

/**
 * Waits for an element and clicks it without a user's action (CDP Runtime.evaluate, userGesture false): Chrome refuses a
 * permission request made there. Playwright's own locators and evaluate count as user actions, so none is used before.
 */
async function clickWithoutGesture(target: Shelf, page: Page, selector: string) {
  const cdp = await target.context.newCDPSession(page);
  const run = async (expression: string) =>
    (await cdp.send('Runtime.evaluate', { expression, userGesture: false, returnByValue: true })).result.value as unknown;
  await eventually(async () => expect(await run(`!!document.querySelector(${JSON.stringify(selector)})`)).toBe(true), 15_000);
  expect(await run('navigator.userActivation.hasBeenActive')).toBe(false);
  await run(`document.querySelector(${JSON.stringify(selector)}).click()`);
  await cdp.detach();
}

describe('Send to Zotero, permission not granted', () => {
  it('refused: says how to allow it, and nothing reaches Zotero; the click asks the browser; the popup sends the user to the library page', async () => {
    const plain = await launchShelf();
    try {
      await seed(plain);
      const requests = zotero.requests.length;
      const page = await plain.context.newPage();
      await page.goto(`chrome-extension://${plain.extensionId}/library.html#zotero=${ONE.id}`);
      const contains = () => page.evaluate((o) => (globalThis as unknown as Chromeish).chrome.permissions.contains({ origins: [o] }), LOOPBACK);
      const button = '.library-editor [data-testid="zotero-send"]';
      // PERMISSION: a test cannot press "Deny" in Chrome's prompt; Chrome's own refusal (a request outside a user's action) stands in.
      // First thing on the page: Playwright's evaluate and clicks give the page a user activation, which lasts a few seconds.
      await clickWithoutGesture(plain, page, button);
      await expect.poll(() => message(page).getAttribute('data-kind'), { timeout: 15_000 }).toBe('permission-missing');
      expect(await message(page).textContent()).toContain('choose “Allow” when the browser asks');
      expect(zotero.requests.length).toBe(requests);
      expect(await contains()).toBe(false);
      await page.getByRole('button', { name: 'Close' }).click();

      // The user's click asks: the prompt is up (headless Chromium never answers it), nothing is sent meanwhile.
      await page.locator(button).click();
      await expect.poll(() => page.locator('[data-testid="zotero-dialog"] [role="status"]').textContent()).toContain('Choose “Allow” to send.');
      expect(zotero.requests.length).toBe(requests);
      expect(await contains()).toBe(false);

      // The popup does not ask (its prompt would close or hide it): its button opens the library page on the paper.
      const popup = await openPopup(plain);
      const row = popup.locator('[data-testid="paper-row"]').first();
      const id = await row.getAttribute('data-paper-id');
      await row.click();
      expect(await popup.locator('.editor [data-testid="zotero-send"]').getAttribute('href')).toBe(`/library.html#zotero=${id}`);
    } finally {
      await plain.close();
    }
  });
});
