/**
 * Export and import in the real extension: each format is a file download from the library page
 * (and the popup); the JSON backup, imported through the file input into an empty profile,
 * restores the library exactly; BibTeX and id lists import; a bad file changes nothing.
 */
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { parse as parseBib } from '@retorquere/bibtex-parser';
import { parse as parseCsv } from 'csv-parse/sync';
import { bookmarkButton, extensionPage, fixture, launchShelf, openPopup, send, type Shelf } from '../harness/browser';
import { awkwardLibrary } from '../fixtures/awkward-library';

const DIR = mkdtempSync(join(tmpdir(), 'hfp-export-'));
let shelf: Shelf;

/** Every table of the extension's IndexedDB, read in its service worker. */
async function dump(target: Shelf): Promise<string> {
  const worker = target.context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${target.extensionId}/`))!;
  return worker.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('hf-papers-shelf');
        open.onerror = () => reject(open.error);
        open.onsuccess = async () => {
          const db = open.result;
          const all = (name: string) =>
            new Promise<unknown[]>((res, rej) => {
              const r = db.transaction(name).objectStore(name).getAll();
              // `rev` is the database's bookkeeping (utils/db/rev.ts): when a record was written, not what it holds.
              r.onsuccess = () => res(r.result.map(({ rev: _rev, ...rest }: { rev?: number }) => rest));
              r.onerror = () => rej(r.error);
            });
          const tables = await Promise.all(['papers', 'entries', 'tags', 'settings'].map(all));
          db.close();
          resolve(JSON.stringify(tables));
        };
      }),
  );
}

/** Writes the awkward library into the extension's database, as an earlier import would have. */
async function seedAwkward(target: Shelf) {
  const { papers, entries, tags } = awkwardLibrary();
  const worker = target.context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${target.extensionId}/`))!;
  await worker.evaluate(
    ([papers, entries, tags]) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('hf-papers-shelf');
        open.onsuccess = () => {
          const tx = open.result.transaction(['papers', 'entries', 'tags', 'settings'], 'readwrite');
          for (const p of papers as object[]) tx.objectStore('papers').put(p);
          for (const e of entries as object[]) tx.objectStore('entries').put(e);
          for (const t of tags as object[]) tx.objectStore('tags').put(t);
          tx.objectStore('settings').put({ key: 'badge', value: false });
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
        open.onerror = () => reject(open.error);
      }),
    [papers, entries, tags] as const,
  );
}

async function libraryPage(target: Shelf): Promise<Page> {
  const page = await target.context.newPage();
  await page.goto(`chrome-extension://${target.extensionId}/library.html`);
  await page.getByTestId('export-json').waitFor();
  return page;
}

async function exportFile(page: Page, testid: string): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
  const path = join(DIR, download.suggestedFilename());
  await download.saveAs(path);
  return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

async function importFile(page: Page, name: string, text: string): Promise<string> {
  const path = join(DIR, name);
  writeFileSync(path, text);
  const result = page.getByTestId('import-result');
  const before = Number(await result.getAttribute('data-imports'));
  await page.getByTestId('import-file').setInputFiles(path);
  await expect.poll(async () => Number(await result.getAttribute('data-imports')), { timeout: 15_000 }).toBe(before + 1);
  return (await result.textContent()) ?? '';
}

beforeAll(async () => {
  shelf = await launchShelf();
  // Make sure the database exists with its current schema before writing to it directly.
  await send(await extensionPage(shelf), 'getStates', { ids: ['2509.10001'] });
  await seedAwkward(shelf);
});
afterAll(async () => {
  await shelf?.close();
});

