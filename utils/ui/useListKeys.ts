/**
 * The keyboard of the popup and the library page: `/` search, `j`/`k` or arrows move, Enter
 * opens, `o` opens on huggingface.co, `1` `2` `3` set the status, `x` selects (library page),
 * Delete removes, Esc goes back.
 */
import { useEffect, useRef } from 'preact/hooks';
import { hfUrl } from '../links';
import type { Row } from '../catalog/row';
import { STATUSES } from '../model';
import type { Actions } from './actions';

export interface ListKeys {
  /** Rows in the list. */
  total: number;
  current: Row | undefined;
  /** The papers an action applies to: the checked ones, else the selected row. */
  targets: () => string[];
  openId: string | null;
  query: string;
  searchBox: { current: HTMLInputElement | null };
  checked: Set<string>;
  /** `x` checks rows (the library page only). */
  canCheck: boolean;
  actions: Actions;
  setOpenId(id: string | null): void;
  setQuery(q: string): void;
  setSelected(update: (s: number) => number): void;
  toggleCheck(id: string, on: boolean): void;
}

export function useListKeys(keys: ListKeys) {
  // The handler sees this render's state. It is swapped during render, not in an effect: an
  // effect runs after paint, and a key pressed in between would act on the previous row.
  const latest = useRef(keys);
  latest.current = keys;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => handleKey(e, latest.current);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

function handleKey(e: KeyboardEvent, k: ListKeys) {
  const typing = (e.target as Element)?.closest?.('input, textarea, select');
  if (e.key === '/' && !typing) {
    e.preventDefault();
    k.searchBox.current?.focus();
    return;
  }
  if (e.key === 'Escape') {
    if (k.openId) k.setOpenId(null);
    else if (k.query) k.setQuery('');
    else if (typing) (typing as HTMLElement).blur();
    return;
  }
  if (typing && !(e.target === k.searchBox.current && (e.key === 'ArrowDown' || e.key === 'ArrowUp' || e.key === 'Enter'))) return;
  const { total } = k;
  if (k.openId || !total) return;
  const move = (d: number) => {
    e.preventDefault();
    k.setSelected((s) => Math.max(0, Math.min(total - 1, s + d)));
  };
  const { current } = k;
  if (e.key === 'ArrowDown' || e.key === 'j') move(1);
  else if (e.key === 'ArrowUp' || e.key === 'k') move(-1);
  else if (e.key === 'Enter' && current) {
    e.preventDefault();
    k.setOpenId(current.id);
  } else if (e.key === 'o' && current) window.open(hfUrl(current.id), '_blank');
  else if (['1', '2', '3'].includes(e.key) && k.targets().length) {
    void k.actions.setStatus(k.targets(), STATUSES[Number(e.key) - 1]!);
  } else if (e.key === 'x' && current && k.canCheck) k.toggleCheck(current.id, !k.checked.has(current.id));
  else if ((e.key === 'Delete' || e.key === 'Backspace') && k.targets().length && !typing) void k.actions.remove(k.targets());
}
