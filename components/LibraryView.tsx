import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { db } from '../utils/db/schema';
import { allSaved, firstRows, seenNotSaved } from '../utils/db/queries';
import { useLiveQuery } from '../utils/ui/useLiveQuery';
import { readSnapshot, writeSnapshot } from '../utils/ui/snapshot';
import { makeActions } from '../utils/ui/actions';
import { counts as countAll, NO_FILTERS, rows as viewRows, VIEWS, type Filters, type SortKey } from '../utils/ui/view';
import { SearchClient } from '../utils/search/client';
import { hfUrl } from '../utils/links';
import type { Item, Status, ViewKey } from '../utils/model';
import { PaperRow, ROW_HEIGHT } from './PaperRow';
import { PaperEditor } from './PaperEditor';
import { VirtualList } from './VirtualList';
import { Toast, type ToastState } from './Toast';
import { PageCards } from './PageCards';
import { Sidebar } from './Sidebar';
import { BulkBar } from './BulkBar';
import { ExportPanel } from './ExportPanel';
import { ImportPanel } from './ImportPanel';

const FIRST_ROWS = 30;
const VIEW_KEY = 'hfp.view';

/**
 * The reading list: the popup's (`mode="popup"`) and, with filters, sorting, multi-select and
 * the tag manager, the library page's (`mode="page"`). The first rows of the view come from an
 * index at once; the whole library follows for counts, filters and search, and stays live.
 */
