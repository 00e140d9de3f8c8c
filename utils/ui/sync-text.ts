/**
 * What the library page says about sync, from the switch and the status the background keeps
 * (utils/db/sync-status.ts). Pure: the hook (useSync.ts) feeds it, the tests call it directly.
 */
import type { SyncStatus } from '../db/sync-status';

export interface SyncText {
  /** "Last synced 3 minutes ago", or why not. */
  line: string;
  /** "4,812 of 5,230 papers · 97 KB of 100 KB" (once a write was planned). */
  usage?: string;
  /** What stays on this device only, when something does. */
  leftOut?: string;
  /** Why the last write did not happen, and when it is tried again. */
  problem?: string;
}

const count = (n: number) => n.toLocaleString('en-US');
const kb = (bytes: number) => `${count(Math.ceil(bytes / 1024))} KB`;
const clock = (at: number) => new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/** "just now", "5 minutes ago", "3 hours ago", or a date. */
export function ago(at: number, now: number): string {
  const s = Math.max(0, Math.round((now - at) / 1000));
  if (s < 60) return 'just now';
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} minute${m === 1 ? '' : 's'} ago`;
  const h = Math.floor(m / 60);
  if (h < 24) return `${h} hour${h === 1 ? '' : 's'} ago`;
  return `on ${new Date(at).toLocaleDateString([], { year: 'numeric', month: 'short', day: 'numeric' })}`;
}

export function syncText(on: boolean, status: SyncStatus, now: number): SyncText {
  const { syncedAt, report, error } = status;
  if (error?.kind === 'unavailable') return { line: `Sync is unavailable: ${error.message}.` };
  if (!on) return { line: 'Sync is off: this library stays on this device.' };
  const out: SyncText = { line: syncedAt === undefined ? 'Not synced yet' : `Last synced ${ago(syncedAt, now)}` };
  if (report) {
    out.usage = `${count(report.synced)} of ${count(report.total)} paper${report.total === 1 ? '' : 's'} · ${kb(report.bytes)} of ${kb(report.quota)}`;
    const parts: string[] = [];
    if (report.leftOut) {
      const read = report.leftOutRead === report.leftOut ? ' read' : '';
      parts.push(`${count(report.leftOut)}${read} paper${report.leftOut === 1 ? '' : 's'} (the least recently changed)`);
    }
    if (report.notesLeftOut) parts.push(`${count(report.notesLeftOut)} note${report.notesLeftOut === 1 ? '' : 's'}`);
    if (parts.length) out.leftOut = `Stay on this device only, for lack of room in the browser's sync: ${parts.join(' and ')}.`;
  }
  if (error) {
    const retry = error.retryAt ? ` Trying again at ${clock(error.retryAt)}.` : '';
    out.problem = `The last sync did not finish: ${error.message}.${retry} Nothing is lost: it is all still in this library.`;
  }
  return out;
}
