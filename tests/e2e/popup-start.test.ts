/** A new user's first minutes, in a real Chromium: the empty popup, and saving a page's papers from it. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { eventually, launchShelf, openPopup } from '../harness/browser';

describe('empty library', () => {
  it('says what to do next, with a link to Daily Papers', async () => {
    const fresh = await launchShelf();
    try {
      const popup = await openPopup(fresh);
      await popup.waitForSelector('text=Your reading list is empty.');
      expect(await popup.getByRole('link', { name: 'Hugging Face Daily Papers' }).getAttribute('href')).toBe('https://huggingface.co/papers');
    } finally {
      await fresh.close();
    }
  });
});

describe('bookmarking from the popup', () => {
  it('offers the papers of the papers tab, unsaved first, and saves them all at once', async () => {
    const fresh = await launchShelf();
    try {
      fresh.site.set('/papers', readFileSync(new URL('../fixtures/hf/hf-daily-2026-09-28.excerpt.html', import.meta.url), 'utf8'));
      const page = await fresh.context.newPage();
      await page.goto('https://huggingface.co/papers');
      await page.waitForFunction(() => document.querySelectorAll('button[data-hfp-action="bookmark"]').length === 5);
      await page.locator('button[data-hfp-action="bookmark"][data-paper-id="2609.30192"]').click();
      await page.waitForSelector('button[data-paper-id="2609.30192"][aria-pressed="true"]');
      // The popup, here in a tab of the same window: it offers that tab's cards.
      const popup = await openPopup(fresh);
      const section = popup.getByRole('region', { name: 'Papers on this page' });
      await section.waitFor();
      expect(await section.textContent()).toContain('4 of 5 not saved');
      await section.getByRole('button', { name: 'Save all 4' }).click();
      await page.waitForFunction(() => document.querySelectorAll('button[data-hfp-action="bookmark"][aria-pressed="true"]').length === 5, undefined, {
        timeout: 3000,
      });
      await eventually(async () => expect(await popup.locator('.list-area [data-testid="paper-row"]').count()).toBe(5));
    } finally {
      await fresh.close();
    }
  });
});
