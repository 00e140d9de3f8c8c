import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import { db } from '../utils/db/schema';
import { makeHandlers } from '../utils/background/handlers';
import { serve } from '../utils/background/serve';
import { broadcastToTabs } from '../utils/background/tabs';

export default defineBackground(() => {
  // Listeners first and synchronously: a worker woken by a message must find them registered.
  serve(makeHandlers({ db, now: Date.now, broadcast: broadcastToTabs }));
  browser.runtime.onInstalled.addListener(() => void db.open());
});
