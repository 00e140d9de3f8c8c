/**
 * The content script's scanner against the real background handlers, through WXT's fake
 * browser and fake-indexeddb: a page, its cards, their buttons, and what lands in the library.
 */
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { outermost } from '../../utils/content/scanner';
import { DAILY, fixture, showPage } from './helpers';
import { button, buttons, db, errors, IDS, pushed, restartScanner, scanner, startBackground, useScannerPage } from './scanner-page';

// papers-later.js is imported from the extension's URL in a browser; here, from its source.
vi.mock('../../utils/content/lazy', () => ({ later: () => import('../../utils/content/later') }));

useScannerPage();

describe('scanner on the daily page', () => {
  it('puts exactly one named bookmark button on each card root', () => {
    expect(buttons()).toHaveLength(5);
    for (const id of IDS) {
      const root = document.querySelector(`[data-hfp-paper="${id}"]`)!;
      expect(root.tagName).toBe('ARTICLE');
      expect(root.querySelectorAll('button[data-hfp-action="bookmark"]')).toHaveLength(1);
      expect(button(id).getAttribute('aria-pressed')).toBe('false');
      expect(button(id).getAttribute('aria-label')).toMatch(/^Bookmark: \S/);
    }
  });

  it('stores every card, merging the embedded data (cards 1–2) with the DOM (cards 3–5)', async () => {
    await vi.waitFor(async () => expect(await db.papers.count()).toBe(5));
    await vi.waitFor(async () => expect((await db.papers.get('2609.31620'))?.abstract).toBeDefined());
    // Cards without embedded data are read from the DOM in idle time, by the lazily loaded part.
    await vi.waitFor(async () => expect((await db.papers.get('2609.30192'))?.authors.length).toBeGreaterThan(0), { timeout: 5000 });
    const [withData, domOnly] = await db.papers.bulkGet(['2609.31620', '2609.30192']);
    expect(withData).toMatchObject({
      authors: expect.arrayContaining(['Hongyang Du']),
      githubRepo: 'https://github.com/Hongyang-Du/FuseReg',
      listingDate: '2026-09-28',
      firstSeenUrl: 'https://huggingface.co/papers',
    });
    expect(withData!.authors).toHaveLength(16);
    expect(withData!.abstract).toMatch(/^Representation autoencoders/);
    expect(domOnly).toMatchObject({
      title: 'SAGE: Mitigating Long-Horizon Reasoning Biases via Topological Guidance',
      authors: ['Dawei Zhou', 'Yujun Yan', 'Jiawei Zhang', 'xyzeng2000'],
      upvotes: 3,
      comments: 1,
    });
    expect(await db.entries.count()).toBe(0);
  });

  it('bookmarks on click and un-bookmarks on the next, showing the state', async () => {
    button('2609.30192').click();
    expect(button('2609.30192').getAttribute('aria-pressed')).toBe('true');
    await vi.waitFor(async () => expect((await db.entries.get('2609.30192'))?.bookmarkedAt).toBeDefined());
    expect(pushed).toContainEqual({ hfp: 1, type: 'states', states: { '2609.30192': { bookmarked: true, at: expect.any(Number) } } });
    expect(await db.entries.get('2609.30192')).toMatchObject({ status: 'to-read', tags: [], note: '' });
    button('2609.30192').click();
    await vi.waitFor(async () => expect((await db.entries.get('2609.30192'))?.bookmarkedAt).toBeUndefined());
    expect(button('2609.30192').getAttribute('aria-pressed')).toBe('false');
  });

  it('shows a bookmark made earlier when the page is opened again', async () => {
    button('2609.31473').click();
    await vi.waitFor(async () => expect(await db.entries.count()).toBe(1));
    scanner.stop();
    showPage(fixture(DAILY), 'https://huggingface.co/papers');
    restartScanner();
    await vi.waitFor(() => expect(button('2609.31473').getAttribute('aria-pressed')).toBe('true'));
    expect(button('2609.31620').getAttribute('aria-pressed')).toBe('false');
  });

  it('never adds a second button, and restores one the site removed', async () => {
    scanner.flush();
    document.querySelector('[data-hfp-paper="2609.31620"] button[data-hfp-action="bookmark"]')!.remove();
    await vi.waitFor(() => expect(buttons()).toHaveLength(5));
    scanner.flush();
    expect(buttons()).toHaveLength(5);
    expect(button('2609.31620')).toBeTruthy();
  });

  it('gives a card rendered later its button and stores it', async () => {
    const clone = document.querySelector('article')!.cloneNode(true) as HTMLElement;
    clone.querySelector('button[data-hfp-action]')?.remove();
    delete clone.dataset.hfpPaper;
    for (const a of clone.querySelectorAll('a[href^="/papers/2609.31620"]'))
      a.setAttribute('href', a.getAttribute('href')!.replace('2609.31620', '2610.00001'));
    document.querySelector('article')!.parentElement!.append(clone);
    await vi.waitFor(() => expect(button('2610.00001')).toBeTruthy());
    expect(buttons()).toHaveLength(6);
    await vi.waitFor(async () => expect(await db.papers.get('2610.00001')).toBeTruthy());
  });

  it('sends the embedded JSON again when a restarted worker has lost it', async () => {
    await vi.waitFor(async () => expect((await db.papers.get('2609.31620'))?.abstract).toBeDefined());
    await db.papers.clear();
    fakeBrowser.runtime.onMessage.removeAllListeners();
    startBackground();
    // The same page reports again (a re-render), now to a worker that never saw the JSON.
    for (const el of document.querySelectorAll('[data-hfp-paper]')) el.setAttribute('data-props', 'x');
    document
      .querySelector('[data-target="DailyPapers"]')!
      .setAttribute('data-props', document.querySelector('[data-target="DailyPapers"]')!.getAttribute('data-props')!);
    scanner.flush();
    await vi.waitFor(async () => expect((await db.papers.get('2609.31620'))?.abstract).toMatch(/^Representation/));
  });

  it('reverts the button and tells the user when the library cannot be written', async () => {
    db.close();
    button('2609.30670').click();
    expect(button('2609.30670').getAttribute('aria-pressed')).toBe('true');
    await vi.waitFor(() => expect(button('2609.30670').getAttribute('aria-pressed')).toBe('false'));
    expect(errors).toContainEqual(expect.stringMatching(/Could not save the bookmark: .*nothing was changed/));
  });

  it('applies states pushed by the background (a change made elsewhere)', () => {
    scanner.apply({ '2609.18703': { bookmarked: true } });
    expect(button('2609.18703').getAttribute('aria-pressed')).toBe('true');
  });
});

