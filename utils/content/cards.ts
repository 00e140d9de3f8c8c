/**
 * Finding paper cards in the page's DOM: every heading link to a paper, up to the largest
 * element holding that paper and no other; on a paper's page, the header around its title.
 * Runs on every scan, so it walks as little as it can. Never throws.
 */
import { paperIdFromHref } from '../ids';
import { anyOf, queryAll, queryFirst, STRUCTURE } from './selectors';

export interface FoundCard {
  /** Card root: the highest element holding this paper and no other. */
  el: HTMLElement;
  id: string;
  /** The heading link (`h3 > a`) or, on a paper page, the `h1`. */
  title: HTMLElement;
}

const TITLE_LINKS = anyOf('titleLink');
/** The title links under `root`, by the first selector that finds any (the others are fallbacks). */
const titleLinks = (root: ParentNode) => queryAll<HTMLAnchorElement>(root, 'titleLink');

/**
 * Cards under `scope`: every heading link to a paper, with its card root. `listing` is the
 * element all cards share (the listing island, else the document body); it is only walked when
 * a card has no `article` around it.
 */
export function findCards(scope: ParentNode, listing: ParentNode): FoundCard[] {
  const links: Iterable<HTMLAnchorElement> = (scope as Element).matches?.(TITLE_LINKS) ? [scope as HTMLAnchorElement] : titleLinks(scope);
  const found: FoundCard[] = [];
  // An <article> is a card when it holds one paper; for one holding several (or none) the
  // structure decides instead.
  const articles = new Map<Element, string>();
  const withIds: Array<[HTMLAnchorElement, string, HTMLElement | null]> = [];
  for (const link of links) {
    const id = paperIdFromHref(link.getAttribute('href'));
    if (!id) continue;
    // One walk up: the card's article, or the page's own title or navigation (no card there).
    const up = link.closest(STRUCTURE.articleOrOutside);
    if (up && up.localName !== 'article') continue;
    const article = up as HTMLElement | null;
    withIds.push([link, id, article]);
    if (article) articles.set(article, articles.has(article) && articles.get(article) !== id ? '' : id);
  }
  let owners: Map<Element, string> | undefined;
  const roots = new Set<Element>();
  for (const [link, id, article] of withIds) {
    let el = article;
    if (!el || articles.get(el) !== id) {
      owners ??= ownersOf(listing);
      el = structuralRoot(link, id, owners);
    }
    // One card per root: a second heading link in it (a duplicate, or a heading naming two
    // papers) is not a second card.
    if (roots.has(el)) continue;
    roots.add(el);
    found.push({ el, id, title: link });
  }
  return found;
}

/** For each ancestor of a title link: the one paper id under it, or '' when there are several. */
function ownersOf(listing: ParentNode): Map<Element, string> {
  const owners = new Map<Element, string>();
  for (const link of titleLinks(listing)) {
    const id = paperIdFromHref(link.getAttribute('href'));
    if (!id) continue;
    for (let el = link.parentElement; el; el = el.parentElement) {
      const owner = owners.get(el);
      if (owner === undefined) owners.set(el, id);
      else if (owner === id || owner === '') break;
      else owners.set(el, '');
    }
  }
  return owners;
}

function structuralRoot(link: HTMLElement, id: string, owners: Map<Element, string>): HTMLElement {
  let el = link.parentElement ?? link;
  for (let up = el.parentElement; up && owners.get(up) === id; up = up.parentElement) {
    if (up.matches(STRUCTURE.frame) || up.querySelector(STRUCTURE.chrome)) break;
    el = up;
  }
  return el;
}

/** A single paper's page: the header block around its `h1`. */
export function findPaperHeader(doc: Document, id: string): FoundCard | null {
  const root = queryFirst(doc, 'paperRoot') ?? doc.body;
  const h1 = root ? (queryFirst<HTMLElement>(root, 'paperTitle') ?? queryFirst<HTMLElement>(doc, 'paperTitle')) : null;
  const el = h1?.parentElement;
  return h1 && el ? { el, id, title: h1 } : null;
}
