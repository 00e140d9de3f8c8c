import { defineBackground } from 'wxt/utils/define-background';
import { db } from '../utils/db/schema';
import { makeHandlers } from '../utils/background/handlers';
import { serve } from '../utils/background/serve';
import { broadcastToTabs } from '../utils/background/tabs';
import { makeFiller } from '../utils/background/fill';
import { registerShortcuts, setBadge } from '../utils/background/shortcuts';

// Firefox (MV2): an event page, stopped when idle like Chrome's service worker; nothing relies on it staying.
export default defineBackground({
  persistent: false,
  main() {
    const filler = makeFiller({ db, now: Date.now, fetch: (url) => fetch(url) });
    const handlers = makeHandlers({ db, now: Date.now, broadcast: broadcastToTabs, filler, badge: setBadge });
    // Listeners first and synchronously: a worker woken by an event must find them registered.
    serve(handlers);
    registerShortcuts(handlers);
    // Whatever a stopped worker left in the fill queue or the matching of a follow, and the badge of a fresh start.
    void filler.pump();
    void handlers.refreshBadge();
    void handlers.resumeBackfills();
  },
});