describe('scanner on a client-side navigation', () => {
  it('reports each card of the new listing once when the URL changes and the listing is replaced', async () => {
    await vi.waitFor(async () => expect((await db.papers.get('2609.31620'))?.abstract).toBeDefined());
    // Each card once by id and title; the three the JSON does not cover once more, with what
    // their DOM shows (read in idle time).
    const reported: string[] = [];
    const readLater: string[] = [];
    fakeBrowser.runtime.onMessage.addListener((m: unknown) => {
      const env = m as { type?: string; payload?: { page: { url: string }; cards: { id: string }[]; props?: { raw?: string } } };
      if (env.type === 'ingest' && env.payload?.page.url.endsWith('2026-09-27') && !env.payload.props?.raw) {
        for (const c of env.payload.cards) (Object.keys(c).some((k) => k !== 'id' && k !== 'title') ? readLater : reported).push(c.id);
      }
      return undefined;
    });
    const island = document.querySelector('[data-target="DailyPapers"]')!;
    const fresh = island.cloneNode(true) as HTMLElement;
    for (const b of fresh.querySelectorAll('button[data-hfp-action]')) b.remove();
    for (const el of fresh.querySelectorAll('[data-hfp-paper]')) el.removeAttribute('data-hfp-paper');
    (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL('https://huggingface.co/papers/date/2026-09-27');
    island.replaceWith(fresh);
    await vi.waitFor(async () => expect((await db.papers.get('2609.30670'))?.lastSeenUrl).toBe('https://huggingface.co/papers/date/2026-09-27'));
    expect(buttons()).toHaveLength(5);
    await vi.waitFor(() => expect(readLater).toHaveLength(3));
    expect(reported.sort()).toEqual([...IDS].sort());
    expect(readLater.sort()).toEqual(['2609.30192', '2609.30670', '2609.31473']);
  });
});

describe('outermost', () => {
  it('keeps only scopes not inside another, so a pass never scans a card twice', () => {
    const island = document.querySelector('[data-target="DailyPapers"]')!;
    const article = document.querySelector('article')!;
    const other = document.createElement('div');
    document.body.append(other);
    expect(outermost([article, island, other])).toEqual([island, other]);
    expect(outermost([document.body, island, article])).toEqual([document.body]);
    expect(outermost([article])).toEqual([article]);
  });
});

describe('scanner with damaged embedded data', () => {
  it('sends a card lean, then its DOM when the background finds its entry damaged', async () => {
    scanner.stop();
    const island = document.querySelector('[data-target="DailyPapers"]')!;
    const json = JSON.parse(island.getAttribute('data-props')!);
    json.dailyPapers[0].paper.upvotes = 'many';
    json.dailyPapers[0].submittedBy = 7;
    island.setAttribute('data-props', JSON.stringify(json));
    for (const b of document.querySelectorAll('button[data-hfp-action]')) b.remove();
    for (const el of document.querySelectorAll('[data-hfp-paper]')) el.removeAttribute('data-hfp-paper');
    await db.papers.clear();
    restartScanner();
    await vi.waitFor(async () => expect(await db.papers.get('2609.31620')).toMatchObject({ upvotes: 110, submitter: 'Hongyang-Du' }));
    const p = await db.papers.get('2609.31620');
    expect(p!.authors).toHaveLength(16);
    expect(p!.abstract).toMatch(/^Representation/);
  });
});