describe('export', () => {
  it('downloads each of the six formats of the whole library from the library page', async () => {
    const page = await libraryPage(shelf);
    await page.getByLabel('Papers to export').selectOption('library');
    const bib = await exportFile(page, 'export-bibtex');
    expect(bib.name).toMatch(/^hf-papers-shelf-\d{4}-\d{2}-\d{2}\.bib$/);
    const parsed = parseBib(bib.text, { sentenceCase: false });
    expect(parsed.errors).toEqual([]);
    expect(parsed.entries).toHaveLength(9); // the saved papers
    const csv = parseCsv((await exportFile(page, 'export-csv')).text, { columns: true }) as unknown[];
    expect(csv).toHaveLength(9);
    const md = (await exportFile(page, 'export-markdown')).text;
    expect(md).toContain('## To read (3)');
    const ris = (await exportFile(page, 'export-ris')).text;
    expect(ris.match(/^TY {2}- /gm)).toHaveLength(9);
    const csl = JSON.parse((await exportFile(page, 'export-csljson')).text) as unknown[];
    expect(csl).toHaveLength(9);
    const backup = JSON.parse((await exportFile(page, 'export-json')).text);
    expect(backup.papers).toHaveLength(11); // saved and only seen
    expect(backup.entries).toHaveLength(10);
    await page.close();
  });

  it('exports the current view: a tag', async () => {
    const page = await libraryPage(shelf);
    await page.getByRole('button', { name: /^All/ }).click();
    await page.locator('.filters label.check', { hasText: 'Diffusion' }).locator('input').check();
    await expect.poll(() => page.locator('[data-testid="paper-row"]').count()).toBe(4);
    const bib = await exportFile(page, 'export-bibtex');
    expect(
      parseBib(bib.text)
        .entries.map((e) => e.fields.eprint)
        .sort(),
    ).toEqual(['2509.10002', '2509.10004', '2509.10006', '2509.10008']);
    await page.close();
  });

  it('exports a selection, from the bulk bar and from the panel', async () => {
    const page = await libraryPage(shelf);
    await page.getByRole('button', { name: /^All/ }).click();
    for (const id of ['2509.10001', '2509.10005']) await page.locator(`[data-testid="paper-row"][data-paper-id="${id}"] .row-check`).check();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByLabel('Export the selected').selectOption('ris')]);
    const path = join(DIR, `selected-${download.suggestedFilename()}`);
    await download.saveAs(path);
    expect(
      readFileSync(path, 'utf8')
        .match(/^M1 {2}- arXiv:(\S+)/gm)
        ?.sort(),
    ).toEqual(['M1  - arXiv:2509.10001', 'M1  - arXiv:2509.10005']);
    await page.getByLabel('Papers to export').selectOption('selection');
    const csv = parseCsv((await exportFile(page, 'export-csv')).text, { columns: true }) as Array<{ arxiv_id: string }>;
    expect(csv.map((r) => r.arxiv_id).sort()).toEqual(['2509.10001', '2509.10005']);
    await page.close();
  });

  it('exports from the popup', async () => {
    const popup = await openPopup(shelf);
    await popup.waitForSelector('[data-testid="paper-row"]');
    await popup.getByText(/^Export this list/).click();
    const md = await exportFile(popup, 'export-markdown');
    expect(md.text).toContain('## Reading (3)');
    await popup.close();
  });
});

