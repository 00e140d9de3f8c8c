/**
 * Sync's ties to the browser: storage.sync as the area, storage.onChanged for what arrives from
 * other devices, and a timer for the scheduled write. Registered synchronously at each start, as
 * an event-woken worker needs.
 *
 * No `alarms` permission (sync asks for `storage` and nothing else): a write is due 2 to 20 s after
 * an edit, within the worker's idle time. A worker stopped before its timer fired (a rate-limit
 * wait, a retry) left the write pending in IndexedDB, and the next start (any event: a page, the
 * popup, a change arriving from sync) resumes it.
 */
import { browser } from 'wxt/browser';
import type { Sync, SyncArea, Wakeup } from './sync';

export function browserArea(): SyncArea | undefined {
  const sync = browser.storage?.sync;
  if (!sync) return undefined;
  return {
    get: (keys) => sync.get(keys),
    set: (items) => sync.set(items),
    remove: (keys) => sync.remove(keys),
  };
}

export function browserWakeup(flush: () => unknown): Wakeup {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    at(when) {
      clearTimeout(timer);
      timer = setTimeout(flush, Math.max(0, when - Date.now()));
    },
    clear() {
      clearTimeout(timer);
    },
  };
}

export function listenForSync(sync: Sync) {
  browser.storage.onChanged.addListener((changes, areaName) => {
    if (areaName === 'sync') void sync.onChanged(changes).catch((e) => console.warn('[hfp] sync: what arrived could not be merged:', e));
  });
}