export function LibraryView({ mode }: { mode: 'popup' | 'page' }) {
  const [view, setViewState] = useState<ViewKey>(() => (localStorage.getItem(VIEW_KEY) as ViewKey | null) ?? 'list');
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<SortKey>('added');
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [selected, setSelected] = useState(0);
  const [openId, setOpenId] = useState<string | null>(null);
  const [checked, setChecked] = useState<Set<string>>(new Set());
  const [toast, setToast] = useState<ToastState | null>(null);
  const [ranked, setRanked] = useState<string[] | null>(null);
  const [loadAll, setLoadAll] = useState(false);
  const searchBox = useRef<HTMLInputElement>(null);
  const searchAt = useRef(0);

  const notify = useCallback((message: string, undo?: () => void) => setToast({ message, undo, key: Date.now() }), []);
  const actions = useMemo(() => makeActions(notify), [notify]);
  useEffect(() => {
    if (!toast) return;
    const t = setTimeout(() => setToast(null), toast.undo ? 8000 : 6000);
    return () => clearTimeout(t);
  }, [toast]);

  const setView = (v: ViewKey) => {
    setViewState(v);
    setSelected(0);
    localStorage.setItem(VIEW_KEY, v);
  };

  // First paint from an index; the whole library once the first rows are on screen.
  const first = useLiveQuery(() => firstRows(db, view, FIRST_ROWS), [view]);
  const snapshot = useMemo(() => readSnapshot(view), [view]);
  useEffect(() => {
    if (first) writeSnapshot(view, first);
  }, [first]);
  useEffect(() => {
    if (!first || loadAll) return;
    const t = setTimeout(() => setLoadAll(true), 0);
    return () => clearTimeout(t);
  }, [first, loadAll]);
  const all = useLiveQuery(() => (loadAll ? allSaved(db) : Promise.resolve(undefined)), [loadAll]);
  const seen = useLiveQuery(() => (view === 'seen' ? seenNotSaved(db) : Promise.resolve(undefined)), [view]);
  const tags = useLiveQuery(async () => (await db.tags.toArray()).sort((a, b) => a.name.localeCompare(b.name)), []) ?? [];
  const tagMap = useMemo(() => new Map(tags.map((t) => [t.key, t])), [tags]);
  const source: Item[] | undefined = view === 'seen' ? seen : all;
  const counts = useMemo(() => (all ? countAll(all) : undefined), [all]);

  // Search: a worker holds the index; it is created on the first search and kept in sync.
  const search = useRef<SearchClient | null>(null);
  const [indexing, setIndexing] = useState(0);
  useEffect(() => {
    if (query.trim() && !search.current) {
      search.current = new SearchClient();
      search.current.onStatus = (s) => setIndexing(s.pending);
    }
    if (search.current && source) search.current.sync(source);
  }, [source, query]);
  useEffect(() => () => search.current?.close(), []);
  useEffect(() => {
    const q = query.trim();
    if (!q) return setRanked(null);
    let live = true;
    void search.current?.search(q).then((ids) => live && ids && setRanked(ids));
    return () => {
      live = false;
    };
  }, [query, source]);

  const list = useMemo(() => {
    if (!source) return view === 'seen' ? undefined : (first ?? snapshot);
    // Until the index's first answer, the view stays as it was rather than flashing "no match".
    return viewRows(source, view, filters, sort, query.trim() && ranked ? ranked : undefined);
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

  // The key handler sees this render's state. It is swapped during render, not in an effect:
  // an effect runs after paint, and a key pressed in between would act on the previous row.
  const onKeyRef = useRef<(e: KeyboardEvent) => void>(() => {});
  onKeyRef.current = (e: KeyboardEvent) => {
    const typing = (e.target as Element)?.closest?.('input, textarea, select');
    if (e.key === '/' && !typing) {
      e.preventDefault();
      searchBox.current?.focus();
      return;
    }
    if (e.key === 'Escape') {
      if (openId) setOpenId(null);
      else if (query) setQuery('');
      else if (typing) (typing as HTMLElement).blur();
      return;
    }
    if (typing && !(e.target === searchBox.current && (e.key === 'ArrowDown' || e.key === 'ArrowUp' || e.key === 'Enter'))) return;
    if (openId || !list) return;
    const move = (d: number) => {
      e.preventDefault();
      setSelected((s) => Math.max(0, Math.min(list.length - 1, s + d)));
    };
    if (e.key === 'ArrowDown' || e.key === 'j') move(1);
    else if (e.key === 'ArrowUp' || e.key === 'k') move(-1);
    else if (e.key === 'Enter' && current) {
      e.preventDefault();
      setOpenId(current.id);
    } else if (e.key === 'o' && current) window.open(hfUrl(current.id), '_blank');
    else if (['1', '2', '3'].includes(e.key) && targets().length) {
      void actions.setStatus(targets(), (['to-read', 'reading', 'read'] as Status[])[Number(e.key) - 1]!);
    } else if (e.key === 'x' && current && mode === 'page') toggleCheck(current.id, !checked.has(current.id));
    else if ((e.key === 'Delete' || e.key === 'Backspace') && targets().length && !typing) void actions.remove(targets());
  };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => onKeyRef.current(e);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const toggleCheck = (id: string, on: boolean) =>
    setChecked((c) => {
      const next = new Set(c);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const selectedItems = useMemo(() => (checked.size ? [...(all ?? []), ...(seen ?? [])].filter((p) => checked.has(p.id)) : []), [checked, all, seen]);
  const savedIds = useMemo(() => (all ? new Set(all.map((p) => p.id)) : undefined), [all]);
  const savedState = (id: string) => savedIds?.has(id);

  const viewLabel = VIEWS.find((v) => v.key === view)?.label ?? (view === 'seen' ? 'Seen, not saved' : `Tag: ${view.slice(4)}`);
  const emptyLibrary = counts?.views.all === 0 && view !== 'seen';

  const listArea = (
    <div class="list-area">
      {indexing > 0 && query.trim() && (
        <p class="muted indexing" role="status">
          Searching titles, authors, tags and notes; indexing {indexing} abstracts…
        </p>
      )}
      {emptyLibrary ? (
        <div class="empty">
          <p>Your reading list is empty.</p>
          <p>
            Open{' '}
            <a href="https://huggingface.co/papers" target="_blank" rel="noreferrer">
              Hugging Face Daily Papers
            </a>{' '}
            and press the bookmark button on a paper card.
          </p>
        </div>
      ) : list && !list.length ? (
        <div class="empty">
          <p>{query.trim() ? `No paper matches “${query.trim()}”.` : view === 'seen' ? 'Nothing seen but not saved.' : 'Nothing here yet.'}</p>
          {(query || filters !== NO_FILTERS) && (
            <button
              type="button"
              class="link-button"
              onClick={() => {
                setQuery('');
                setFilters(NO_FILTERS);
              }}
            >
              Clear the search and filters
            </button>
          )}
        </div>
      ) : (
        <VirtualList
          items={list ?? []}
          rowHeight={ROW_HEIGHT}
          selected={selected}
          label={viewLabel}
          render={(p, i) => (
            <PaperRow
              paper={p}
              index={i}
              total={list?.length ?? 0}
              selected={i === selected}
              tags={tagMap}
              checked={checked.has(p.id)}
              onCheck={mode === 'page' ? (on) => toggleCheck(p.id, on) : undefined}
              onSelect={() => setSelected(i)}
              onOpen={() => setOpenId(p.id)}
            />
          )}
        />
      )}
    </div>
  );

  const toolbar = (
    <div class="toolbar" data-indexing={indexing || undefined}>
      <input
        ref={searchBox}
        data-testid="search"
        type="search"
        class="search"
        placeholder="Search title, authors, abstract, tags, notes  ( / )"
        aria-label="Search the library"
        value={query}
        onInput={(e) => {
          searchAt.current = performance.now();
          setQuery(e.currentTarget.value);
          setSelected(0);
        }}
      />
      {mode === 'popup' ? (
        <select aria-label="Show" class="view-select" value={view} onChange={(e) => setView(e.currentTarget.value as ViewKey)}>
          {VIEWS.map((v) => (
            <option key={v.key} value={v.key}>
              {v.label}
              {counts ? ` (${counts.views[v.key as keyof typeof counts.views]})` : ''}
            </option>
          ))}
          {tags.length > 0 && (
            <optgroup label="Tags">
              {tags.map((t) => (
                <option key={t.key} value={`tag:${t.name}`}>
                  {t.name}
                  {counts ? ` (${counts.tags.get(t.name) ?? 0})` : ''}
                </option>
              ))}
            </optgroup>
          )}
        </select>
      ) : null}
    </div>
  );

  if (mode === 'popup') {
    return (
      <div class="popup">
        <header class="app-head">
          <h1>Reading list</h1>
          <a class="link-button" href="/library.html" target="_blank" rel="noreferrer">
            Open library ↗
          </a>
        </header>
        <PageCards actions={actions} saved={savedState} />
        {open ? (
          <PaperEditor paper={open} tags={tags} actions={actions} onClose={() => setOpenId(null)} />
        ) : (
          <>
            {toolbar}
            {listArea}
            <ExportPanel view={list} notify={notify} compact />
          </>
        )}
        <Toast toast={toast} onClose={() => setToast(null)} />
      </div>
    );
  }

  return (
    <div class="library">
      <Sidebar
        view={view}
        setView={setView}
        counts={counts}
        tags={tags}
        filters={filters}
        setFilters={setFilters}
        sort={sort}
        setSort={setSort}
        actions={actions}
        items={all}
        visible={list}
      >
        <ExportPanel view={list} selection={selectedItems} library={all} notify={notify} />
        <ImportPanel />
      </Sidebar>
      <main class="library-main">
        <header class="app-head">
          <h1>{viewLabel}</h1>
          <span class="muted">{list ? `${list.length} paper${list.length === 1 ? '' : 's'}` : ''}</span>
        </header>
        {toolbar}
        {checked.size > 0 && (
          <BulkBar
            ids={[...checked]}
            tags={tags}
            actions={actions}
            papers={selectedItems}
            notify={notify}
            onSelectAll={() => setChecked(new Set(list?.map((p) => p.id)))}
            onClear={() => setChecked(new Set())}
          />
        )}
        {listArea}
      </main>
      {open && (
        <aside class="library-editor">
          <PaperEditor paper={open} tags={tags} actions={actions} onClose={() => setOpenId(null)} />
        </aside>
      )}
      <Toast toast={toast} onClose={() => setToast(null)} />
    </div>
  );
}
