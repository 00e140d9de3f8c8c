/**
 * The whole parse of one page in one place, for tests: what the content script reads
 * (utils/content/) and what the background merges into it (parse/props.ts, parse/merge.ts), with the same
 * decisions they make apart: a card its JSON covers is taken from the JSON, any other card
 * (or one whose JSON entry was damaged) from its DOM. The tests check pages with it; the
 * extension runs the same pieces split across its two contexts.
 */
import type { PaperFields } from '../../utils/model';
import { idsInJson } from '../../utils/ids';
import { findCards, findPaperHeader, type FoundCard } from '../../utils/content/cards';
import { readCard, readPaperHeader } from '../../utils/content/read';
import { listingDay, mergeCard } from '../../utils/parse/merge';
import { pageInfo, type PageInfo } from '../../utils/pages';
import { oneLine } from '../../utils/text';
import { readProps, type PropsIndex } from '../../utils/parse/props';
import { queryFirst } from '../../utils/content/selectors';

export interface ParsedPage {
  page: PageInfo;
  /** The day of a daily listing, as it is stored with each paper first seen there. */
  listingDate?: string;
  cards: Array<{ el: HTMLElement; fields: PaperFields }>;
  props: PropsIndex;
}

export function parseDocument(doc: Document, href: string, now: Date): ParsedPage {
  const page = pageInfo(href);
  const found: Array<FoundCard & { header?: true }> = [];
  if (page.kind === 'paper' && page.paperId) {
    const header = findPaperHeader(doc, page.paperId);
    if (header) found.push({ ...header, header: true });
  }
  const listing = queryFirst(doc, 'listingRoot') ?? doc.body;
  // A listing card never shares its root with the paper page's own header.
  found.push(...findCards(listing, listing).filter((c) => c.el !== found[0]?.el));
  const target = page.kind === 'paper' ? 'PaperContent' : 'DailyPapers';
  const raw = queryFirst(doc, target === 'PaperContent' ? 'paperRoot' : 'listingRoot')?.getAttribute('data-props');
  const covered = raw ? idsInJson(raw) : new Set<string>();
  const props = readProps(raw, target);
  const cards = found.map((card) => {
    const data = props.papers.get(card.id);
    const lean = covered.has(card.id) && data && !props.partial.has(card.id);
    const title = oneLine(card.title.textContent ?? '');
    const dom = lean ? { id: card.id, ...(title ? { title } : {}) } : card.header ? readPaperHeader(card, doc) : readCard(card, now);
    return { el: card.el, fields: mergeCard(dom, data) };
  });
  const listingDate = listingDay(page, props.listingDate);
  return listingDate ? { page, cards, props, listingDate } : { page, cards, props };
}
