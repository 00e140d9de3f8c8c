/**
 * When the next write to storage.sync may go.
 *
 * Chromium limits set() and remove() calls on storage.sync to MAX_WRITE_OPERATIONS_PER_MINUTE
 * (120) and MAX_WRITE_OPERATIONS_PER_HOUR (1,800), each a bucket refilled a minute or an hour
 * after its first call (extensions/browser/quota_service.cc, TimedLimit); one set() is one
 * operation however many keys it carries. So edits are batched: a write goes `DEBOUNCE_MS` after
 * the last edit, at most `MAX_DELAY_MS` after the first unwritten one, never sooner than
 * `MIN_INTERVAL_MS` after the previous write (at most 24 a minute, 1,440 an hour), and never so
 * that the writes of the last minute or hour would pass 100 or 1,500: a sliding window is
 * stricter than the browser's buckets, so it never trips them, with room to spare.
 *
 * Everything here is a pure function of times in milliseconds. The background keeps the log of
 * its writes in storage.session (the browser's counters live as long as the browser), and sets an
 * alarm for `nextWriteAt`. A failed write is retried later (`backoff`); nothing is lost by a
 * failure, because the local state is the source and the planner plans again from it.
 */

export const DEBOUNCE_MS = 2_000;
export const MAX_DELAY_MS = 20_000;
export const MIN_INTERVAL_MS = 2_500;
export const PER_MINUTE = 100;
export const PER_HOUR = 1_500;
const MINUTE = 60_000;
const HOUR = 3_600_000;

/** Times of this device's recent writes, oldest first. */
export type WriteLog = number[];

export interface Pending {
  /** When the oldest unwritten change happened (undefined: nothing to write). */
  since?: number;
  /** When the latest one happened. */
  last?: number;
  /** No write before this (after a failure). */
  notBefore?: number;
}

/** Keeps the writes of the last hour, with this one. */
export const logWrite = (log: WriteLog, at: number): WriteLog => [...log.filter((t) => t > at - HOUR), at];

/** The earliest moment ≥ t at which fewer than `cap` writes of the log fall in the window before it. */
function afterWindow(log: WriteLog, t: number, window: number, cap: number): number {
  const inWindow = log.filter((x) => x > t - window);
  return inWindow.length < cap ? t : inWindow[inWindow.length - cap]! + window + 1;
}

/** When the next write may go, or undefined when nothing waits. */
export function nextWriteAt(log: WriteLog, pending: Pending, now: number): number | undefined {
  if (pending.since === undefined) return undefined;
  let t = Math.min((pending.last ?? pending.since) + DEBOUNCE_MS, pending.since + MAX_DELAY_MS);
  t = Math.max(t, now, pending.notBefore ?? 0);
  const prev = log[log.length - 1];
  if (prev !== undefined) t = Math.max(t, prev + MIN_INTERVAL_MS);
  for (;;) {
    const u = afterWindow(log, afterWindow(log, t, MINUTE, PER_MINUTE), HOUR, PER_HOUR);
    if (u === t) return t;
    t = u;
  }
}

export type WriteError = 'rate-minute' | 'rate-hour' | 'quota' | 'other';

/**
 * What a failed set() means, from its message: Chromium's "This request exceeds the
 * MAX_WRITE_OPERATIONS_PER_MINUTE quota." and "QUOTA_BYTES quota exceeded"; Firefox's
 * QuotaExceededError.
 */
export function classifyWriteError(message: string): WriteError {
  if (/MAX_WRITE_OPERATIONS_PER_MINUTE/.test(message)) return 'rate-minute';
  if (/MAX_WRITE_OPERATIONS_PER_HOUR/.test(message)) return 'rate-hour';
  if (/QUOTA_BYTES|MAX_ITEMS|quota/i.test(message)) return 'quota';
  return 'other';
}

/**
 * When to try again after the `attempt`-th failure in a row (1, 2, …). A rate error waits for
 * the browser's whole window (its bucket started at most that long ago); a quota error (another
 * device's shards arrived meanwhile) plans again soon, then less often; other errors back off up
 * to ten minutes.
 */
export function backoff(error: WriteError, at: number, attempt: number): number {
  if (error === 'rate-minute') return at + MINUTE + 1;
  if (error === 'rate-hour') return at + HOUR + 1;
  const base = error === 'quota' ? 5_000 : 10_000;
  return at + Math.min(base * 2 ** Math.max(0, attempt - 1), 10 * MINUTE);
}
