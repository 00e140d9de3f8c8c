import { liveQuery } from 'dexie';
import { useLayoutEffect, useState } from 'preact/hooks';

/**
 * The value of a Dexie query, kept current: any write to the tables it read (from this page,
 * the background or another tab) re-runs it. `undefined` until the first answer.
 */
export function useLiveQuery<T>(query: () => Promise<T>, deps: unknown[]): T | undefined {
  const [value, setValue] = useState<T>();
  // Subscribed before the first paint, not after it: the query runs while the page paints.
  useLayoutEffect(() => {
    const sub = liveQuery(query).subscribe({ next: setValue, error: (e) => console.error('[hfp] query failed:', e) });
    return () => sub.unsubscribe();
  }, deps);
  return value;
}
