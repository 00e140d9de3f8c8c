/**
 * The papers of the huggingface.co tab the popup was opened over (its paper, or its listing's
 * cards), asked of that tab's content script: no permission needed.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { PaperFields } from '../model';
import { isPapersPage, PAPERS_PAGES } from '../pages';
import type { TabMessage } from '../protocol';
import { db } from '../db/schema';
import { useLiveQuery } from './useLiveQuery';

export type PageCard = PaperFields & { bookmarked: boolean };

/** The tab's cards, each with whether the library holds it saved (live; the tab's answer until the library's comes). */
export function usePageCards(): PageCard[] | null {
  const [cards, setCards] = useState<PageCard[] | null>(null);
  const saved = useLiveQuery(async () => (cards ? await db.entries.bulkGet(cards.map((c) => c.id)) : undefined), [cards]);
  useEffect(() => {
    void (async () => {
      const tab = await papersTab();
      if (tab?.id === undefined) return;
      const ask: TabMessage = { hfp: 1, type: 'pageCards' };
      const answer = (await browser.tabs.sendMessage(tab.id, ask).catch(() => null)) as PageCard[] | null;
      if (Array.isArray(answer)) setCards(answer);
    })();
  }, []);
  return cards && (saved ? cards.map((c, i) => ({ ...c, bookmarked: saved[i]?.bookmarkedAt !== undefined })) : cards);
}

/**
 * The papers tab the popup was opened over. When the popup itself sits in a tab (opened as a
 * page, say pinned), that is the window's papers tab used last. Tab URLs are visible for
 * huggingface.co only, through the host permission.
 */
async function papersTab() {
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  if (active && isPapersPage(active.url)) return active;
  // `getCurrent` answers only for a page in a tab: a real popup is over the active tab, or nothing.
  if (!(await browser.tabs.getCurrent().catch(() => undefined))) return undefined;
  const tabs = await browser.tabs.query({ currentWindow: true, url: PAPERS_PAGES });
  return tabs.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0];
}