describe('import', () => {
  it('restores the library whole from its JSON backup into an empty profile, through the file input', async () => {
    const page = await libraryPage(shelf);
    await page.getByLabel('Papers to export').selectOption('library');
    const backup = await exportFile(page, 'export-json');
    const original = await dump(shelf);
    await page.close();

    const fresh = await launchShelf();
    try {
      const lib = await fresh.context.newPage();
      await lib.goto(`chrome-extension://${fresh.extensionId}/library.html#import`);
      const message = await importFile(lib, backup.name, backup.text);
      expect(message).toBe('11 papers imported: 11 added');
      expect(await dump(fresh)).toBe(original);
      // The list shows them at once (live), and a second import changes nothing.
      await expect.poll(() => lib.locator('[data-testid="paper-row"]').count()).toBeGreaterThan(0);
      expect(await importFile(lib, `again-${backup.name}`, backup.text)).toBe('11 papers imported: 0 added, 11 unchanged');
      expect(await dump(fresh)).toBe(original);
    } finally {
      await fresh.close();
    }
  });

  it('imports BibTeX and a list of links, and tells the open papers tabs', async () => {
    const fresh = await launchShelf();
    try {
      fresh.site.set('/papers', fixture('hf/hf-daily-2026-09-28.excerpt.html'));
      const tab = await fresh.context.newPage();
      await tab.goto('https://huggingface.co/papers');
      await bookmarkButton(tab, '2609.31620').waitFor();
      expect(await bookmarkButton(tab, '2609.31620').getAttribute('aria-pressed')).toBe('false');
      const lib = await libraryPage(fresh);
      const bib =
        '@misc{openai2023gpt4, title = {{GPT}-4 Technical Report}, author = {{OpenAI}}, eprint = {2303.08774}, archivePrefix = {arXiv}, keywords = {llm}}\n@book{knuth, title = {TAOCP}}';
      expect(await importFile(lib, 'refs.bib', bib)).toBe(
        '1 paper imported: 1 added · 1 entry names no arXiv paper (1 can be looked up by title on Hugging Face)',
      );
      const list = 'https://arxiv.org/abs/2401.00001v2\nhttps://huggingface.co/papers/2609.31620\nnonsense';
      expect(await importFile(lib, 'list.txt', list)).toBe('2 papers imported: 1 added, 1 updated · 1 line names no arXiv paper');
      await expect.poll(() => lib.locator('[data-testid="paper-row"]').count()).toBe(3);
      // The open papers tab shows the imported bookmark without a reload.
      await expect.poll(() => bookmarkButton(tab, '2609.31620').getAttribute('aria-pressed'), { timeout: 2000 }).toBe('true');
    } finally {
      await fresh.close();
    }
  });

  it("imports RIS, CSL-JSON, CSV, DBLP BibTeX and PaperMemory’s memory under the extension’s CSP (script-src 'self': no eval)", async () => {
    const fresh = await launchShelf();
    try {
      const lib = await libraryPage(fresh);
      await lib.evaluate(() => {
        const w = window as unknown as { cspViolations: string[] };
        w.cspViolations = [];
        document.addEventListener('securitypolicyviolation', (e) => w.cspViolations.push(`${e.violatedDirective}: ${e.blockedURI}`));
      });
      const { papers, entries } = awkwardLibrary();
      const byId = new Map(entries.map((e) => [e.id, e]));
      const two = papers.slice(0, 2).map((p) => ({ ...p, entry: byId.get(p.id) }));
      const { toRis } = await import('../../utils/export/ris');
      const { toCslJson } = await import('../../utils/export/csljson');
      const { toCsv } = await import('../../utils/export/csv');
      expect(await importFile(lib, 'two.ris', toRis(two))).toBe('2 papers imported: 2 added');
      expect(await importFile(lib, 'two.csl.json', toCslJson(two))).toBe('2 papers imported: 0 added, 2 unchanged');
      expect(await importFile(lib, 'two.csv', toCsv(two))).toMatch(/^2 papers imported: 0 added, 2 updated$/);
      expect(await importFile(lib, 'dblp.bib', fixture('import/dblp.bib'))).toMatch(/^4 papers imported: 4 added · /);
      const memory = fixture('import/PaperMemory-data-2.3.2026-14.05.09.json');
      expect(await importFile(lib, 'PaperMemory-data-2.3.2026-14.05.09.json', memory)).toMatch(/^3 papers imported: 2 added, 1 updated · /);
      expect(await lib.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
    } finally {
      await fresh.close();
    }
  });

  it('rejects a damaged backup with a message naming where, the library unchanged', async () => {
    const page = await libraryPage(shelf);
    const before = await dump(shelf);
    const damaged = JSON.stringify({
      format: 'hf-papers-shelf-backup',
      version: 1,
      exportedAt: 'x',
      scope: 'library',
      papers: [{ id: 'nope' }],
      entries: [],
      tags: [],
    });
    expect(await importFile(page, 'damaged.json', damaged)).toMatch(/^The backup is damaged at papers\[0\]\.id: expected an arXiv id/);
    expect(await importFile(page, 'cut.json', damaged.slice(0, 40))).toMatch(/not valid JSON.*truncated/);
    expect(await importFile(page, 'newer.json', damaged.replace('"version":1', '"version":2'))).toMatch(/newer HF Papers Shelf/);
    expect(await dump(shelf)).toBe(before);
    await page.close();
  });
});
