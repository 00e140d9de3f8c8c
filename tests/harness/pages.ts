/**
 * Listing pages of any size, built from the real saved daily page: its five card variants are
 * cycled with fresh ids, and its two real `dailyPapers` items are cloned to match. Used where a
 * test or the benchmark needs 100 or 1,000 cards (a weekly or monthly page holds about 100).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const FIXTURES = join(import.meta.dirname, '../fixtures');
const DAILY = readFileSync(join(FIXTURES, 'hf/hf-daily-2026-09-28.excerpt.html'), 'utf8');
const PROPS = JSON.parse(readFileSync(join(FIXTURES, 'hf/hf-daily-2026-09-28.props-excerpt.json'), 'utf8'));
const REAL_IDS = ['2609.31620', '2609.18703', '2609.31473', '2609.30192', '2609.30670'];

const ARTICLES = [...DAILY.matchAll(/<article[\s\S]*?<\/article>/g)].map((m) => m[0]);
const PROPS_ATTR = /data-props="[^"]*"/;

export function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Synthetic ids, unique per index: 2700.00000, 2700.00001, … */
export function syntheticId(i: number): string {
  return `2700.${String(i).padStart(5, '0')}`;
}

export interface ListingOptions {
  cards: number;
  /** How many of the cards have an entry in the embedded JSON (default: all). */
  withProps?: number;
  periodType?: 'day' | 'week' | 'month';
  dateString?: string;
  /** Ids to use instead of synthetic ones. */
  ids?: string[];
}

export interface Listing {
  html: string;
  ids: string[];
  /** The embedded JSON, as an object. */
  props: typeof PROPS;
}

export function listingPage(opts: ListingOptions): Listing {
  const ids = Array.from({ length: opts.cards }, (_, i) => opts.ids?.[i] ?? syntheticId(i));
  const cards = ids.map((id, i) => ARTICLES[i % ARTICLES.length]!.replaceAll(REAL_IDS[i % ARTICLES.length]!, id));
  const withProps = opts.withProps ?? opts.cards;
  const items = ids.slice(0, withProps).map((id, i) => {
    const item = structuredClone(PROPS.dailyPapers[i % PROPS.dailyPapers.length]);
    item.paper.id = id;
    item.paper.title = `${item.paper.title} (${id})`;
    item.title = item.paper.title;
    item.thumbnail = `https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/${id}.png`;
    return item;
  });
  const props = { ...PROPS, dailyPapers: items, periodType: opts.periodType ?? 'day', dateString: opts.dateString ?? PROPS.dateString };
  const first = DAILY.indexOf('<article');
  const last = DAILY.lastIndexOf('</article>') + '</article>'.length;
  const html = (DAILY.slice(0, first) + cards.join('<!---->') + DAILY.slice(last)).replace(
    PROPS_ATTR,
    `data-props="${escapeAttr(JSON.stringify(props))}"`,
  );
  return { html, ids, props };
}
