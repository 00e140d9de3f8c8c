import { browser } from 'wxt/browser';
import type { TabMessage } from '../protocol';
import { PAPERS_PAGES } from '../pages';

/** Sends to every open papers tab; a tab without our content script simply does not answer. */
export async function broadcastToTabs(message: TabMessage): Promise<void> {
  const tabs = await browser.tabs.query({ url: PAPERS_PAGES });
  await Promise.all(tabs.map((t) => (t.id === undefined ? undefined : browser.tabs.sendMessage(t.id, message).catch(() => undefined))));
}
