import { defineBackground } from 'wxt/utils/define-background';
import { db } from '../utils/db/schema';
import { makeHandlers } from '../utils/background/handlers';
import { serve } from '../utils/background/serve';
import { broadcastToTabs } from '../utils/background/tabs';
import { makeFiller } from '../utils/background/fill';
import { registerShortcuts, setBadge } from '../utils/background/shortcuts';
import { makeSync } from '../utils/background/sync';
import { browserArea, browserWakeup, listenForSync } from '../utils/background/sync-browser';
import { withSync } from '../utils/background/sync-hook';

// Firefox (MV2): an event page, stopped when idle like Chrome's service worker; nothing relies on it staying.
export default defineBackground({
  persistent: false,
  main() {
    const filler = makeFiller({ db, now: Date.now, fetch: (url) => fetch(url) });
    const raw = makeHandlers({ db, now: Date.now, broadcast: broadcastToTabs, filler, badge: setBadge });
    const sync = makeSync({
      db,
      area: browserArea(),
      now: Date.now,
      wakeup: browserWakeup(() => void sync.flush().catch((e) => console.warn('[hfp] sync: the write failed:', e))),
      applied: (ids) => raw.libraryChanged({ ids }),
    });
    const handlers = withSync(raw, sync);
    // Listeners first and synchronously: a worker woken by an event must find them registered.
    serve(handlers);
    registerShortcuts(handlers);
    listenForSync(sync);
    // Whatever a stopped worker left in the fill queue or the matching of a follow, and the badge of a fresh start.
    void filler.pump();
    void raw.refreshBadge();
    void raw.resumeBackfills();
    void sync.start().catch((e) => console.warn('[hfp] sync could not start:', e));
  },
});
