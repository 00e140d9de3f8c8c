/**
 * A card's menu on a saved daily page, the content script against the real background: it opens
 * by its opener with focus inside, sets status, tags, note, priority and follows, shows each on
 * the card, keeps Tab inside, and Esc gives focus back.
 */
import { describe, expect, it, vi } from 'vitest';
import { button, db, IDS, useScannerPage } from './scanner-page';

vi.mock('../../utils/content/lazy', () => ({ later: () => import('../../utils/content/later') }));

useScannerPage();

const ID = IDS[0]!;
const opener = () => document.querySelector<HTMLButtonElement>(`[data-hfp-action="menu"][data-paper-id="${ID}"]`)!;
const menu = () => document.querySelector<HTMLElement>('[data-hfp-ui="menu"]');
const inMenu = <E extends Element>(css: string) => menu()!.querySelector<E>(css)!;
const marks = () => document.querySelector(`[data-hfp-paper="${ID}"]`)!.getAttribute('data-hfp-marks')!.split(' ').sort();
const key = (target: Element, k: string, shiftKey = false) =>
  target.dispatchEvent(new KeyboardEvent('keydown', { key: k, shiftKey, bubbles: true, cancelable: true }));

async function openIt() {
  await vi.waitFor(() => expect(marks()).toEqual(['new']));
  opener().click();
  await vi.waitFor(() => expect(menu()).toBeTruthy());
}

describe('the card menu', () => {
  it('opens as a dialog named after the paper, with focus on its status, which shows none for an unsaved paper', async () => {
    await openIt();
    expect(menu()!.getAttribute('role')).toBe('dialog');
    expect(menu()!.getAttribute('aria-label')).toMatch(/^Triage: FuseReg/);
    expect(document.activeElement).toBe(inMenu('[data-hfp-action="status"]'));
    expect([...inMenu<HTMLSelectElement>('[data-hfp-action="status"]').options].map((o) => o.value)).toEqual([
      'to-read',
      'reading',
      'read',
      'dismissed',
    ]);
    expect(inMenu<HTMLSelectElement>('[data-hfp-action="status"]').value).toBe('');
    expect(opener().getAttribute('aria-expanded')).toBe('true');
  });

  it('a status saves the paper and shows on the card; "Not interested" un-saves and dims it', async () => {
    await openIt();
    const status = inMenu<HTMLSelectElement>('[data-hfp-action="status"]');
    status.value = 'reading';
    status.dispatchEvent(new Event('change'));
    await vi.waitFor(() => expect(marks()).toEqual(['new', 'saved']));
    expect(button(ID).getAttribute('aria-pressed')).toBe('true');
    expect(await db.entries.get(ID)).toMatchObject({ status: 'reading', bookmarkedAt: expect.any(Number) });
    status.value = 'dismissed';
    status.dispatchEvent(new Event('change'));
    await vi.waitFor(() => expect(marks()).toEqual(['dismissed', 'new']));
    expect(button(ID).getAttribute('aria-pressed')).toBe('false');
  });

  it('Enter adds a tag (saving the paper), × removes it; note and priority are kept', async () => {
    await openIt();
    const input = inMenu<HTMLInputElement>('[data-hfp-action="tag-input"]');
    input.value = 'diffusion';
    key(input, 'Enter');
    await vi.waitFor(() => expect(menu()!.querySelector('.hfp-menu-chip')?.textContent).toMatch(/^diffusion/));
    expect(await db.entries.get(ID)).toMatchObject({ tags: ['diffusion'], bookmarkedAt: expect.any(Number) });
    expect(marks()).toEqual(['new', 'saved']);
    inMenu<HTMLButtonElement>('[aria-label="Remove tag diffusion"]').click();
    await vi.waitFor(async () => expect((await db.entries.get(ID))?.tags).toEqual([]));
    const priority = inMenu<HTMLSelectElement>('[data-hfp-action="priority"]');
    priority.value = '3';
    priority.dispatchEvent(new Event('change'));
    inMenu<HTMLTextAreaElement>('[data-hfp-action="note"]').value = 'Read §3';
    key(menu()!, 'Escape');
    await vi.waitFor(async () => expect(await db.entries.get(ID)).toMatchObject({ priority: 3, note: 'Read §3' }));
  });

  it('offers the paper’s authors and organisation to follow', async () => {
    await vi.waitFor(async () => expect((await db.papers.get(ID))?.authors.length).toBe(16));
    await openIt();
    const follow = [...menu()!.querySelectorAll<HTMLButtonElement>('[data-hfp-action="follow"]')];
    expect(follow[0]!.textContent).toBe('Follow USC Physical Superintelligence (PSI) Lab');
    expect(follow[1]!.textContent).toBe('Follow Hongyang Du');
    follow[1]!.click();
    await vi.waitFor(() => expect(follow[1]!.getAttribute('aria-pressed')).toBe('true'));
    expect(follow[1]!.textContent).toBe('Following Hongyang Du');
    expect(await db.follows.get('author:hongyangdu')).toMatchObject({ kind: 'author', label: 'Hongyang Du' });
    follow[1]!.click();
    await vi.waitFor(async () => expect(await db.follows.count()).toBe(0));
  });

  it('keeps Tab inside, and Esc closes it and gives focus back to its opener', async () => {
    await openIt();
    const close = inMenu<HTMLButtonElement>('[data-hfp-action="close"]');
    close.focus();
    key(close, 'Tab');
    expect(document.activeElement).toBe(inMenu('[data-hfp-action="status"]'));
    key(document.activeElement!, 'Tab', true);
    expect(document.activeElement).toBe(close);
    key(close, 'Escape');
    expect(menu()).toBeNull();
    expect(document.activeElement).toBe(opener());
    expect(opener().getAttribute('aria-expanded')).toBe('false');
  });

  it('closes on a click outside it; one menu at a time', async () => {
    await openIt();
    document.querySelector(`[data-hfp-action="menu"][data-paper-id="${IDS[1]}"]`)!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await vi.waitFor(() => expect(menu()?.getAttribute('data-paper-id')).toBe(IDS[1]));
    expect(document.querySelectorAll('[data-hfp-ui="menu"]')).toHaveLength(1);
    document.body.dispatchEvent(new Event('pointerdown', { bubbles: true }));
    expect(menu()).toBeNull();
  });
});
