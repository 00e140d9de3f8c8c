/**
 * The papers of the huggingface.co tab the popup was opened over (its paper, or its listing's
 * cards), asked of that tab's content script: no permission needed. The side panel follows the
 * window's active tab: another tab picked, or this one navigated, and it asks again.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { PaperFields } from '../model';
import { isPapersPage, PAPERS_PAGES } from '../pages';
import type { TabMessage } from '../protocol';
import { db } from '../db/schema';
import { useLiveQuery } from './useLiveQuery';

export type PageCard = PaperFields & { bookmarked: boolean };

export interface PageCards {
  /** The tab's cards, each with whether the library holds it saved (live; the tab's answer until the library's comes). */
  cards: PageCard[] | null;
  /** Whether a papers tab is there to ask (undefined until known): the popup shows its digest when not. */
  overPapers: boolean | undefined;
  /** Scrolls the tab to a card (the side panel's pick); false when the tab no longer shows it. */
  scrollTo: (id: string) => Promise<boolean>;
}

export function usePageCards({ follow = false } = {}): PageCards {
  const [cards, setCards] = useState<PageCard[] | null>(null);
  const [tabId, setTabId] = useState<number | null | undefined>(undefined);
  const saved = useLiveQuery(async () => (cards ? await db.entries.bulkGet(cards.map((c) => c.id)) : undefined), [cards]);
  useEffect(() => {
    let alive = true;
    const ask = async () => {
      const tab = await papersTab();
      if (!alive) return;
      setTabId(tab?.id ?? null);
      if (tab?.id === undefined) return setCards(null);
      const m: TabMessage = { hfp: 1, type: 'pageCards' };
      const answer = (await browser.tabs.sendMessage(tab.id, m).catch(() => null)) as PageCard[] | null;
      if (alive) setCards(Array.isArray(answer) ? answer : null);
    };
    void ask();
    if (!follow)
      return () => {
        alive = false;
      };
    // The site's own navigation changes the URL without a load: `url` in the change says so.
    const onUpdated = (_id: number, change: { status?: string; url?: string }) => {
      if (change.status === 'complete' || change.url) void ask();
    };
    const onActivated = () => void ask();
    browser.tabs.onUpdated.addListener(onUpdated);
    browser.tabs.onActivated.addListener(onActivated);
    return () => {
      alive = false;
      browser.tabs.onUpdated.removeListener(onUpdated);
      browser.tabs.onActivated.removeListener(onActivated);
    };
  }, [follow]);
  return {
    cards: cards && (saved ? cards.map((c, i) => ({ ...c, bookmarked: saved[i]?.bookmarkedAt !== undefined })) : cards),
    overPapers: tabId === undefined ? undefined : tabId !== null,
    scrollTo: async (id) => {
      if (tabId == null) return false;
      const m: TabMessage = { hfp: 1, type: 'scrollToCard', id };
      return (await browser.tabs.sendMessage(tabId, m).catch(() => false)) === true;
    },
  };
}

/**
 * The papers tab the popup (or the side panel) was opened over. When the page itself sits in a
 * tab (opened as a page, say pinned), that is the window's papers tab used last. Tab URLs are visible for huggingface.co only, through the host permission.
 */
async function papersTab() {
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  if (active && isPapersPage(active.url)) return active;
  // `getCurrent` answers only for a page in a tab: a real popup is over the active tab, or nothing.
  if (!(await browser.tabs.getCurrent().catch(() => undefined))) return undefined;
  const tabs = await browser.tabs.query({ currentWindow: true, url: PAPERS_PAGES });
  return tabs.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0];
}
