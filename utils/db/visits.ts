/**
 * Visits to the papers pages. A visit is under way while a papers page is open (each page's
 * report and heartbeat touch it) and ends after VISIT_GAP_MS without one; the next sign of a
 * papers page starts a new visit, and the one that ended becomes the previous visit. A paper
 * first met since the current visit started is new; one met before it was seen on an earlier visit.
 */
import type { ShelfDB, Visit } from './schema';

/** Half an hour without a papers page open ends a visit. */
export const VISIT_GAP_MS = 30 * 60 * 1000;

export interface VisitNow {
  /** When the current visit started: papers first met since then are new. */
  start: number;
  /** When the visit before it ended (its last sign of a page), if there was one. */
  since?: number;
}

/** A papers page is open at `now`: the current visit goes on, or a new one starts. */
export async function touchVisit(db: ShelfDB, now: number): Promise<VisitNow> {
  return db.transaction('rw', db.visits, async () => {
    const [current, previous] = await db.visits.bulkGet(['current', 'previous']);
    if (current && now - current.last <= VISIT_GAP_MS) {
      // A clock set back never shortens the visit.
      if (now > current.last) await db.visits.put({ ...current, last: now });
      return previous ? { start: current.start, since: previous.last } : { start: current.start };
    }
    const next: Visit = { key: 'current', start: now, last: now };
    await db.visits.bulkPut(current ? [{ ...current, key: 'previous' }, next] : [next]);
    return current ? { start: now, since: current.last } : { start: now };
  });
}

export interface LastVisit {
  start: number;
  last: number;
  /** A papers page was open less than VISIT_GAP_MS ago. */
  ongoing: boolean;
  /** When the visit before it ended, if there was one. */
  since?: number;
}

/** The latest visit, read without touching it (the digest reads it away from the papers pages). */
export async function lastVisit(db: ShelfDB, now: number): Promise<LastVisit | undefined> {
  const [current, previous] = await db.visits.bulkGet(['current', 'previous']);
  if (!current) return undefined;
  const visit: LastVisit = { start: current.start, last: current.last, ongoing: now - current.last <= VISIT_GAP_MS };
  if (previous) visit.since = previous.last;
  return visit;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A moment as the page's summary says it, in local time: "14:05" today, "Tue 14:05" this week, "Sep 21" before. */
export function sinceLabel(at: number, now: number): string {
  const d = new Date(at);
  const time = `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
  const today = new Date(now);
  if (d.toDateString() === today.toDateString()) return time;
  if (now - at < 6 * 24 * 3600 * 1000) return `${DAYS[d.getDay()]} ${time}`;
  return `${MONTHS[d.getMonth()]} ${d.getDate()}`;
}
