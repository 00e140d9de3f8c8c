/**
 * Write scheduling: edits are batched (debounce, capped delay), writes are spaced, the minute and
 * hour windows are never filled past their caps whatever the history, and a failed write waits as
 * long as its error needs.
 */
import { describe, expect, it } from 'vitest';
import * as fc from 'fast-check';
import {
  backoff,
  classifyWriteError,
  DEBOUNCE_MS,
  logWrite,
  MAX_DELAY_MS,
  MIN_INTERVAL_MS,
  nextWriteAt,
  PER_HOUR,
  PER_MINUTE,
  type WriteLog,
} from '../../utils/sync/schedule';
import { SYNC_LIMITS } from '../../utils/sync/quota';

describe('nextWriteAt', () => {
  it('waits for a pause in the edits, but not longer than the maximum delay', () => {
    expect(nextWriteAt([], {}, 0)).toBeUndefined();
    expect(nextWriteAt([], { since: 1_000, last: 1_000 }, 1_000)).toBe(1_000 + DEBOUNCE_MS);
    expect(nextWriteAt([], { since: 1_000, last: 9_000 }, 9_000)).toBe(9_000 + DEBOUNCE_MS);
    expect(nextWriteAt([], { since: 1_000, last: 1_000 + MAX_DELAY_MS }, 1_000 + MAX_DELAY_MS)).toBe(1_000 + MAX_DELAY_MS);
  });

  it('spaces writes and respects a retry time', () => {
    // The edit's pause would allow 12,100; the previous write, at 10,000, holds it to 12,500.
    expect(nextWriteAt([10_000], { since: 10_100, last: 10_100 }, 10_100)).toBe(10_000 + MIN_INTERVAL_MS);
    expect(nextWriteAt([], { since: 0, last: 0, notBefore: 99_000 }, 5_000)).toBe(99_000);
  });

  it('never lets the writes of any minute or hour pass its cap, far under the browser’s', () => {
    expect(PER_MINUTE).toBeLessThan(SYNC_LIMITS.MAX_WRITE_OPERATIONS_PER_MINUTE);
    expect(PER_HOUR).toBeLessThan(SYNC_LIMITS.MAX_WRITE_OPERATIONS_PER_HOUR);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 4_000 }), { minLength: 1, maxLength: 2_500 }), (gaps) => {
        let log: WriteLog = [];
        let now = 0;
        const all: number[] = [];
        for (const gap of gaps) {
          now += gap;
          const t = nextWriteAt(log, { since: now, last: now }, now)!;
          expect(t).toBeGreaterThanOrEqual(now);
          log = logWrite(log, t);
          all.push(t);
          now = t;
        }
        for (let i = 0; i < all.length; i++) {
          let minute = 0;
          let hour = 0;
          for (let j = i; j < all.length && all[j]! < all[i]! + 3_600_000; j++) {
            hour++;
            if (all[j]! < all[i]! + 60_000) minute++;
          }
          expect(minute).toBeLessThanOrEqual(PER_MINUTE);
          expect(hour).toBeLessThanOrEqual(PER_HOUR);
        }
      }),
      { numRuns: 30 },
    );
  });
});

describe('write errors', () => {
  it('are told apart from their messages (Chromium’s and Firefox’s)', () => {
    expect(classifyWriteError('This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.')).toBe('rate-minute');
    expect(classifyWriteError('This request exceeds the MAX_WRITE_OPERATIONS_PER_HOUR quota.')).toBe('rate-hour');
    expect(classifyWriteError('QUOTA_BYTES quota exceeded')).toBe('quota');
    expect(classifyWriteError('QUOTA_BYTES_PER_ITEM quota exceeded')).toBe('quota');
    expect(classifyWriteError('QuotaExceededError: storage.sync API call exceeded its quota limitations.')).toBe('quota');
    expect(classifyWriteError('Extension context invalidated.')).toBe('other');
  });

  it('wait out the browser’s window, or back off up to ten minutes', () => {
    expect(backoff('rate-minute', 1_000, 1)).toBeGreaterThan(61_000);
    expect(backoff('rate-hour', 1_000, 1)).toBeGreaterThan(3_601_000);
    expect(backoff('quota', 0, 1)).toBe(5_000);
    expect(backoff('quota', 0, 2)).toBe(10_000);
    expect(backoff('other', 0, 30)).toBe(600_000);
  });
});
