/**
 * Every CSS selector the extension uses on huggingface.co, and nowhere else.
 *
 * Each field lists selectors best first; `queryFirst` tries them in order, so a site release
 * that breaks one (a renamed class, a heading level) still leaves the next. Each entry's comment
 * gives the day of the saved page it was checked on ("inferred" where the page is constructed
 * from tests/fixtures/hf/HF-PAGES.md, a copy of the project's notes on the site). Tailwind class names churn (`bg-gradient-to-b` became `bg-linear-to-b`), so
 * structure comes first where it can and a class-based entry backs it up.
 * tests/unit/selectors.test.ts checks every entry against every saved page, with the number of
 * matches expected on each (tests/fixtures/hf/).
 */
export const SELECTORS = {
  /** Svelte island holding a listing and its JSON (daily, weekly, monthly, trending, search). */
  listingRoot: ['[data-target="DailyPapers"]' /* 2026-09-28 */],
  /** Svelte island of a single paper's page. */
  paperRoot: ['[data-target="PaperContent"]' /* inferred, and in public scrapers 2026-05 */],
  /**
   * Link to a paper in a card's heading: the anchor of every card (id = last path segment).
   * Card roots are found from these (parse/dom.ts), so a card without `article` still counts.
   */
  titleLink: [
    'h3 a[href^="/papers/"]' /* 2026-09-28 */,
    'a.text-balance[href^="/papers/"]' /* 2026-09-28: the same link by its class, should the heading change */,
  ],
  thumbnail: ['img[src*="/social-thumbnails/papers/"]' /* 2026-09-28 */, 'img[src*="cdn-thumbnails.huggingface.co"]' /* 2026-09-28 */],
  /** Upvote count; its wrapper is a login link logged out and a label logged in. */
  upvotes: ['.shadow-alternate .leading-none' /* 2026-09-28 */, '[role="checkbox"] .leading-none' /* 2026-09-28 */],
  /** Organisation chip: `href="/ORG"`, the full name in a truncating span. */
  organization: [
    'a.rounded-full[href^="/"]:not([href^="/papers"])' /* 2026-09-28 */,
    'a[href^="/"]:not([href^="/papers"]):not([href^="/login"]) > img + span' /* 2026-09-28: by its shape */,
  ],
  organizationName: ['span.truncate' /* 2026-09-28 */, 'span' /* 2026-09-28 */],
  /** Avatar list of a card with no organisation: one `li[title="Author Name"]` per shown author. */
  authorAvatar: ['ul li[title]' /* 2026-09-28 */],
  comments: ['a[href$="#community"]' /* 2026-09-28 */],
  /** The GitHub mark sits next to the star count. */
  githubIcon: ['svg[viewBox="0 0 256 250"]' /* 2026-09-28 */],
  /** A paper page's title. */
  paperTitle: ['h1' /* inferred; h1 in public scrapers since 2024 */],
} satisfies Record<string, string[]>;

export type SelectorName = keyof typeof SELECTORS;

/**
 * Structure rather than fields: one selector each, no fallbacks (element names the site has
 * kept since 2024). tests/unit/selectors.test.ts checks them against the saved pages too.
 */
export const STRUCTURE = {
  /** From a title link up: its card's `article`, or where no card can be (the page's title, its navigation). */
  articleOrOutside: 'article, h1, nav' /* 2026-09-28 */,
  /** Climbing from a title link to its card root stops below these: they frame a listing, never one card. */
  frame: 'main, section, body, form, [data-target]' /* 2026-09-28 */,
  /** An element holding any of these is page chrome, never one card. */
  chrome: 'h1, h2, nav, input[type="search"], input[type="text"]' /* 2026-09-28 */,
};

export function queryFirst<E extends Element = Element>(root: ParentNode, name: SelectorName): E | null {
  for (const css of SELECTORS[name]) {
    const el = root.querySelector<E>(css);
    if (el) return el;
  }
  return null;
}

export function queryAll<E extends Element = Element>(root: ParentNode, name: SelectorName): E[] {
  for (const css of SELECTORS[name]) {
    const list = root.querySelectorAll<E>(css);
    if (list.length) return Array.from(list);
  }
  return [];
}

/** One selector string matching any of a field's fallbacks (for `closest` and `matches`). */
export function anyOf(name: SelectorName): string {
  return SELECTORS[name].join(', ');
}
