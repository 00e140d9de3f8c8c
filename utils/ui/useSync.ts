import { useEffect, useState } from 'preact/hooks';
import { db } from '../db/schema';
import { getSettings } from '../db/settings';
import { getSyncStatus } from '../db/sync-status';
import { syncText } from './sync-text';
import { useLiveQuery } from './useLiveQuery';

/** "Last synced …" moves on by itself. */
const TICK_MS = 30_000;

/** The sync switch and what the library page says about sync, live (undefined until read). */
export function useSync() {
  const state = useLiveQuery(async () => ({ on: (await getSettings(db)).sync, status: await getSyncStatus(db) }), []);
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(timer);
  }, []);
  return state && { on: state.on, text: syncText(state.on, state.status, now) };
}
