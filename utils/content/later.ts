/** What papers-later.js offers papers.js (see lazy.ts). */
export { readCard, readPaperHeader } from './read';
export { openMenu } from './menu';
export { scrollToCard } from './scroll';
export { makeBar } from './bar';
