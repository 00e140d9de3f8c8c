/**
 * What a card shows, read from its DOM: for cards the page's embedded JSON does not cover
 * (search results, stale data), in idle time. Free of Zod and JSON (both too heavy for the
 * page's main thread: the background validates the JSON). Never throws: a field it cannot
 * read is left out.
 */
import type { PaperFields } from '../model';
import { oneLine } from '../text';
import type { FoundCard } from './cards';
import { queryAll, queryFirst } from './selectors';

/** Everything one card shows. `now` resolves dates printed without a year ("May 29"). */
export function readCard(card: FoundCard, now: Date): PaperFields {
  const { el, id } = card;
  const fields: PaperFields = { id };
  const title = text(card.title);
  if (title) fields.title = title;

  const thumb = queryFirst<HTMLImageElement>(el, 'thumbnail')?.getAttribute('src');
  if (thumb) fields.thumbnail = thumb;
  setCount(fields, 'upvotes', queryFirst(el, 'upvotes'));
  setCount(fields, 'comments', queryFirst(el, 'comments'));
  setCount(fields, 'githubStars', queryFirst(el, 'githubIcon')?.closest('a') ?? null);

  const chip = queryFirst<HTMLElement>(el, 'organization');
  const org = chip?.closest('a');
  const slug = org?.getAttribute('href')?.slice(1).replace(/\/$/, '');
  if (org && slug && !slug.includes('/')) {
    const fullname = text(queryFirst(org, 'organizationName') ?? org);
    fields.organization = fullname && fullname !== slug ? { name: slug, fullname } : { name: slug };
  }

  const names = queryAll(el, 'authorAvatar')
    .map((li) => li.getAttribute('title')?.trim() ?? '')
    .filter(Boolean);
  if (names.length) fields.authors = names;

  // What has no element of its own is read from the card's text, anchored on the site's "·".
  const all = el.textContent ?? '';
  // The last match: on a search result the meta line comes after the abstract.
  let m = lastMatch(AUTHORS_RE, all);
  if (m) fields.authorCount = toInt(m[1]);
  m = lastMatch(DATE_RE, all);
  const day = m && toDay(m, now);
  if (day) fields.publishedAt = day;
  if (all.includes('Submitted by')) {
    const walker = el.ownerDocument.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.nodeValue?.trimStart().startsWith('Submitted by')) continue;
      const who = text(node.parentElement).replace(/^Submitted by\s*/, '');
      if (who) fields.submitter = who;
      break;
    }
  }
  // Only a card with much more text than its title can show an abstract (search results do).
  if (all.length - title.length > 200) {
    const abstract = abstractOf(el, id, card.title);
    if (abstract) fields.abstract = abstract;
  }
  return fields;
}

/** A search result repeats the paper link around its abstract. */
function abstractOf(el: HTMLElement, id: string, title: HTMLElement): string | undefined {
  for (const a of el.querySelectorAll<HTMLAnchorElement>(`a[href="/papers/${id}"]`)) {
    if (a === title || a.closest('h1, h2, h3')) continue;
    const t = text(a);
    if (t.length > 80) return t;
  }
  for (const p of el.querySelectorAll('p')) {
    const t = text(p);
    if (t.length > 80) return t;
  }
  return undefined;
}

export function readPaperHeader(card: FoundCard, doc: Document): PaperFields {
  const fields: PaperFields = { id: card.id };
  const title = text(card.title);
  if (title) fields.title = title;
  const root = queryFirst(doc, 'paperRoot') ?? doc.body;
  // "Abstract" is a heading followed by the text (seen 2025; see tests/fixtures/hf/HF-PAGES.md).
  for (const h of root.querySelectorAll('h2, h3')) {
    if (text(h).toLowerCase() !== 'abstract') continue;
    const body = text(h.nextElementSibling) || text(h.parentElement).replace(/^Abstract\s*/i, '');
    if (body) fields.abstract = body;
    break;
  }
  setCount(fields, 'upvotes', queryFirst(card.el.parentElement ?? card.el, 'upvotes'));
  return fields;
}

const AUTHORS_RE = /(?<![\d,])(\d[\d,]*)\s+authors?\b/gi;
/** "· May 29" or "· Feb 27, 2025" (search results print the date after a middle dot). */
const DATE_RE = /·\s*(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(\d{1,2})(?:,\s*(\d{4}))?\b/g;

function lastMatch(re: RegExp, s: string): RegExpExecArray | null {
  let last: RegExpExecArray | null = null;
  re.lastIndex = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) last = m;
  return last;
}

/** "Feb 27, 2025" → 2025-02-27; "May 29" → this year's, or last year's if that is still to come. */
function toDay(m: RegExpExecArray, now: Date): string | undefined {
  const month = 'janfebmaraprmayjunjulaugsepoctnovdec'.indexOf(m[1]!.slice(0, 3).toLowerCase()) / 3;
  const day = Number(m[2]);
  let year = m[3] ? Number(m[3]) : now.getUTCFullYear();
  if (!m[3] && Date.UTC(year, month, day) > now.getTime() + 86_400_000) year -= 1;
  const d = new Date(Date.UTC(year, month, day));
  if (d.getUTCMonth() !== month) return undefined;
  return d.toISOString().slice(0, 10);
}

type CountField = 'upvotes' | 'comments' | 'githubStars';

function setCount(fields: PaperFields, key: CountField, el: Element | null) {
  if (!el) return;
  const t = text(el);
  // Search results print "-" for zero upvotes.
  const n = t === '-' ? 0 : parseCount(t);
  if (n !== undefined) fields[key] = n;
}

/** "110", "1,234", "1.2k" → numbers; anything else → undefined. */
export function parseCount(t: string): number | undefined {
  const m = /^(\d+(?:[.,]\d+)*)\s*([kKmM])?$/.exec(t.trim());
  if (!m) return undefined;
  if (!m[2]) return toInt(m[1]);
  const base = Number(m[1]!.replace(/,/g, ''));
  return Math.round(base * (m[2].toLowerCase() === 'k' ? 1e3 : 1e6));
}

function toInt(s: string | undefined): number | undefined {
  const n = Number((s ?? '').replace(/[,.]/g, ''));
  return Number.isSafeInteger(n) ? n : undefined;
}

function text(el: Element | null | undefined): string {
  return oneLine(el?.textContent ?? '');
}
