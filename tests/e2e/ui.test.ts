/**
 * The popup and the library page in a real Chromium: search, views, filters, sort, tagging,
 * status, notes, bulk actions, the tag manager, keyboard use, empty states, accessibility.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { dbGet, eventually, extensionPage, launchShelf, openPopup, send, type Shelf } from '../harness/browser';
import { seedLibrary, syntheticPapers } from '../harness/library';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const PAPERS = syntheticPapers(40);
const [P0, P1, P2, P3, P4] = PAPERS.map((p) => p.id) as [string, string, string, string, string];
let shelf: Shelf;
let ctl: Page;

beforeAll(async () => {
  shelf = await launchShelf();
  ctl = await extensionPage(shelf);
  // 30 saved, 10 only seen.
  await seedLibrary(
    ctl,
    PAPERS,
    PAPERS.slice(0, 30).map((p) => p.id),
  );
  await send(ctl, 'addTags', { ids: [P0, P1], tags: ['Diffusion'] });
  await send(ctl, 'addTags', { ids: [P2], tags: ['RL'] });
  await send(ctl, 'setStatus', { ids: [P3], status: 'read' });
  await send(ctl, 'setStatus', { ids: [P4], status: 'reading' });
  await send(ctl, 'setNote', { id: P2, note: 'compare with the baseline in table 3' });
});
afterAll(async () => {
  await shelf?.close();
});

const rowIds = (page: Page) =>
  page.locator('[data-testid="paper-row"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-paper-id') ?? ''));
const row = (page: Page, id: string) => page.locator(`[data-testid="paper-row"][data-paper-id="${id}"]`);

async function library(): Promise<Page> {
  const page = await shelf.context.newPage();
  await page.goto(`chrome-extension://${shelf.extensionId}/library.html`);
  await page.waitForSelector('[data-testid="paper-row"]');
  return page;
}

describe('popup', () => {
  it('lists the reading list (to read, then reading) and counts each view', async () => {
    const popup = await openPopup(shelf);
    await popup.waitForSelector('[data-testid="paper-row"]');
    await eventually(async () => expect(await popup.locator('.view-select option[value="list"]').textContent()).toBe('Reading list (29)'));
    expect(await popup.locator('.view-select option[value="read"]').textContent()).toBe('Read (1)');
    // The reading view at the end of the list: scroll the virtual list to its bottom.
    await popup.locator('.vlist').evaluate((el) => (el.scrollTop = el.scrollHeight));
    await eventually(async () => expect((await rowIds(popup)).at(-1)).toBe(P4));
    expect(await rowIds(popup)).not.toContain(P3);
    await popup.close();
  });

  it('searches title, authors, abstract, tags and notes, ranked, with typos', async () => {
    const popup = await openPopup(shelf);
    await popup.waitForSelector('[data-testid="paper-row"]');
    const search = popup.getByTestId('search');
    const title = PAPERS[0]!.title!.split(/\s+/).find((w) => w.length > 7)!;
    await search.fill(title);
    await eventually(async () => expect((await rowIds(popup))[0]).toBe(P0));
    await search.fill('baseline in table 3');
    await eventually(async () => expect((await rowIds(popup))[0]).toBe(P2));
    await search.fill('difusion');
    await eventually(async () => expect(await rowIds(popup)).toEqual(expect.arrayContaining([P0, P1])));
    await search.fill('zzqqxx');
    await popup.waitForSelector('text=No paper matches “zzqqxx”.');
    await popup.close();
  });

  it('tags with autocomplete, sets status and note, and removes with undo', async () => {
    const popup = await openPopup(shelf);
    await popup.getByTestId('search').fill(PAPERS[1]!.title!);
    await row(popup, P1).click();
    const tagInput = popup.getByTestId('tag-input');
    expect(
      await popup
        .locator(`datalist#${(await tagInput.getAttribute('list'))!} option`)
        .evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value)),
    ).toEqual(['RL']);
    await tagInput.fill('  vision  ');
    await tagInput.press('Enter');
    await popup.getByTestId('status').selectOption('reading');
    await popup.getByPlaceholder('What matters in this paper, what to try…').fill('try on CIFAR');
    await eventually(async () =>
      expect(await dbGet(shelf, 'entries', P1)).toMatchObject({ tags: ['Diffusion', 'vision'], status: 'reading', note: 'try on CIFAR' }),
    );
    await popup.getByRole('button', { name: 'Remove from reading list' }).click();
    await eventually(async () => expect((await dbGet<{ bookmarkedAt?: number }>(shelf, 'entries', P1))?.bookmarkedAt).toBeUndefined());
    await popup.getByRole('button', { name: 'Undo' }).click();
    await eventually(async () => expect((await dbGet<{ bookmarkedAt?: number }>(shelf, 'entries', P1))?.bookmarkedAt).toBeDefined());
    await popup.close();
  });

  it('works from the keyboard: / to search, j/k or arrows to move, Enter to open, 1–3 for status', async () => {
    const popup = await openPopup(shelf);
    await popup.waitForSelector('[data-testid="paper-row"]');
    await popup.keyboard.press('/');
    expect(await popup.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('search');
    await popup.keyboard.press('Escape');
    await popup.keyboard.press('j');
    await popup.keyboard.press('ArrowDown');
    await popup.keyboard.press('k');
    const second = (await rowIds(popup))[1]!;
    expect(await row(popup, second).getAttribute('class')).toContain('selected');
    await popup.keyboard.press('3');
    await eventually(async () => expect(await dbGet(shelf, 'entries', second)).toMatchObject({ status: 'read' }));
    await popup.keyboard.press('Enter');
    await popup.getByTestId('status').waitFor();
    await popup.keyboard.press('Escape');
    await popup.waitForSelector('[data-testid="search"]');
    await send(ctl, 'setStatus', { ids: [second], status: 'to-read' });
    await popup.close();
  });
});

describe('library page', () => {
  it('sorts by title and by upvotes', async () => {
    const page = await library();
    await page.getByRole('button', { name: /^All/ }).click();
    await page.getByLabel('Sort by').selectOption('title');
    const saved = PAPERS.slice(0, 30);
    const byTitle = [...saved].sort((a, b) => a.title!.localeCompare(b.title!)).map((p) => p.id);
    await eventually(async () => expect(await rowIds(page)).toEqual(byTitle.slice(0, (await rowIds(page)).length)));
    await page.getByLabel('Sort by').selectOption('upvotes');
    const top = [...saved].sort((a, b) => b.upvotes! - a.upvotes!)[0]!.id;
    await eventually(async () => expect((await rowIds(page))[0]).toBe(top));
    await page.close();
  });

  it('filters by status, tag, note, publication date, and shows papers seen but not saved', async () => {
    const page = await library();
    await page.getByRole('button', { name: /^All/ }).click();
    await page.getByRole('checkbox', { name: 'Read', exact: true }).check();
    await eventually(async () => expect(await rowIds(page)).toEqual([P3]));
    await page.getByRole('checkbox', { name: 'Read', exact: true }).uncheck();
    await page.locator('.filters label.check', { hasText: 'Diffusion' }).locator('input').check();
    await eventually(async () => expect((await rowIds(page)).sort()).toEqual([P0, P1].sort()));
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByRole('checkbox', { name: 'Has a note' }).check();
    const entries = await Promise.all(PAPERS.slice(0, 30).map((p) => dbGet<{ note: string }>(shelf, 'entries', p.id)));
    const withNote = PAPERS.slice(0, 30)
      .filter((_, i) => entries[i]?.note.trim())
      .map((p) => p.id);
    expect(withNote).toContain(P2);
    await eventually(async () => expect((await rowIds(page)).sort()).toEqual(withNote.sort()));
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByLabel('Published from').fill('2025-01-01');
    await eventually(async () => {
      const ids = await rowIds(page);
      expect(ids.length).toBeGreaterThan(0);
      expect(ids.every((id) => PAPERS.find((p) => p.id === id)!.publishedAt! >= '2025-01-01')).toBe(true);
    });
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByRole('button', { name: 'Seen, not saved' }).click();
    await eventually(async () =>
      expect((await rowIds(page)).sort()).toEqual(
        PAPERS.slice(30)
          .map((p) => p.id)
          .sort(),
      ),
    );
    await page.close();
  });

  it('acts on a selection: tag, status, remove and undo', async () => {
    const page = await library();
    await page.getByRole('button', { name: /^All/ }).click();
    const ids = (await rowIds(page)).slice(0, 3);
    for (const id of ids) await row(page, id).locator('.row-check').check();
    await page.getByRole('toolbar', { name: '3 selected' }).waitFor();
    const bulkTag = page.getByRole('toolbar').getByTestId('tag-input');
    await bulkTag.fill('batch');
    await bulkTag.press('Enter');
    await page.getByLabel('Set the status of the selected').selectOption('reading');
    await eventually(async () => {
      for (const id of ids) expect(await dbGet(shelf, 'entries', id)).toMatchObject({ tags: expect.arrayContaining(['batch']), status: 'reading' });
    });
    await page.getByRole('toolbar').getByRole('button', { name: 'Remove' }).click();
    await eventually(async () => expect(await rowIds(page)).not.toContain(ids[0]));
    await page.getByRole('button', { name: 'Undo' }).click();
    await eventually(async () => expect(await rowIds(page)).toEqual(expect.arrayContaining(ids)));
    await page.close();
  });

  it('manages tags: rename onto another merges, recolour, delete', async () => {
    const page = await library();
    await page.getByText('Manage tags').click();
    await page.getByRole('button', { name: 'Rename or merge batch' }).click();
    const input = page.getByLabel('New name for batch (an existing name merges the two)');
    await input.fill('rl');
    await input.press('Enter');
    await eventually(async () => expect(await dbGet(shelf, 'tags', 'batch')).toBeUndefined());
    expect(await dbGet(shelf, 'entries', P2)).toMatchObject({ tags: ['RL'] });
    await page.getByLabel('Colour of RL').fill('#123456');
    await eventually(async () => expect(await dbGet(shelf, 'tags', 'rl')).toMatchObject({ color: '#123456' }));
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Delete tag RL' }).click();
    await eventually(async () => expect(await dbGet(shelf, 'tags', 'rl')).toBeUndefined());
    expect((await dbGet<{ tags: string[] }>(shelf, 'entries', P2))!.tags).toEqual([]);
    await page.close();
  });
});

describe('accessibility', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`axe finds no serious or critical violation on the popup and the library page (${scheme})`, async () => {
      for (const path of ['popup.html', 'library.html']) {
        const page = await shelf.context.newPage();
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(`chrome-extension://${shelf.extensionId}/${path}`);
        await page.waitForSelector('[data-testid="paper-row"]');
        if (path === 'popup.html') await row(page, (await rowIds(page))[0]!).click();
        // (the editor is open in the popup: its fields are checked too)
        await page.evaluate(AXE);
        const violations = await page.evaluate(async () => {
          const axe = (
            globalThis as unknown as {
              axe: { run(ctx: Document, o: object): Promise<{ violations: Array<{ id: string; impact: string; nodes: unknown[] }> }> };
            }
          ).axe;
          const result = await axe.run(document, { resultTypes: ['violations'] });
          return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.nodes.length})`);
        });
        expect(violations, path).toEqual([]);
        await page.close();
      }
    });
  }
});
