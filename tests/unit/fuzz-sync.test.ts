/**
 * Generated histories of two and three devices sharing one storage.sync area (the stand-in in
 * tests/harness/sync-area.ts, with the real quotas and write limits, delayed, reordered and
 * coalesced delivery, conflicts won by the server's copy, offline periods, first syncs of
 * libraries made offline, drifting clocks). After everyone reconnects and the writers settle:
 * every device holds the same records and the same library; for every field, the edit with the
 * latest stamp is what every device shows (so no removed bookmark comes back); the area holds
 * all of it; no write error was left unhandled, and the area is within its quota.
 *
 * Three more families: Firefox's counting; write limits far below the real ones (writes fail and
 * are retried); and a quota far too small for the library (papers and notes are left out, and
 * devices must still agree on all the area holds, without rewriting each other's shards forever).
 * CI runs 1,000 histories of the first family, 100 of the next two and 50 of the last; FUZZ_RUNS
 * sets the first (the others follow at a tenth and a twentieth).
 */
import { describe, expect, it } from 'vitest';
import * as fc from 'fast-check';
import { entryCovers, sameState } from '../../utils/sync/merge';
import { strictTotalBytes, SYNC_LIMITS } from '../../utils/sync/quota';
import type { SyncEntry, SyncState } from '../../utils/sync/types';
import { unpack } from '../../utils/sync/unpack';
import { fieldDefault, fieldsOf, historyArb, type Run, runHistory } from '../harness/sync-history';

/** More papers than the small quota holds. */
const MANY = Array.from({ length: 40 }, (_, i) => `25${String(1 + (i % 12)).padStart(2, '0')}.${String(i * 2_371).padStart(5, '0')}`);
const RUNS = Number(process.env.FUZZ_RUNS) || 1000;
const OTHER_RUNS = Math.max(100, Math.floor(RUNS / 10));
/** The small-quota family packs forty papers at every write: slower per history. */
const SMALL_RUNS = Math.max(50, Math.floor(RUNS / 20));

/** A library as comparable data: dates to the second, fields at their default left out. */
function normal(run: Run, i: number) {
  return [...fieldsOf(run.devices[i]!.lib)].filter(([f, v]) => v !== fieldDefault(f)).sort(([a], [b]) => (a < b ? -1 : 1));
}

async function common(run: Run, quota: number) {
  expect(run.settled, 'the devices kept writing: no quiescence').toBe(true);
  const area = run.server.snapshot();
  const stored = await unpack(area);
  expect(stored.problems).toEqual([]);
  expect(strictTotalBytes(area)).toBeLessThanOrEqual(quota);
  for (const d of run.devices) {
    expect(d.stats.unhandled).toBe(0);
    expect(d.area.items).toEqual(new Map(Object.entries(area)));
  }
  return stored.state;
}

/** Everyone holds everything: same records, same library, the latest edit of every field, all of it in the area. */
async function converged(run: Run, quota = SYNC_LIMITS.QUOTA_BYTES) {
  const stored = await common(run, quota);
  const [first, ...rest] = run.devices;
  for (const d of rest) expect(sameState(d.state, first!.state), `${d.id} and ${first!.id} hold different records`).toBe(true);
  const lib0 = normal(run, 0);
  for (let i = 1; i < run.devices.length; i++) expect(normal(run, i)).toEqual(lib0);
  const shown = new Map(lib0);
  for (const [field, { value }] of run.oracle.latest) {
    // A deleted tag that a paper still carries is shown again (both edits kept): its name and
    // colour are those of its last edit before the deletion.
    const live = field.replace(/\.(name|color)$/, '.live');
    if (/^tag\..*\.(name|color)$/.test(field) && (!shown.has(live) || run.oracle.latest.get(live)?.value === false)) continue;
    const carried = /^tag\..*\.live$/.test(field) && value === false && [...shown.keys()].some((f) => f.endsWith(`.tag.${field.slice(4, -5)}`));
    if (carried) continue;
    expect(shown.has(field) ? shown.get(field) : fieldDefault(field), `the latest edit of ${field}`).toEqual(value);
  }
  expect(sameState(stored, first!.state), 'the area lacks something the devices hold').toBe(true);
}

