/**
 * Ways to save a paper without its card: "Add to reading list" on any link to a paper
 * (huggingface.co/papers or arXiv), and the keyboard command, which asks the active papers tab
 * to bookmark its paper (or its focused card). Neither needs a host permission beyond
 * huggingface.co: the context menu only reads the link it was opened on.
 */
import { browser } from 'wxt/browser';
import { paperIdFromLink } from '../ids';
import { PAPERS_PAGES } from '../pages';
import type { TabMessage } from '../protocol';
import type { Handlers } from './handlers';

export const MENU_ID = 'hfp-add-link';
export const COMMAND = 'toggle-bookmark';
const LINK_PATTERNS = [
  'https://huggingface.co/papers/*',
  'https://arxiv.org/abs/*',
  'https://arxiv.org/pdf/*',
  'https://www.arxiv.org/abs/*',
  'https://www.arxiv.org/pdf/*',
];

export function registerShortcuts(handlers: Pick<Handlers, 'setBookmark'>) {
  browser.contextMenus.onClicked.addListener((info) => {
    if (info.menuItemId !== MENU_ID) return;
    const id = paperIdFromLink(info.linkUrl);
    // The paper is stored by id; the site's API fills title, authors and the rest.
    if (id) void handlers.setBookmark({ ids: [id], on: true }).catch((err) => console.warn('[hfp] could not add', id, err));
  });
  browser.commands.onCommand.addListener((command) => {
    if (command !== COMMAND) return;
    void browser.tabs.query({ active: true, currentWindow: true, url: PAPERS_PAGES }).then(([tab]) => {
      const message: TabMessage = { hfp: 1, type: 'toggleFocused' };
      if (tab?.id !== undefined) return browser.tabs.sendMessage(tab.id, message).catch(() => undefined);
    });
  });
  // Menus outlive a worker's restart in Chrome but not everywhere: recreate them on each start.
  void browser.contextMenus
    .removeAll()
    .then(() => browser.contextMenus.create({ id: MENU_ID, title: 'Add to reading list', contexts: ['link'], targetUrlPatterns: LINK_PATTERNS }));
}

/** The toolbar button's badge (MV3 `action`, MV2 `browserAction`). */
export async function setBadge(text: string) {
  const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
  await action.setBadgeText({ text });
  if (text) await action.setBadgeBackgroundColor({ color: '#d97706' });
}
