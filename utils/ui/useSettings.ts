import { getSettings } from '../db/settings';
import { db } from '../db/schema';
import { useLiveQuery } from './useLiveQuery';

/** The user's settings, live (undefined until read). */
export const useSettings = () => useLiveQuery(() => getSettings(db), []);
