/**
 * Every paper of the library as a row, in memory (in the catalogue's worker), and the lists its
 * views show. A list is computed once per view, filters, sort and ranking, and kept: a change to
 * a few rows moves those rows in it rather than sorting the library again, so an edit shows in
 * milliseconds at 100,000 papers.
 */
import type { ViewKey } from '../model';
import type { Row } from './row';
import { compareFor, counts, inView, matchesFilters, type Counts, type Filters, type SortKey, type ViewContext } from './view';

export interface ListSpec {
  view: ViewKey;
  filters: Filters;
  sort: SortKey;
}

interface Cached {
  key: string;
  ranked?: readonly string[];
  ids: string[];
}

/** Views that may hold papers not saved. */
const ALL_ROWS = new Set<ViewKey>(['seen', 'everything', 'followed', 'new', 'dismissed']);

/** Above this many changed rows, a list is computed again rather than patched. */
const PATCH_LIMIT = 200;

export class Catalog {
  private rows = new Map<string, Row>();
  private saved = new Set<string>();
  private cached?: Cached;
  private countsCache?: Counts;
  private ctx: ViewContext = {};

  get size() {
    return this.rows.size;
  }

  get(id: string): Row | undefined {
    return this.rows.get(id);
  }

  values(): IterableIterator<Row> {
    return this.rows.values();
  }

  /** Adds or replaces rows; the lists kept are patched for them. */
  put(rows: Row[]) {
    for (const r of rows) {
      this.rows.set(r.id, r);
      if (r.entry?.bookmarkedAt !== undefined) this.saved.add(r.id);
      else this.saved.delete(r.id);
    }
    this.countsCache = undefined;
    if (this.cached && rows.length <= PATCH_LIMIT) this.patch(this.cached, rows);
    else this.cached = undefined;
  }

  /** Since when papers are new (a visit began): every list and count is made again. */
  setContext(ctx: ViewContext) {
    if (ctx.newSince === this.ctx.newSince) return;
    this.ctx = ctx;
    this.cached = undefined;
    this.countsCache = undefined;
  }

  /** The ids a list shows, in order: a search's ranking when given, else the sort's. */
  list(spec: ListSpec, ranked?: readonly string[]): string[] {
    const key = JSON.stringify(spec);
    const c = this.cached;
    if (c && c.key === key && c.ranked === ranked) return c.ids;
    const ids = ranked ? this.filterRanked(spec, ranked) : this.sorted(spec);
    this.cached = { key, ranked, ids };
    return ids;
  }

  counts(): Counts {
    this.countsCache ??= counts(this.savedRows(), this.unsavedRows(), this.ctx);
    return this.countsCache;
  }

  private *savedRows(): Generator<Row> {
    for (const id of this.saved) yield this.rows.get(id)!;
  }

  private *unsavedRows(): Generator<Row> {
    for (const r of this.rows.values()) if (!this.saved.has(r.id)) yield r;
  }

  /** The candidates of a view: papers only seen are most of the library; the reading list's views hold saved ones only. */
  private candidates(view: ViewKey): Iterable<Row> {
    return ALL_ROWS.has(view) ? this.rows.values() : this.savedRows();
  }

  private shows(r: Row, spec: ListSpec) {
    return inView(r, spec.view, this.ctx) && matchesFilters(r, spec.filters);
  }

  private sorted(spec: ListSpec): string[] {
    const out: Row[] = [];
    for (const r of this.candidates(spec.view)) if (this.shows(r, spec)) out.push(r);
    return out.sort(compareFor(spec.view, spec.sort)).map((r) => r.id);
  }

  private filterRanked(spec: ListSpec, ranked: readonly string[]): string[] {
    return ranked.filter((id) => {
      const r = this.rows.get(id);
      return !!r && this.shows(r, spec);
    });
  }

  /** Moves changed rows within a kept list: out, then back in at their place if they still belong. */
  private patch(c: Cached, changed: Row[]) {
    const spec = JSON.parse(c.key) as ListSpec;
    const ids = new Set(changed.map((r) => r.id));
    let list = c.ids.filter((id) => !ids.has(id));
    if (c.ranked) {
      // A ranking keeps its order: a changed row is in the list if it matches and still belongs.
      const keep = new Set(list);
      for (const r of changed) if (this.shows(r, spec)) keep.add(r.id);
      list = c.ranked.filter((id) => keep.has(id));
    } else {
      const compare = compareFor(spec.view, spec.sort);
      for (const r of changed) {
        if (!this.shows(r, spec)) continue;
        let lo = 0;
        let hi = list.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (compare(this.rows.get(list[mid]!)!, r) <= 0) lo = mid + 1;
          else hi = mid;
        }
        list.splice(lo, 0, r.id);
      }
    }
    this.cached = { ...c, ids: list };
  }
}
