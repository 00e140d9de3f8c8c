/**
 * The controls put on each card: the bookmark `<button>` and, just before it, the opener of the
 * card's menu; nothing inside either (icons and the "new" mark are drawn by public/papers.css),
 * so a 100-card page costs 200 elements.
 *
 * Their hooks are a public contract (tests and users' automation rely on them):
 * `data-hfp-paper="<id>"` on the card root, `button[data-hfp-action="bookmark"][data-paper-id][aria-pressed]`
 * and `button[data-hfp-action="menu"][data-paper-id]` inside it.
 */
import type { PaperState } from '../protocol';

export const BUTTON = 'button[data-hfp-action="bookmark"]';
export const MENU = 'button[data-hfp-action="menu"]';

/**
 * Where the buttons sit, always out of the site's flow so no element of the site moves:
 * `corner` over a card's thumbnail (top right), `end` at the bottom right of a card without
 * one (search results), `title` in the right padding of a paper page's title.
 */
export type Place = 'corner' | 'end' | 'title';

const templates: Record<string, HTMLButtonElement> = {};

function make(doc: Document, place: Place, action: 'bookmark' | 'menu'): HTMLButtonElement {
  let button = templates[place + action];
  if (!button) {
    button = templates[place + action] = doc.createElement('button');
    button.type = 'button';
    button.setAttribute('data-hfp-action', action);
    button.setAttribute('data-hfp-place', place);
    if (action === 'menu') {
      button.setAttribute('aria-haspopup', 'dialog');
      button.title = 'Status, tags, note, follow';
    } else {
      button.setAttribute('aria-pressed', 'false');
      button.title = 'Save to your reading list';
    }
  }
  return button.cloneNode() as HTMLButtonElement;
}

/**
 * Makes sure `root` carries exactly one bookmark button (with its menu opener) for paper `id`,
 * re-pointing them if the site reused the element for another paper. Runs for every card of
 * every scan, so a card never marked before (the common case) costs no search of its subtree.
 */
export function ensureControl(root: HTMLElement, anchor: HTMLElement, id: string, title: string, place: Place): HTMLButtonElement {
  const marked = root.getAttribute('data-hfp-paper');
  if (marked !== id) root.setAttribute('data-hfp-paper', id);
  let button: HTMLButtonElement | undefined;
  // A root seen before may hold its button already. So may a paper page's new header root: its
  // button sits in the title, which can move to another root with it (one search per page).
  if (marked !== null || place === 'title') {
    const existing = ownButtons(root);
    button = existing.find((b) => b.parentElement === anchor) ?? existing[0];
    for (const b of existing) if (b !== button) drop(b);
  }
  if (!button) {
    // The pair in one insertion: a 100-card page is 100 writes to the live DOM, not 200.
    const pair = root.ownerDocument.createDocumentFragment();
    button = make(root.ownerDocument, place, 'bookmark');
    pair.append(make(root.ownerDocument, place, 'menu'), button);
    (place === 'title' ? anchor : root).append(pair);
  } else if (button.getAttribute('data-paper-id') !== id) showState(button, { bookmarked: false });
  let menu = button.previousElementSibling;
  if (!menu?.matches(MENU)) {
    menu = make(root.ownerDocument, place, 'menu');
    button.before(menu);
  }
  const name = title.length > 80 ? `${title.slice(0, 79)}…` : title;
  for (const [b, what] of [
    [button, 'Bookmark'],
    [menu, 'Triage'],
  ] as const) {
    if (b.getAttribute('data-paper-id') === id) continue;
    b.setAttribute('data-paper-id', id);
    b.setAttribute('aria-label', `${what}: ${name}`);
  }
  return button;
}

/** The buttons of this card, not of a card inside it (a page may nest one in another). */
function ownButtons(root: Element): HTMLButtonElement[] {
  return [...root.querySelectorAll<HTMLButtonElement>(BUTTON)].filter((b) => b.closest('[data-hfp-paper]') === root);
}

/** A bookmark button goes with its menu opener. */
export function drop(button: Element) {
  if (button.previousElementSibling?.matches(MENU)) button.previousElementSibling.remove();
  button.remove();
}

/** An element the site turned into something else than a card: its marks and buttons go. */
export function unmark(root: Element) {
  for (const b of ownButtons(root)) drop(b);
  for (const a of ['data-hfp-paper', 'data-hfp-marks', 'data-hfp-reason']) root.removeAttribute(a);
}

export function showState(button: HTMLButtonElement, state: Partial<PaperState>) {
  if (state.bookmarked !== undefined && (button.getAttribute('aria-pressed') === 'true') !== state.bookmarked) {
    button.setAttribute('aria-pressed', String(state.bookmarked));
    button.title = state.bookmarked ? 'In your reading list (click to remove)' : 'Save to your reading list';
  }
}

/** Takes everything of ours off the page (the extension was updated or removed). */
export function removeAll(doc: Document) {
  for (const el of doc.querySelectorAll('[data-hfp-action], [data-hfp-ui]')) el.remove();
  for (const el of doc.querySelectorAll('[data-hfp-paper]'))
    for (const a of ['data-hfp-paper', 'data-hfp-marks', 'data-hfp-reason']) el.removeAttribute(a);
  doc.documentElement.removeAttribute('data-hfp-hide');
}
