/**
 * Fuzzing the content script over mutated real pages, also after the page changes again under
 * it: nothing throws to the page and no card gets a second button. CI runs 600 cases (a fixed
 * seed); `npm run fuzz` runs FUZZ_RUNS per page kind.
 */
import * as fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { startScanner } from '../../utils/content/scanner';
import { PAPER_ID_RE } from '../../utils/ids';
import { BASES, linkedIds, mutate, mutation, REPLAY, SCANNER_RUNS } from '../harness/mutate';
import { showPage } from './helpers';

// papers-later.js is imported from the extension's URL in a browser; here, from its source.
vi.mock('../../utils/content/lazy', () => ({ later: () => import('../../utils/content/later') }));

describe('content script fuzz', () => {
  beforeAll(() => {
    fakeBrowser.reset();
    // The background's answer to every batch: nothing known yet. (The background itself has its own tests.)
    fakeBrowser.runtime.onMessage.addListener(((_m: unknown, _s: unknown, reply: (r: unknown) => void) => {
      reply({ ok: true, value: { states: {}, needProps: false, needDom: [] } });
      return true;
    }) as never);
  });
  afterAll(() => fakeBrowser.reset());

  for (const base of BASES) {
    it(`${base.name}: one button per card, before and after the page changes again (${SCANNER_RUNS} cases)`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(mutation, { maxLength: 8 }), fc.array(mutation, { minLength: 1, maxLength: 6 }), async (before, after) => {
          showPage(base.html, base.url);
          for (const m of before) mutate(document, m);
          const scanner = startScanner(document);
          try {
            scanner.flush();
            debug('after the first scan');
            check();
            for (const m of after) mutate(document, m);
            // The content script's observer hears of the changes; its next pass handles them.
            await new Promise((r) => setTimeout(r, 0));
            scanner.flush();
            debug('after the second scan');
            check();
            expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
          } finally {
            scanner.stop();
          }
        }),
        { numRuns: SCANNER_RUNS, ...REPLAY },
      );
    }, 600_000);
  }

  /** FUZZ_DEBUG=1: what the script marked and placed, to read a replayed failure. */
  const debug = (when: string) => {
    if (!process.env.FUZZ_DEBUG) return;
    const marks = [...document.querySelectorAll('[data-hfp-paper], button[data-hfp-action]')].map(
      (e) =>
        `${e.tagName} ${e.getAttribute('data-hfp-paper') ?? e.getAttribute('data-paper-id')} in ${e.parentElement?.tagName}.${e.parentElement?.className.slice(0, 20)}`,
    );
    console.log(when, marks);
  };

  function check() {
    const roots = [...document.querySelectorAll('[data-hfp-paper]')];
    const buttons = [...document.querySelectorAll('button[data-hfp-action="bookmark"]')];
    const linked = linkedIds(document, location.href);
    const perRoot = new Map<Element, number>();
    for (const b of buttons) {
      const root = b.closest('[data-hfp-paper]');
      expect(root, 'a button outside any card').not.toBeNull();
      expect(b.getAttribute('data-paper-id')).toBe(root!.getAttribute('data-hfp-paper'));
      perRoot.set(root!, (perRoot.get(root!) ?? 0) + 1);
    }
    for (const root of roots) {
      const id = root.getAttribute('data-hfp-paper')!;
      expect(id).toMatch(PAPER_ID_RE);
      expect(linked.has(id), `card ${id} not linked on the page`).toBe(true);
      expect(perRoot.get(root) ?? 0, `card ${id}: buttons`).toBe(1);
    }
  }
});