/** A device's record cut down to the fields a stored copy has. */
function project(mine: SyncEntry, stored: SyncEntry): SyncEntry {
  const keys = new Set(stored.tags.map((m) => m.k));
  const out: SyncEntry = { id: mine.id, tags: mine.tags.filter((m) => keys.has(m.k)) };
  for (const f of ['mark', 'status', 'priority', 'note'] as const) if (stored[f] && mine[f]) (out as Record<string, unknown>)[f] = mine[f];
  return out;
}

/** With too little room: every device has all the area holds, and nothing newer for any field in it. */
async function agreeOnArea(run: Run, quota: number) {
  const stored: SyncState = await common(run, quota);
  for (const d of run.devices) {
    for (const [id, e] of stored.entries) {
      const mine = d.state.entries.get(id);
      expect(entryCovers(mine, e), `${d.id} lacks what the area holds of ${id}`).toBe(true);
      expect(entryCovers(e, project(mine!, e)), `${d.id} has newer fields of ${id} than the area`).toBe(true);
    }
    for (const [k, t] of stored.tags) expect(d.state.tags.get(k)).toEqual(t);
    for (const [k, f] of stored.follows) expect(d.state.follows.get(k)).toEqual(f);
    for (const [k, x] of stored.settings) expect(d.state.settings.get(k)).toEqual(x);
  }
}

interface Tally {
  writes: number;
  failed: number;
  conflicts: number;
  leftOut: number;
}

function count(t: Tally, run: Run) {
  for (const d of run.devices) {
    t.writes += d.stats.writes;
    t.failed += d.stats.failed;
    t.conflicts += d.area.stats.overwrittenBySync;
    t.leftOut += (d.report?.leftOut.length ?? 0) + (d.report?.notesLeftOut.length ?? 0);
  }
}

const tally = (): Tally => ({ writes: 0, failed: 0, conflicts: 0, leftOut: 0 });
const say = (name: string, runs: number, t: Tally) =>
  console.log(
    `sync fuzz, ${name}: ${runs} histories, ${t.writes} writes, ${t.conflicts} shards overwritten by sync, ${t.failed} failed writes retried, ${t.leftOut} papers or notes left out`,
  );

describe('devices sharing storage.sync', () => {
  it(`converge without losing the latest edit of any field (Chromium, ${RUNS} histories)`, async () => {
    const t = tally();
    await fc.assert(
      fc.asyncProperty(historyArb(), async (h) => {
        const run = await runHistory(h);
        await converged(run);
        count(t, run);
      }),
      { numRuns: RUNS },
    );
    say('Chromium', RUNS, t);
  }, 600_000);

  it(`converge the same with Firefox's byte counting (${OTHER_RUNS} histories)`, async () => {
    const t = tally();
    await fc.assert(
      fc.asyncProperty(historyArb(), async (h) => {
        const run = await runHistory(h, { flavor: 'firefox' });
        await converged(run);
        count(t, run);
      }),
      { numRuns: OTHER_RUNS },
    );
    say('Firefox', OTHER_RUNS, t);
  }, 600_000);

  it(`converge when the browser refuses writes for their rate (${OTHER_RUNS} histories)`, async () => {
    const t = tally();
    const limits = { ...SYNC_LIMITS, MAX_WRITE_OPERATIONS_PER_MINUTE: 2, MAX_WRITE_OPERATIONS_PER_HOUR: 6 };
    await fc.assert(
      fc.asyncProperty(historyArb(), async (h) => {
        const run = await runHistory(h, { limits });
        await converged(run);
        count(t, run);
      }),
      { numRuns: OTHER_RUNS },
    );
    say('low write limits', OTHER_RUNS, t);
    expect(t.failed).toBeGreaterThan(0);
  }, 600_000);

  it(`agree on all the area holds when the library outgrows it (${SMALL_RUNS} histories)`, async () => {
    const t = tally();
    const quota = 520;
    const limits = { ...SYNC_LIMITS, QUOTA_BYTES: quota, QUOTA_BYTES_PER_ITEM: 200 };
    await fc.assert(
      fc.asyncProperty(historyArb(60, MANY, 20), async (h) => {
        const run = await runHistory(h, { limits, pack: { quota, budget: quota - 80, itemLimit: 200 } });
        await agreeOnArea(run, quota);
        count(t, run);
      }),
      { numRuns: SMALL_RUNS },
    );
    say('small quota', SMALL_RUNS, t);
    expect(t.leftOut).toBeGreaterThan(0);
  }, 600_000);
});
