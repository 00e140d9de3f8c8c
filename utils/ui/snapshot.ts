/**
 * The first rows of a view as last shown, kept in localStorage, so the next opening paints them
 * at once, before IndexedDB has answered (~40 ms); the live rows replace them as soon as they
 * come. Only what a row shows is kept (no abstract, no note text), and a damaged or outdated
 * snapshot is ignored.
 */
import type { Item } from '../model';

const KEY = 'hfp.first.v1:';

export function readSnapshot(view: string): Item[] | undefined {
  try {
    const rows = JSON.parse(localStorage.getItem(KEY + view) ?? 'null') as Item[] | null;
    return Array.isArray(rows) && rows.every((r) => typeof r?.id === 'string' && typeof r.title === 'string' && Array.isArray(r.authors))
      ? rows
      : undefined;
  } catch {
    return undefined;
  }
}

export function writeSnapshot(view: string, rows: Item[]) {
  const lean = rows.map(({ abstract: _a, aiSummary: _s, entry, ...p }) => ({
    ...p,
    ...(entry ? { entry: { ...entry, note: entry.note.trim() ? ' ' : '' } } : {}),
  }));
  try {
    localStorage.setItem(KEY + view, JSON.stringify(lean));
  } catch {
    // A full localStorage only costs the next opening its head start.
  }
}
