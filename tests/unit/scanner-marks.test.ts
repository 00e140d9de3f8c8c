/**
 * The card's marks on a saved daily page, the content script against the real background:
 * new and seen, saved, dismissed, followed with its reason (as text), the listing's bar and its
 * hide controls, a re-rendered card, and scrolling to a card.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getSettings } from '../../utils/db/settings';
import { later } from '../../utils/content/lazy';
import { MENU_STATUSES } from '../../utils/content/menu';
import { STATUS_LABEL, STATUSES } from '../../utils/model';
import { request } from '../../utils/messaging';
import { button, db, IDS, scanner, useScannerPage } from './scanner-page';

// papers-later.js is imported from the extension's URL in a browser; here, from its source.
vi.mock('../../utils/content/lazy', () => ({ later: () => import('../../utils/content/later') }));

useScannerPage();
afterEach(() => {
  for (const a of ['data-hfp-hide', 'data-hfp-dim']) document.documentElement.removeAttribute(a);
});

const root = (id: string) => document.querySelector<HTMLElement>(`[data-hfp-paper="${id}"]`)!;
const marks = (id: string) => root(id).getAttribute('data-hfp-marks')?.split(' ').sort() ?? [];
const reason = (id: string) => root(id).getAttribute('data-hfp-reason') ?? undefined;
const bar = () => document.querySelector<HTMLElement>('[data-hfp-ui="bar"]')!;
const toggle = (what: string) => document.querySelector<HTMLButtonElement>(`[data-hfp-action="hide-${what}"]`)!;

describe('marks', () => {
  it('on a first visit, every card is new, and the listing’s bar says so', async () => {
    await vi.waitFor(() => expect(IDS.map(marks)).toEqual(IDS.map(() => ['new'])));
    await vi.waitFor(() => expect(bar()).toBeTruthy());
    expect(bar().parentElement).toBe(document.body);
    expect(bar().firstChild!.textContent).toBe('5 new · 0 seen');
    expect([toggle('seen').getAttribute('aria-pressed'), toggle('saved').getAttribute('aria-pressed')]).toEqual(['false', 'false']);
    expect(root(IDS[0]!).querySelectorAll('button[data-hfp-action="menu"]')).toHaveLength(1);
    expect(button(IDS[0]!).previousElementSibling?.getAttribute('data-hfp-action')).toBe('menu');
  });

  it('a saved card is marked saved, a dismissed one dismissed', async () => {
    await vi.waitFor(() => expect(marks(IDS[1]!)).toEqual(['new']));
    button(IDS[1]!).click();
    expect(marks(IDS[1]!)).toEqual(['new', 'saved']);
    scanner.apply({ [IDS[2]!]: { dismissed: true, bookmarked: false, at: 50 } });
    expect(marks(IDS[2]!)).toEqual(['dismissed', 'new']);
  });

  it('a followed card gets a highlight and its reasons, as text', async () => {
    await vi.waitFor(() => expect(marks(IDS[0]!)).toEqual(['new']));
    await request('follow', { kind: 'author', value: 'Hongyang Du' });
    await request('follow', { kind: 'keyword', value: '<autoencoders>' });
    await scanner.refresh();
    expect(marks(IDS[0]!)).toEqual(['followed', 'new']);
    expect(reason(IDS[0]!)).toBe('follows: Hongyang Du · keyword: <autoencoders>');
    expect(root(IDS[0]!).querySelector('autoencoders')).toBeNull();
    expect(root(IDS[0]!).querySelectorAll('[data-hfp-ui]')).toHaveLength(0);
    expect(marks(IDS[1]!)).toEqual(['new']);
    await request('unfollow', { key: 'author:hongyangdu' });
    await request('unfollow', { key: 'keyword:autoencoders' });
    await scanner.refresh();
    expect(marks(IDS[0]!)).toEqual(['new']);
    expect(reason(IDS[0]!)).toBeUndefined();
  });

  it('a card the site renders anew for a paper shown before shows its marks and bookmark at once', async () => {
    button(IDS[3]!).click();
    await vi.waitFor(async () => expect((await db.entries.get(IDS[3]!))?.bookmarkedAt).toBeDefined());
    await vi.waitFor(() => expect(marks(IDS[3]!)).toEqual(['new', 'saved']));
    const old = root(IDS[3]!);
    const fresh = old.cloneNode(true) as HTMLElement;
    for (const el of fresh.querySelectorAll('[data-hfp-action], [data-hfp-ui]')) el.remove();
    fresh.removeAttribute('data-hfp-paper');
    fresh.removeAttribute('data-hfp-marks');
    old.replaceWith(fresh);
    // Checked in the pass that puts the new button, before the library's reply.
    await new Promise((r) => setTimeout(r, 0));
    scanner.flush();
    expect(button(IDS[3]!).getAttribute('aria-pressed')).toBe('true');
    expect(marks(IDS[3]!)).toEqual(['new', 'saved']);
  });
});

describe('hide controls', () => {
  it('hide seen and saved cards, remembered in the library’s settings, and follow a change made elsewhere', async () => {
    await vi.waitFor(() => expect(bar()).toBeTruthy());
    toggle('seen').click();
    expect(document.documentElement.getAttribute('data-hfp-hide')).toBe('seen');
    expect(toggle('seen').getAttribute('aria-pressed')).toBe('true');
    toggle('saved').click();
    expect(document.documentElement.getAttribute('data-hfp-hide')).toBe('seen saved');
    await vi.waitFor(async () => expect(await getSettings(db)).toMatchObject({ hideSeen: true, hideSaved: true }));
    // Another tab (or the library's settings) turned hide-seen off and chose dimming.
    await request('setSettings', { hideSeen: false, hideMode: 'dim' });
    await scanner.refresh();
    expect(document.documentElement.getAttribute('data-hfp-hide')).toBe('saved');
    expect(document.documentElement.hasAttribute('data-hfp-dim')).toBe(true);
    await vi.waitFor(() => expect(toggle('saved').textContent).toBe('Dim saved'));
  });
});

describe('scrolling to a card', () => {
  it('scrolls to a card of the page and flashes it; says so when it is not there', async () => {
    const { scrollToCard } = await later();
    const el = root(IDS[4]!);
    el.scrollIntoView = vi.fn();
    expect(scrollToCard(document, IDS[4]!)).toBe(true);
    expect(el.scrollIntoView).toHaveBeenCalled();
    expect(el.hasAttribute('data-hfp-picked')).toBe(true);
    await vi.waitFor(() => expect(el.hasAttribute('data-hfp-flash')).toBe(true));
    expect(scrollToCard(document, '2601.99999')).toBe(false);
  });
});

it('the menu’s status labels are the library’s', () => {
  expect(Object.fromEntries(MENU_STATUSES)).toEqual(STATUS_LABEL);
  expect(MENU_STATUSES.map(([s]) => s)).toEqual([...STATUSES]);
});
