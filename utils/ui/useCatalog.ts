/**
 * A list of the library as the catalogue's worker answers it: its true length and the rows
 * around those on screen. Until the worker's first answer (an opening restores its snapshot;
 * the very first one reads the library), the view's first rows come straight from an index of
 * the database, or from the last opening's snapshot: never an empty list meanwhile.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ListSpec } from '../catalog/catalog';
import { CatalogClient } from '../catalog/client';
import type { CatalogState, Shown } from '../catalog/messages';
import type { Row } from '../catalog/row';
import type { Entry } from '../model';
import type { EntryChange, Preview } from './actions';
import { NO_FILTERS } from '../catalog/view';
import { firstRows } from '../db/queries';
import { db } from '../db/schema';
import { readSnapshot, writeSnapshot } from './snapshot';
import { useLiveQuery } from './useLiveQuery';

const FIRST_ROWS = 30;
/** Rows asked for beyond those on screen, so a scroll finds them there. */
const MARGIN = 40;

export function useCatalog(spec: ListSpec, query: string) {
  const client = useMemo(() => new CatalogClient(), []);
  const [shown, setShown] = useState<Shown | null>(null);
  const [state, setState] = useState<CatalogState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const range = useRef({ from: 0, to: FIRST_ROWS + MARGIN });
  const asked = useRef(0);
  /** A keystroke's moment, until the question it asks is sent; then each question's, until its answer is painted. */
  const typedAt = useRef(0);
  const searchStarts = useRef(new Map<number, number>());
  const key = JSON.stringify(spec);
  /** This page's edits, shown in their rows at once; once stored, the worker's next answer holds them. */
  const [edits, setEdits] = useState<readonly Edit[]>([]);

  useEffect(() => {
    client.onShown = setShown;
    client.onState = setState;
    client.onError = setError;
    return () => client.close();
  }, [client]);

  useEffect(() => {
    asked.current = client.show(spec, query.trim(), 0, range.current.to);
    if (typedAt.current) searchStarts.current.set(asked.current, typedAt.current);
    typedAt.current = 0;
  }, [key, query]);

  // A search is measured from the keystroke to the paint of the rows answering it (npm run bench reads this).
  useEffect(() => {
    if (!shown) return;
    setEdits((es) => (es.some((e) => e.stored) ? es.filter((e) => !e.stored) : es));
    const start = searchStarts.current.get(shown.seq);
    for (const seq of searchStarts.current.keys()) if (seq <= shown.seq) searchStarts.current.delete(seq);
    if (start !== undefined) requestAnimationFrame(() => performance.measure('hfp:search', { start }));
  }, [shown]);

  // When every paper is searchable by its quick fields, and by its abstract (npm run bench reads these).
  useEffect(() => {
    if (!state?.ready) return;
    if (!performance.getEntriesByName('hfp:catalog:ready').length) performance.mark('hfp:catalog:ready');
    if (!state.indexing && !performance.getEntriesByName('hfp:catalog:indexed').length) performance.mark('hfp:catalog:indexed');
  }, [state]);

  // First paint from an index; the worker's answer replaces it.
  const first = useLiveQuery(() => firstRows(db, spec.view, FIRST_ROWS), [spec.view]);
  const snapshot = useMemo(() => readSnapshot(spec.view), [spec.view]);
  useEffect(() => {
    if (first) writeSnapshot(spec.view, first);
  }, [first]);

  const answered = shown !== null;
  const early = !answered ? (first ?? snapshot) : undefined;
  const total = answered ? shown.total : (early?.length ?? 0);
  const rowAt = (i: number): Row | undefined => withEdits(answered ? shown.rows[i - shown.from] : early?.[i], edits);

  /** The rows on screen changed: ask for more when they run past what is here. */
  function onRange(first: number, last: number) {
    if (!answered || (first >= shown.from && last <= shown.from + shown.rows.length) || last <= first) return;
    const from = Math.max(0, first - MARGIN);
    range.current = { from, to: last + MARGIN };
    asked.current = client.show(spec, query.trim(), from, last + MARGIN);
  }

  return {
    total,
    rowAt,
    onRange,
    /** The worker has answered this page at least once (the rows are the library's, not an early guess). */
    answered,
    /** The rows are the answer to the latest question (this keystroke's, not the one before). */
    current: answered && shown.seq === asked.current,
    counts: shown?.counts,
    complete: shown?.complete ?? true,
    outside: shown?.outside ?? 0,
    state,
    error,
    preview: useCallback<Preview>((ids, change) => {
      const edit: Edit = { ids: new Set(ids), change, stored: false };
      setEdits((es) => [...es, edit]);
      return (stored) => {
        if (stored) edit.stored = true;
        else setEdits((es) => es.filter((e) => e !== edit));
      };
    }, []),
    /** A key was typed into the search box: its answer's paint is timed. */
    markTyped: useCallback(() => {
      typedAt.current = performance.now();
    }, []),
    /** Every id of the list, in order (select all, export). */
    ids: useCallback(() => client.ids(spec, query.trim()), [client, key, query]),
    /** This page changed the library: the worker looks at once rather than wait for the database's notice. */
    look: useCallback(() => client.look(), [client]),
    /** Every saved paper's id, newest first (the whole reading list's exports). */
    savedIds: useCallback(() => client.ids({ view: 'all', filters: NO_FILTERS, sort: 'added' }, ''), [client]),
  };
}

interface Edit {
  ids: ReadonlySet<string>;
  change: EntryChange;
  /** The library holds it: the worker's next answer shows it, and the edit goes. */
  stored: boolean;
}

/** A row as this page's pending edits leave it (only saved papers: an edit of an unsaved one waits for the worker). */
function withEdits(row: Row | undefined, edits: readonly Edit[]): Row | undefined {
  if (!row?.entry || !edits.length) return row;
  let entry: Entry = row.entry;
  for (const e of edits) if (e.ids.has(row.id)) entry = e.change(entry);
  return entry === row.entry ? row : { ...row, entry };
}

export type CatalogList = ReturnType<typeof useCatalog>;
