/**
 * The Firefox build in a real Firefox (ESR, over WebDriver BiDi): the content script puts its
 * buttons on a saved daily page, a click is stored by the background in IndexedDB, the popup
 * and the library page list the paper, and a reload of the page shows it still saved. Triage:
 * the cards' marks, and the card's menu (the content script's second part, imported on first
 * use) setting a status.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../harness/browser';
import { launchFirefox, type Firefox } from '../harness/firefox';

const DAILY = fixture('hf/hf-daily-2026-09-28.excerpt.html');
const ID = '2609.31620';
const button = `document.querySelector('[data-hfp-paper="${ID}"] button[data-hfp-action="bookmark"][data-paper-id="${ID}"]')`;
let firefox: Firefox;

beforeAll(async () => {
  firefox = await launchFirefox();
  firefox.site.set('/papers', DAILY);
}, 60_000);
afterAll(async () => {
  await firefox?.close();
});

describe('Firefox', () => {
  it('bookmarks a card; the background stores it; popup and library list it; it survives a reload', async () => {
    const tab = await firefox.open('https://huggingface.co/papers');
    const cards = await firefox.until<number>(tab, `document.querySelectorAll('button[data-hfp-action="bookmark"]').length`);
    expect(cards).toBe(5);
    expect(await firefox.evaluate(tab, `${button}.getAttribute('aria-pressed')`)).toBe('false');
    await firefox.evaluate(tab, `${button}.click()`);
    await firefox.until(tab, `${button}.getAttribute('aria-pressed') === 'true'`);

    const popup = await firefox.open(firefox.extensionUrl('popup.html'));
    const rows = await firefox.until<string[]>(
      popup,
      `(() => { const ids = [...document.querySelectorAll('[data-testid="paper-row"]')].map((r) => r.getAttribute('data-paper-id')); return ids.length ? ids : null; })()`,
    );
    expect(rows).toEqual([ID]);

    const library = await firefox.open(firefox.extensionUrl('library.html'));
    expect(await firefox.until(library, `document.querySelector('[data-testid="paper-row"][data-paper-id="${ID}"]')?.textContent`)).toMatch(
      /FuseReg/,
    );

    // A fresh load of the page asks the background: the state came from IndexedDB.
    await firefox.send('browsingContext.reload', { context: tab, wait: 'complete' });
    await firefox.until(tab, `${button}?.getAttribute('aria-pressed') === 'true'`);
    expect(await firefox.evaluate(tab, `document.querySelectorAll('button[data-hfp-action="bookmark"][aria-pressed="true"]').length`)).toBe(1);
  });

  it('marks the cards and opens a card’s menu, whose status is stored and shown on the card', async () => {
    const tab = await firefox.open('https://huggingface.co/papers');
    const root = (id: string) => `document.querySelector('[data-hfp-paper="${id}"]')`;
    const marks = await firefox.until<string>(
      tab,
      `${root(ID)}?.getAttribute('data-hfp-marks')?.includes('saved') && ${root(ID)}.getAttribute('data-hfp-marks')`,
    );
    expect(marks.split(' ').sort()).toEqual(['new', 'saved']);
    const OTHER = '2609.30670';
    await firefox.evaluate(tab, `document.querySelector('[data-hfp-action="menu"][data-paper-id="${OTHER}"]').click()`);
    const options = await firefox.until<string[]>(
      tab,
      `(() => { const s = document.querySelector('[data-hfp-ui="menu"] [data-hfp-action="status"]'); return s && [...s.options].map((o) => o.value); })()`,
    );
    expect(options).toEqual(['to-read', 'reading', 'read', 'dismissed']);
    await firefox.evaluate(
      tab,
      `(() => { const s = document.querySelector('[data-hfp-ui="menu"] [data-hfp-action="status"]'); s.value = 'reading'; s.dispatchEvent(new Event('change')); })()`,
    );
    await firefox.until(tab, `${root(OTHER)}.getAttribute('data-hfp-marks').split(' ').includes('saved')`);
    expect(
      await firefox.evaluate(
        tab,
        `document.querySelector('button[data-hfp-action="bookmark"][data-paper-id="${OTHER}"]').getAttribute('aria-pressed')`,
      ),
    ).toBe('true');
  });
});
