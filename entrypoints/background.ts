import { defineBackground } from 'wxt/utils/define-background';
import { db } from '../utils/db/schema';
import { makeHandlers } from '../utils/background/handlers';
import { serve } from '../utils/background/serve';
import { broadcastToTabs } from '../utils/background/tabs';
import { makeFiller } from '../utils/background/fill';

export default defineBackground(() => {
  const filler = makeFiller({ db, now: Date.now, fetch: (url) => fetch(url) });
  // Listeners first and synchronously: a worker woken by a message must find them registered.
  serve(makeHandlers({ db, now: Date.now, broadcast: broadcastToTabs, filler }));
  // Whatever a stopped worker left in the fill queue.
  void filler.pump();
});
