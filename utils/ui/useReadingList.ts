/**
 * Everything the popup and the library page show and do, composed: the view and its filters,
 * sort and search; the rows; the selected row, the open editor and the checked rows; the
 * actions and their messages; the keyboard.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Item, ViewKey } from '../model';
import { makeActions } from './actions';
import { useLibrary } from './useLibrary';
import { useListKeys } from './useListKeys';
import { useSearch } from './useSearch';
import { useToast } from './useToast';
import { NO_FILTERS, rows, type Filters, type SortKey, viewLabel } from './view';

const VIEW_KEY = 'hfp.view';

export function useReadingList(mode: 'popup' | 'page') {
  const [view, setViewState] = useState<ViewKey>(() => (localStorage.getItem(VIEW_KEY) as ViewKey | null) ?? 'list');
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<SortKey>('added');
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [selected, setSelected] = useState(0);
  const [openId, setOpenId] = useState<string | null>(null);
  const [checked, setChecked] = useState<Set<string>>(new Set());
  const searchBox = useRef<HTMLInputElement>(null);
  const searchAt = useRef(0);
  const { toast, notify, close } = useToast();
  const actions = useMemo(() => makeActions(notify), [notify]);
  const library = useLibrary(view);
  const { first, snapshot, all, seen, source, counts } = library;
  const { ranked, indexing } = useSearch(query, source);

  const list = useMemo(() => {
    if (!source) return view === 'seen' ? undefined : (first ?? snapshot);
    // Until the index's first answer, the view stays as it was rather than flashing "no match".
    return rows(source, view, filters, sort, query.trim() && ranked ? ranked : undefined);
  }, [source, first, snapshot, view, filters, sort, ranked, query]);

  // A search is measured from the keystroke to the rows on screen (npm run bench reads this).
  useEffect(() => {
    if (searchAt.current && query.trim() && ranked) {
      performance.measure('hfp:search', { start: searchAt.current });
      searchAt.current = 0;
    }
  }, [list]);
  useEffect(() => {
    if (list?.length) performance.mark('hfp:rows');
  }, [list?.length]);

  const open = openId ? (source?.find((p) => p.id === openId) ?? first?.find((p) => p.id === openId)) : undefined;
  const current = list?.[Math.min(selected, (list?.length ?? 1) - 1)];
  const targets = () => (checked.size ? [...checked] : current ? [current.id] : []);
  const toggleCheck = (id: string, on: boolean) =>
    setChecked((c) => {
      const next = new Set(c);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  useListKeys({
    list,
    current,
    targets,
    openId,
    query,
    searchBox,
    checked,
    canCheck: mode === 'page',
    actions,
    setOpenId,
    setQuery,
    setSelected,
    toggleCheck,
  });

  const selectedItems = useMemo(
    () => (checked.size ? [...(all ?? []), ...(seen ?? [])].filter((p) => checked.has(p.id)) : NO_ITEMS),
    [checked, all, seen],
  );
  const savedIds = useMemo(() => (all ? new Set(all.map((p) => p.id)) : undefined), [all]);

  return {
    mode,
    library,
    view,
    setView(v: ViewKey) {
      setViewState(v);
      setSelected(0);
      localStorage.setItem(VIEW_KEY, v);
    },
    viewLabel: viewLabel(view),
    emptyLibrary: counts?.views.all === 0 && view !== 'seen',
    query,
    /** Typed into the search box: timed to the rows on screen. */
    typeQuery(q: string) {
      searchAt.current = performance.now();
      setQuery(q);
      setSelected(0);
    },
    clearSearch() {
      setQuery('');
      setFilters(NO_FILTERS);
    },
    searchBox,
    indexing,
    sort,
    setSort,
    filters,
    setFilters,
    list,
    selected,
    setSelected,
    open,
    setOpenId,
    checked,
    setChecked,
    toggleCheck,
    selectedItems,
    saved: (id: string) => savedIds?.has(id),
    actions,
    notify,
    toast,
    closeToast: close,
  };
}

const NO_ITEMS: Item[] = [];

export type ReadingList = ReturnType<typeof useReadingList>;
