/**
 * The Firefox build in a real Firefox (ESR, over WebDriver BiDi): the content script puts its
 * buttons on a saved daily page, a click is stored by the background in IndexedDB, the popup
 * and the library page list the paper, and a reload of the page shows it still saved.
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
});
