/**
 * One truth everywhere, in a real Chromium: a change made in the popup shows on every open
 * huggingface.co tab; a worker stopped between and during 100 toggles loses and invents
 * nothing; concurrent toggles from two tabs and the popup converge.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  bookmarkButton,
  controlWorker,
  dbGet,
  eventually,
  extensionPage,
  fixture,
  launchShelf,
  openPopup,
  send,
  type Shelf,
} from '../harness/browser';
import { seeded } from '../harness/random';

const IDS = ['2609.31620', '2609.18703', '2609.31473', '2609.30192', '2609.30670'];
const SAGE = '2609.30192';
let shelf: Shelf;

beforeEach(async () => {
  shelf = await launchShelf();
  shelf.site.set('/papers', fixture('hf/hf-daily-2026-09-28.excerpt.html'));
  shelf.site.set('/papers/date/2026-09-28', fixture('hf/hf-daily-logged-in-dark.html'));
});
afterEach(async () => {
  await shelf?.close();
});

async function open(path: string): Promise<Page> {
  const page = await shelf.context.newPage();
  await page.goto(`https://huggingface.co${path}`);
  await page.waitForFunction(() => document.querySelectorAll('button[data-hfp-action="bookmark"]').length === 5);
  return page;
}

const pressed = (page: Page, id: string) => bookmarkButton(page, id).getAttribute('aria-pressed');
const within = (page: Page, id: string, on: boolean, timeout = 1000) =>
  page.waitForSelector(`button[data-paper-id="${id}"][aria-pressed="${on}"]`, { timeout });

describe('one truth everywhere', () => {
  it('a change in one tab, then in the popup, shows on every open papers tab within a second', async () => {
    const a = await open('/papers');
    const b = await open('/papers/date/2026-09-28');
    await bookmarkButton(a, SAGE).click();
    await within(b, SAGE, true);

    const popup = await openPopup(shelf);
    await popup.locator(`[data-testid="paper-row"][data-paper-id="${SAGE}"]`).click();
    await popup.getByRole('button', { name: 'Remove from reading list' }).click();
    await Promise.all([within(a, SAGE, false), within(b, SAGE, false)]);
    await popup.waitForSelector(`[data-testid="paper-row"][data-paper-id="${SAGE}"]`, { state: 'detached' });

    // Undo puts it back, at its old place in the list.
    await popup.getByRole('button', { name: 'Undo' }).click();
    await Promise.all([within(a, SAGE, true), within(b, SAGE, true)]);
    await popup.waitForSelector(`[data-testid="paper-row"][data-paper-id="${SAGE}"]`);
  });

  it('keeps tags and note across an un-bookmark and a re-bookmark from the page', async () => {
    const a = await open('/papers');
    await bookmarkButton(a, SAGE).click();
    const ctl = await extensionPage(shelf);
    await eventually(async () => expect(await dbGet(shelf, 'entries', SAGE)).toBeTruthy());
    await send(ctl, 'addTags', { ids: [SAGE], tags: ['graphs'] });
    await send(ctl, 'setNote', { id: SAGE, note: 'see §4' });
    await bookmarkButton(a, SAGE).click();
    await within(a, SAGE, false);
    await bookmarkButton(a, SAGE).click();
    await eventually(async () =>
      expect(await dbGet(shelf, 'entries', SAGE)).toMatchObject({ tags: ['graphs'], note: 'see §4', bookmarkedAt: expect.any(Number) }),
    );
  });
});

describe('a worker stopped mid-way', () => {
  it('between and during 100 toggles: exactly the intended state, nothing lost, nothing invented', async () => {
    const page = await open('/papers');
    const worker = await controlWorker(shelf);
    // The control page opened in front; a background tab gets no animation frames to click in.
    await page.bringToFront();
    const intended = new Map(IDS.map((id) => [id, false]));
    const random = seeded(42);
    const next = () => random(IDS.length);
    for (let i = 0; i < 100; i++) {
      const id = IDS[next()]!;
      await bookmarkButton(page, id).click();
      intended.set(id, !intended.get(id));
      if (i % 10 === 3) await worker.stop(); // during: the request is on its way
      if (i % 10 === 7) {
        await within(page, id, intended.get(id)!, 5000);
        await page.waitForTimeout(50);
        await worker.stop(); // between: nothing in flight
      }
    }
    expect(worker.stops).toBeGreaterThanOrEqual(15);
    for (const id of IDS) {
      await within(page, id, intended.get(id)!, 10_000);
      await eventually(async () => {
        const entry = await dbGet<{ bookmarkedAt?: number }>(shelf, 'entries', id);
        expect(entry?.bookmarkedAt !== undefined, id).toBe(intended.get(id));
      }, 10_000);
    }
    // Nothing invented: the five papers of the page, no other entry.
    const ctl = await extensionPage(shelf);
    const states = await send<Record<string, { bookmarked: boolean }>>(ctl, 'getStates', { ids: [...IDS, '2609.99999'] });
    expect(Object.fromEntries(Object.entries(states).map(([id, s]) => [id, s.bookmarked]))).toEqual({
      ...Object.fromEntries(intended),
      '2609.99999': false,
    });
  });
});

describe('concurrent toggles', () => {
  it('of one paper from two tabs and the popup converge on one state, shown everywhere', async () => {
    const a = await open('/papers');
    const b = await open('/papers/date/2026-09-28');
    const popup = await openPopup(shelf);
    // As from two windows and the popup at once (a dispatched click: both tabs stay in background).
    for (let round = 0; round < 12; round++) {
      await Promise.all([
        bookmarkButton(a, SAGE).dispatchEvent('click'),
        bookmarkButton(b, SAGE).dispatchEvent('click'),
        send(popup, 'setBookmark', { ids: [SAGE], on: round % 2 === 0 }),
      ]);
    }
    const final = await eventually(async () => {
      const entry = await dbGet<{ bookmarkedAt?: number }>(shelf, 'entries', SAGE);
      const truth = entry?.bookmarkedAt !== undefined;
      expect(await pressed(a, SAGE)).toBe(String(truth));
      expect(await pressed(b, SAGE)).toBe(String(truth));
      expect(await popup.locator(`[data-testid="paper-row"][data-paper-id="${SAGE}"]`).count()).toBe(truth ? 1 : 0);
      return truth;
    }, 5000);
    // And it holds: nothing changes after it settled.
    await a.waitForTimeout(500);
    expect(await pressed(a, SAGE)).toBe(String(final));
    expect(await pressed(b, SAGE)).toBe(String(final));
  });
});

describe('a worker stopped at random points in a stream of every kind of operation', () => {
  it('ends in exactly the state the operations describe: nothing lost, nothing invented', async () => {
    const ctl = await extensionPage(shelf);
    const worker = await controlWorker(shelf);
    const ids = ['2601.00001', '2601.00002', '2601.00003', '2601.00004'];
    const tags = ['ml', 'vision', 'rl'];
    type Model = { bookmarked: boolean; status: string; tags: string[]; note: string; priority: number };
    const blank = (): Model => ({ bookmarked: false, status: 'to-read', tags: [], note: '', priority: 0 });
    const model = new Map<string, Model>();
    const rnd = seeded(7);

    /** As the extension's pages send requests: again when the worker died before answering (every request is idempotent). */
    const request = async (type: string, payload: unknown) => {
      for (let attempt = 0; ; attempt++) {
        try {
          return await send(ctl, type, payload);
        } catch (err) {
          if (attempt > 8 || !/Receiving end|establish connection|message (port|channel) closed|no reply|undefined/i.test(String(err))) throw err;
          await new Promise((r) => setTimeout(r, 50 * 2 ** Math.min(attempt, 4)));
        }
      }
    };

    for (let i = 0; i < 120; i++) {
      const id = ids[rnd(ids.length)]!;
      const before = model.get(id) ?? blank();
      const next = { ...before, tags: [...before.tags] };
      let op: [string, unknown];
      switch (rnd(6)) {
        case 0:
          next.bookmarked = rnd(2) === 0;
          op = ['setBookmark', { ids: [id], on: next.bookmarked }];
          break;
        case 1:
          next.status = ['to-read', 'reading', 'read'][rnd(3)]!;
          op = ['setStatus', { ids: [id], status: next.status }];
          break;
        case 2: {
          const t = tags[rnd(tags.length)]!;
          if (!next.tags.includes(t)) next.tags.push(t);
          op = ['addTags', { ids: [id], tags: [t] }];
          break;
        }
        case 3: {
          const t = tags[rnd(tags.length)]!;
          next.tags = next.tags.filter((x) => x !== t);
          op = ['removeTags', { ids: [id], tags: [t] }];
          break;
        }
        case 4:
          next.note = rnd(3) ? `note ${i}` : '';
          op = ['setNote', { id, note: next.note }];
          break;
        default:
          next.priority = rnd(4);
          op = ['setPriority', { ids: [id], priority: next.priority }];
      }
      // An operation that changes nothing of a paper never touched leaves no entry behind.
      if (model.has(id) || JSON.stringify(next) !== JSON.stringify(blank())) model.set(id, next);
      const pending = request(...op);
      if (rnd(4) === 0) await worker.stop(); // during: the request is on its way
      await pending;
      if (rnd(6) === 0) await worker.stop(); // between
    }
    expect(worker.stops).toBeGreaterThanOrEqual(25);

    for (const id of ids) {
      const want = model.get(id);
      const entry = await dbGet<{ bookmarkedAt?: number; status: string; tags: string[]; note: string; priority: number }>(shelf, 'entries', id);
      if (!want) {
        expect(entry, id).toBeUndefined();
        continue;
      }
      expect(
        { bookmarked: entry?.bookmarkedAt !== undefined, status: entry?.status, tags: entry?.tags, note: entry?.note, priority: entry?.priority },
        id,
      ).toEqual(want);
    }
    const states = await send<Record<string, { bookmarked: boolean }>>(ctl, 'getStates', { ids: [...ids, '2601.09999'] });
    expect(states['2601.09999']!.bookmarked).toBe(false);
    expect(await dbGet(shelf, 'entries', '2601.09999')).toBeUndefined();
  });
});
