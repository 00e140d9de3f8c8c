/**
 * Search over what a view is drawn from: a worker holds the index, created on the first search
 * and kept in sync with the library. `ranked` is the answer to the current query (null without
 * one); `indexing` counts abstracts still being indexed.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Item } from '../model';
import { SearchClient } from '../search/client';

export function useSearch(query: string, source: Item[] | undefined) {
  const [ranked, setRanked] = useState<string[] | null>(null);
  const [indexing, setIndexing] = useState(0);
  const search = useRef<SearchClient | null>(null);
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
  return { ranked, indexing };
}
