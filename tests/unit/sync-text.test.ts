/** What the library page says about sync (utils/ui/sync-text.ts), from the status the background keeps. */
import { describe, expect, it } from 'vitest';
import { ago, syncText } from '../../utils/ui/sync-text';

const NOW = Date.UTC(2026, 11, 3, 12);
const report = {
  synced: 4812,
  total: 5230,
  notesSynced: 40,
  notesTotal: 52,
  bytes: 99_000,
  quota: 102_400,
  leftOut: 418,
  leftOutRead: 418,
  notesLeftOut: 12,
};

describe('the sync status line', () => {
  it('says when it last synced, how much syncs and what stays on this device', () => {
    expect(syncText(true, { syncedAt: NOW - 5 * 60_000, report }, NOW)).toEqual({
      line: 'Last synced 5 minutes ago',
      usage: '4,812 of 5,230 papers · 97 KB of 100 KB',
      leftOut: "Stay on this device only, for lack of room in the browser's sync: 418 read papers (the least recently changed) and 12 notes.",
    });
  });

  it('says when it is off, unavailable, not yet synced, or why the last write failed', () => {
    expect(syncText(false, { syncedAt: NOW }, NOW).line).toBe('Sync is off: this library stays on this device.');
    expect(syncText(true, { error: { kind: 'unavailable', message: 'this browser has no storage.sync' } }, NOW).line).toBe(
      'Sync is unavailable: this browser has no storage.sync.',
    );
    expect(syncText(true, {}, NOW)).toEqual({ line: 'Not synced yet' });
    const failed = syncText(
      true,
      { syncedAt: NOW - 3_600_000, error: { kind: 'quota', message: 'QUOTA_BYTES quota exceeded', retryAt: NOW + 5000 } },
      NOW,
    );
    expect(failed.line).toBe('Last synced 1 hour ago');
    expect(failed.problem).toMatch(/^The last sync did not finish: QUOTA_BYTES quota exceeded\. Trying again at .+\. Nothing is lost/);
  });

  it('counts time as a person reads it', () => {
    expect(ago(NOW - 20_000, NOW)).toBe('just now');
    expect(ago(NOW - 60_000, NOW)).toBe('1 minute ago');
    expect(ago(NOW - 3 * 3_600_000, NOW)).toBe('3 hours ago');
    expect(ago(NOW - 3 * 86_400_000, NOW)).toMatch(/^on /);
  });
});
