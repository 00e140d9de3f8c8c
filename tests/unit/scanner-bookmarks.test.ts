/** The order of bookmark changes on a page: rapid clicks, crossing pushes, replies that come late. */
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { button, db, errors, scanner, useScannerPage } from './scanner-page';

// papers-later.js is imported from the extension's URL in a browser; here, from its source.
vi.mock('../../utils/content/lazy', () => ({ later: () => import('../../utils/content/later') }));

useScannerPage();

describe('bookmark order', () => {
  it('rapid clicks end in the state last asked for, one request in flight per paper', async () => {
    const sent: boolean[] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    fakeBrowser.runtime.onMessage.addListener((m: unknown) => {
      const env = m as { type?: string; payload?: { on: boolean } };
      if (env.type !== 'setBookmark') return undefined;
      sent.push(env.payload!.on);
      maxInFlight = Math.max(maxInFlight, ++inFlight);
      setTimeout(() => inFlight--, 0);
      return undefined;
    });
    for (let i = 0; i < 7; i++) button('2609.31473').click();
    expect(button('2609.31473').getAttribute('aria-pressed')).toBe('true');
    await vi.waitFor(async () => expect((await db.entries.get('2609.31473'))?.bookmarkedAt).toBeDefined());
    await vi.waitFor(() => expect(sent.at(-1)).toBe(true));
    expect(sent.length).toBeLessThanOrEqual(2);
    expect(maxInFlight).toBe(1);
    expect(button('2609.31473').getAttribute('aria-pressed')).toBe('true');
  });

  it('a newer change pushed from elsewhere while its own request is on its way wins over that request’s reply', async () => {
    // The background answers this tab's request only after another context's newer change
    // (version 9,999,999: un-bookmarked) has been pushed here.
    fakeBrowser.runtime.onMessage.removeAllListeners();
    // (WXT's fake browser takes the listener's promise as the answer.)
    fakeBrowser.runtime.onMessage.addListener(((m: unknown) => {
      const env = m as { type?: string; payload?: { ids: string[]; on: boolean } };
      if (env.type !== 'setBookmark') return undefined;
      scanner.apply({ '2609.31473': { bookmarked: false, at: 9_999_999 } });
      return new Promise((r) => setTimeout(() => r({ ok: true, value: { before: {}, states: { '2609.31473': { bookmarked: true, at: 5 } } } }), 10));
    }) as never);
    button('2609.31473').click();
    expect(button('2609.31473').getAttribute('aria-pressed')).toBe('true');
    await vi.waitFor(() => expect(button('2609.31473').getAttribute('aria-pressed')).toBe('false'));
    await new Promise((r) => setTimeout(r, 50));
    expect(button('2609.31473').getAttribute('aria-pressed')).toBe('false');
    expect(errors).toEqual([]);
  });

  it('ignores a pushed state older than the one shown (pushes can cross)', () => {
    scanner.apply({ '2609.18703': { bookmarked: true, at: 20 } });
    scanner.apply({ '2609.18703': { bookmarked: false, at: 10 } });
    expect(button('2609.18703').getAttribute('aria-pressed')).toBe('true');
    scanner.apply({ '2609.18703': { bookmarked: false, at: 21 } });
    expect(button('2609.18703').getAttribute('aria-pressed')).toBe('false');
  });
});
