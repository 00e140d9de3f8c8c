/**
 * The bookmark control put on each card: one `<button>`, nothing inside it (its icon and the
 * "seen" mark are drawn by public/papers.css), so a 100-card page costs 100 elements.
 *
 * Its hooks are a public contract (tests and users' automation rely on them):
 * `data-hfp-paper="<id>"` on the card root and
 * `button[data-hfp-action="bookmark"][data-paper-id][aria-pressed]` inside it.
 */
import type { PaperState } from '../protocol';

export const BUTTON = 'button[data-hfp-action="bookmark"]';

/**
 * Where the button sits, always out of the site's flow so no element of the site moves:
 * `corner` over a card's thumbnail (top right), `end` at the bottom right of a card without
 * one (search results), `title` in the right padding of a paper page's title.
 */
export type Place = 'corner' | 'end' | 'title';

const templates: Partial<Record<Place, HTMLButtonElement>> = {};

function template(doc: Document, place: Place): HTMLButtonElement {
  let button = templates[place];
  if (!button) {
    button = templates[place] = doc.createElement('button');
    button.type = 'button';
    button.setAttribute('data-hfp-action', 'bookmark');
    button.setAttribute('data-hfp-place', place);
    button.setAttribute('aria-pressed', 'false');
    button.title = 'Save to your reading list';
  }
  return button.cloneNode() as HTMLButtonElement;
}

/**
 * Makes sure `root` carries exactly one button for paper `id`, re-pointing it if the site
 * reused the element for another paper. Runs for every card of every scan, so a card never
 * marked before (the common case) costs no search of its subtree.
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
    for (const b of existing) if (b !== button) b.remove();
    if (button?.getAttribute('data-paper-id') === id) return button;
  }
  if (button) {
    showState(button, { bookmarked: false });
  } else {
    button = template(root.ownerDocument, place);
    if (place === 'title') anchor.append(button);
    else root.append(button);
  }
  button.setAttribute('data-paper-id', id);
  button.setAttribute('aria-label', `Bookmark: ${title.length > 80 ? `${title.slice(0, 79)}…` : title}`);
  return button;
}

/** The buttons of this card, not of a card inside it (a page may nest one in another). */
function ownButtons(root: Element): HTMLButtonElement[] {
  return [...root.querySelectorAll<HTMLButtonElement>(BUTTON)].filter((b) => b.closest('[data-hfp-paper]') === root);
}

/** An element the site turned into something else than a card: its mark and its button go. */
export function unmark(root: Element) {
  for (const b of ownButtons(root)) b.remove();
  root.removeAttribute('data-hfp-paper');
}

export function showState(button: HTMLButtonElement, state: Partial<PaperState>) {
  if (state.bookmarked !== undefined && (button.getAttribute('aria-pressed') === 'true') !== state.bookmarked) {
    button.setAttribute('aria-pressed', String(state.bookmarked));
    button.title = state.bookmarked ? 'In your reading list (click to remove)' : 'Save to your reading list';
  }
}

/** Takes everything of ours off the page (the extension was updated or removed). */
export function removeAll(doc: Document) {
  for (const el of doc.querySelectorAll(`${BUTTON}, [data-hfp-ui]`)) el.remove();
  for (const el of doc.querySelectorAll<HTMLElement>('[data-hfp-paper]')) delete el.dataset.hfpPaper;
}
