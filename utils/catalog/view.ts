/**
 * What a list shows: a view (the reading list, a status, a tag, papers only seen), filters, a
 * sort and a search's ranking, applied to rows. Pure functions: the catalogue's worker runs
 * them, the pages take their labels.
 */
import { STATUS_LABEL, type Status, type ViewKey } from '../model';
import type { Row } from './row';

type Item = Row;

export const VIEWS: Array<{ key: ViewKey; label: string }> = [
  { key: 'list', label: 'Reading list' },
  { key: 'to-read', label: STATUS_LABEL['to-read'] },
  { key: 'reading', label: STATUS_LABEL.reading },
  { key: 'read', label: STATUS_LABEL.read },
  { key: 'all', label: 'All' },
];

export type SortKey = 'added' | 'published' | 'upvotes' | 'title' | 'priority';
export const SORTS: Array<{ key: SortKey; label: string }> = [
  { key: 'added', label: 'Date added' },
  { key: 'published', label: 'Published' },
  { key: 'upvotes', label: 'Upvotes' },
  { key: 'title', label: 'Title' },
  { key: 'priority', label: 'Priority' },
];

export interface Filters {
  tags: string[];
  statuses: Status[];
  /** Published between (YYYY-MM-DD, inclusive). */
  from?: string;
  to?: string;
  hasNote?: boolean;
}
export const NO_FILTERS: Filters = { tags: [], statuses: [] };

const saved = (p: Item) => p.entry?.bookmarkedAt !== undefined;

export function inView(p: Item, view: ViewKey): boolean {
  if (view === 'everything') return true;
  if (view === 'seen') return !saved(p);
  if (!saved(p)) return false;
  if (view === 'all') return true;
  if (view === 'list') return p.entry!.status !== 'read';
  if (view.startsWith('tag:')) {
    const tag = view.slice(4).toLowerCase();
    return p.entry!.tags.some((t) => t.toLowerCase() === tag);
  }
  return p.entry!.status === view;
}

export function matchesFilters(p: Item, f: Filters): boolean {
  if (f.tags.length) {
    const tags = new Set(p.entry?.tags.map((t) => t.toLowerCase()));
    if (!f.tags.every((t) => tags.has(t.toLowerCase()))) return false;
  }
  if (f.statuses.length && (!p.entry || !f.statuses.includes(p.entry.status))) return false;
  if (f.from && !(p.publishedAt && p.publishedAt >= f.from)) return false;
  if (f.to && !(p.publishedAt && p.publishedAt <= f.to)) return false;
  if (f.hasNote && !p.entry?.note.trim()) return false;
  return true;
}

/** The order localeCompare gives, ten times faster over 100,000 titles. */
const collator = new Intl.Collator();
const added = (p: Item) => p.entry?.bookmarkedAt ?? p.lastSeenAt;
const COMPARE: Record<SortKey, (a: Item, b: Item) => number> = {
  added: (a, b) => added(b) - added(a),
  published: (a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''),
  upvotes: (a, b) => (b.upvotes ?? -1) - (a.upvotes ?? -1),
  title: (a, b) => collator.compare(a.title, b.title),
  priority: (a, b) => (b.entry?.priority ?? 0) - (a.entry?.priority ?? 0),
};

/** The reading list puts what is still to read first, then what is being read. */
const STATUS_ORDER: Record<Status, number> = { 'to-read': 0, reading: 1, read: 2 };

export function compareFor(view: ViewKey, sort: SortKey): (a: Item, b: Item) => number {
  const by = COMPARE[sort];
  // Ties fall back to the newest first, then to the id descending: the order of the index the
  // first rows are read from, so nothing jumps when the whole library arrives.
  const tie = sort === 'added' ? () => 0 : COMPARE.added;
  const last = (a: Item, b: Item) => b.id.localeCompare(a.id);
  if (view !== 'list') return (a, b) => by(a, b) || tie(a, b) || last(a, b);
  return (a, b) => STATUS_ORDER[a.entry!.status] - STATUS_ORDER[b.entry!.status] || by(a, b) || tie(a, b) || last(a, b);
}

export interface Counts {
  views: Record<'list' | Status | 'all', number>;
  tags: Map<string, number>;
}

export function counts(items: Iterable<Item>): Counts {
  const views = { list: 0, 'to-read': 0, reading: 0, read: 0, all: 0 };
  const tags = new Map<string, number>();
  for (const p of items) {
    if (!saved(p)) continue;
    const e = p.entry!;
    views.all++;
    views[e.status]++;
    if (e.status !== 'read') views.list++;
    for (const t of e.tags) tags.set(t, (tags.get(t) ?? 0) + 1);
  }
  return { views, tags };
}

/** The heading of a view: its name, "Seen, not saved", or the tag's. */
export function viewLabel(view: ViewKey): string {
  if (view === 'seen') return 'Seen, not saved';
  if (view === 'everything') return 'Everything, saved or seen';
  return VIEWS.find((v) => v.key === view)?.label ?? `Tag: ${view.slice(4)}`;
}
