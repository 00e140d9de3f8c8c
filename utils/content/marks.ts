/**
 * Finding and marking cards: each card root gets `data-hfp-paper` and exactly one button; an
 * element marked before that is no card any more loses both; a button that strayed from its card
 * goes. Only the parts of the page that changed (the scopes) are looked at.
 */
import type { PageInfo } from '../pages';
import { oneLine } from '../text';
import { findCards, findPaperHeader, type FoundCard } from './cards';
import { BUTTON, drop, ensureControl, MENU, unmark } from './control';
import { queryFirst } from './selectors';

/** A card found on this pass; `header` for a paper page's own header. */
export type Card = FoundCard & { header?: true; text: string; button: HTMLButtonElement };

export function makeMarker(doc: Document) {
  /** Card roots this script marked, and the buttons it placed (strong refs, dropped once detached). */
  const marks = new Set<Element>();
  const issued = new Set<HTMLButtonElement>();

  /** Marks the cards in `scopes` (nodes the site changed) and returns them. */
  function mark(scopes: Node[], page: PageInfo): Card[] {
    const found: Array<FoundCard & { header?: true }> = [];
    if (page.kind === 'paper' && page.paperId) {
      const header = findPaperHeader(doc, page.paperId);
      if (header) found.push({ ...header, header: true });
    }
    const listing = queryFirst(doc, 'listingRoot') ?? doc.body;
    // Scopes of at most one card (a change inside a card) are searched for stray buttons below;
    // a whole new listing is not (it holds none: only the site's own markup).
    const small: Node[] = [];
    for (const scope of scopes) {
      // A listing card never shares its root with the paper page's own header.
      const inScope = findCards(scope as ParentNode, listing).filter((c) => c.el !== found[0]?.el || !found[0]?.header);
      if (inScope.length <= 1) small.push(scope);
      found.push(...inScope);
    }

    // Elements marked before, in the changed parts, that are no card any more (the site reused or
    // restructured them) lose their mark and button. Known from what this script marked, so no
    // pass walks the page for them.
    const roots = new Set<Element>(found.map((c) => c.el));
    const within = (n: Node) => scopes.some((s) => s === n || s.contains(n));
    for (const el of marks) {
      if (!el.isConnected) marks.delete(el);
      else if (!roots.has(el) && within(el)) {
        unmark(el);
        marks.delete(el);
      }
    }

    const placed = new Set<HTMLButtonElement>();
    // Cards of one listing share their layout: the button's place is decided once per pass
    // (a paper page's own header always puts it by the title).
    let corner: boolean | undefined;
    const cards = found.map((card): Card => {
      const text = oneLine(card.title.textContent ?? '');
      if (!card.header) corner ??= !!queryFirst(card.el, 'thumbnail');
      const button = ensureControl(card.el, card.title, card.id, text, card.header ? 'title' : corner ? 'corner' : 'end');
      placed.add(button);
      marks.add(card.el);
      return { ...card, text, button };
    });

    // A button moved away from its card, or copied by the site (a cloned heading, say), goes.
    const stray = (b: HTMLButtonElement) => b.closest('[data-hfp-paper]')?.getAttribute('data-hfp-paper') !== b.getAttribute('data-paper-id');
    for (const b of issued) {
      if (!b.isConnected) issued.delete(b);
      else if (!placed.has(b) && within(b) && stray(b)) {
        drop(b);
        issued.delete(b);
      }
    }
    for (const scope of small) {
      for (const b of (scope as Element).querySelectorAll?.<HTMLButtonElement>(BUTTON) ?? []) if (!placed.has(b) && stray(b)) drop(b);
      // A menu opener whose bookmark the site removed.
      for (const m of (scope as Element).querySelectorAll?.(MENU) ?? []) if (!m.nextElementSibling?.matches(BUTTON)) m.remove();
    }
    for (const b of placed) issued.add(b);
    return cards;
  }

  return { mark };
}
