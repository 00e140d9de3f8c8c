/**
 * A saved daily page with the content script running on it, against the real background
 * handlers (WXT's fake browser, fake-indexeddb). The bindings are live: each test sees its own
 * database, scanner, pushes and errors.
 */
import { afterEach, beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { makeHandlers } from '../../utils/background/handlers';
import { serve } from '../../utils/background/serve';
import { startScanner, type Scanner } from '../../utils/content/scanner';
import { ShelfDB } from '../../utils/db/schema';
import type { TabMessage } from '../../utils/protocol';
import { DAILY, fixture, showPage } from './helpers';

export const IDS = ['2609.31620', '2609.18703', '2609.31473', '2609.30192', '2609.30670'];
export let db: ShelfDB;
export let scanner: Scanner;
export let pushed: TabMessage[];
export let errors: string[];

export function startBackground() {
  serve(makeHandlers({ db, now: () => Date.parse('2026-09-28T12:00:00Z'), broadcast: async (m) => void pushed.push(m) }));
}

/** A new content script on the page as it is now (the old one stopped first by the test). */
export function restartScanner() {
  scanner = startScanner(document);
}

export function useScannerPage() {
  beforeEach(() => {
    fakeBrowser.reset();
    db = new ShelfDB(`test-${Math.random()}`);
    pushed = [];
    const mine: string[] = [];
    errors = mine;
    startBackground();
    showPage(fixture(DAILY), 'https://huggingface.co/papers');
    // Its own list: what an earlier test's stopped scanner still had under way reports elsewhere.
    scanner = startScanner(document, (m) => mine.push(m));
  });

  afterEach(async () => {
    scanner.stop();
    await db.delete();
  });
}

export const buttons = () => [...document.querySelectorAll<HTMLButtonElement>('button[data-hfp-action="bookmark"]')];
export const button = (id: string) =>
  document.querySelector<HTMLButtonElement>(`[data-hfp-paper="${id}"] button[data-hfp-action="bookmark"][data-paper-id="${id}"]`)!;
