/**
 * Sync's ties to the browser: storage.sync as the area, storage.onChanged for what arrives from
 * other devices, and a wakeup that survives a stopped worker (a timer for the next seconds, an
 * alarm behind it). Registered synchronously at each start, as an event-woken worker needs.
 */
import { browser } from 'wxt/browser';
import type { Sync, SyncArea, Wakeup } from './sync';

export const SYNC_ALARM = 'hfp-sync';
/** Chrome fires a packed extension's alarm no sooner than 30 s after it is set: sooner is the timer's job. */
const ALARM_MIN_MS = 30_000;

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
      void browser.alarms.create(SYNC_ALARM, { when: Math.max(when, Date.now() + ALARM_MIN_MS) });
    },
    clear() {
      clearTimeout(timer);
      void browser.alarms.clear(SYNC_ALARM);
    },
  };
}

export function listenForSync(sync: Sync) {
  browser.storage.onChanged.addListener((changes, areaName) => {
    if (areaName === 'sync') void sync.onChanged(changes).catch((e) => console.warn('[hfp] sync: what arrived could not be merged:', e));
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void sync.flush().catch((e) => console.warn('[hfp] sync: the write failed:', e));
  });
}
