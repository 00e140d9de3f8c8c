/**
 * Everything the popup and the library page show and do, composed: the view and its filters,
 * sort and search; the list (from the catalogue's worker); the selected row, the open editor and
 * the checked rows; the actions and their messages; the keyboard.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { NO_FILTERS, type Filters, type SortKey, viewLabel } from '../catalog/view';
import type { ViewKey } from '../model';
import { makeActions } from './actions';
import { useCatalog } from './useCatalog';
import { useListKeys } from './useListKeys';
import { usePaper } from './usePaper';
import { useTags } from './useTags';
import { useToast } from './useToast';

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
  const { toast, notify, close } = useToast();
  const spec = useMemo(() => ({ view, filters, sort }), [view, filters, sort]);
  const list = useCatalog(spec, query);
  // After an edit from this page, the worker looks at once (the database's own notice comes later).
  const actions = useMemo(() => makeActions(notify, list.look, list.preview), [notify, list.look, list.preview]);
  const tags = useTags();
  const open = usePaper(openId);

  useEffect(() => {
    if (list.total) performance.mark('hfp:rows');
  }, [list.total > 0]);

  const current = list.rowAt(Math.min(selected, list.total - 1));
  const targets = () => (checked.size ? [...checked] : current ? [current.id] : []);
  const toggleCheck = (id: string, on: boolean) =>
    setChecked((c) => {
      const next = new Set(c);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  useListKeys({
    total: list.total,
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

  return {
    mode,
    list,
    tags,
    view,
    setView(v: ViewKey) {
      setViewState(v);
      setSelected(0);
      localStorage.setItem(VIEW_KEY, v);
    },
    viewLabel: viewLabel(view),
    emptyLibrary: list.counts?.views.all === 0 && view !== 'seen' && view !== 'everything',
    query,
    /** Typed into the search box: timed to the rows on screen. */
    typeQuery(q: string) {
      list.markTyped();
      setQuery(q);
      setSelected(0);
    },
    clearSearch() {
      setQuery('');
      setFilters(NO_FILTERS);
    },
    searchBox,
    sort,
    setSort,
    filters,
    setFilters,
    selected,
    setSelected,
    open,
    setOpenId,
    checked,
    setChecked,
    toggleCheck,
    actions,
    notify,
    toast,
    closeToast: close,
  };
}

export type ReadingList = ReturnType<typeof useReadingList>;
