/**
 * Every CSS selector the extension uses on huggingface.co, and nowhere else.
 *
 * Each field lists selectors newest first, each with the day it was last seen on the live site
 * (in a comment: the content script ships without them). `queryFirst` tries them in order, so a
 * site release that renames a class keeps working as long as one entry still matches. Tailwind
 * class names churn (`bg-gradient-to-b` became `bg-linear-to-b`), so structure (`article`,
 * `h3 a[href]`, `#community`) comes first where it can. tests/unit/selectors.test.ts checks each
 * one against the saved pages in tests/fixtures/, with the number of matches expected per page.
 */
export const SELECTORS = {
  /** Svelte island holding a listing and its JSON (daily, weekly, monthly, trending, search). */
  listingRoot: ['[data-target="DailyPapers"]' /* 2026-09-28 */],
  /** Svelte island of a single paper's page. */
  paperRoot: ['[data-target="PaperContent"]' /* 2026-07-25 */],
  /**
   * Link to a paper in a card's heading: the anchor of every card (id = last path segment).
   * Card roots are found from these (parse/dom.ts), so a card without `article` still counts.
   */
  titleLink: [
    'h3 a[href^="/papers/"]' /* 2026-09-28 */,
    'h2 a[href^="/papers/"]' /* 2023-11: listing headings were h2 before the grid redesign */,
  ],
  thumbnail: [
    'img[src*="/social-thumbnails/papers/"]' /* 2026-09-28 */,
    'img[src*="cdn-thumbnails.huggingface.co"]' /* 2024-05 */,
  ],
  /** Upvote count; its wrapper is a login link logged out and a label logged in. */
  upvotes: ['.shadow-alternate .leading-none' /* 2026-09-28 */, '[role="checkbox"] .leading-none' /* 2026-09-28 */],
  /** Organisation chip: `href="/ORG"`, the full name in a truncating span. */
  organization: ['a.rounded-full[href^="/"]:not([href^="/papers"])' /* 2026-09-28 */],
  organizationName: ['span.truncate' /* 2026-09-28 */],
  /** Avatar list of a card with no organisation: one `li[title="Author Name"]` per shown author. */
  authorAvatar: ['ul li[title]' /* 2026-09-28 */],
  comments: ['a[href$="#community"]' /* 2026-09-28 */],
  /** The GitHub mark sits next to the star count. */
  githubIcon: ['svg[viewBox="0 0 256 250"]' /* 2026-09-28 */],
  /** A paper page's title. */
  paperTitle: ['h1' /* 2026-07-25 */],
} satisfies Record<string, string[]>;

export type SelectorName = keyof typeof SELECTORS;

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
