/**
 * Generated histories of two and three devices sharing one storage.sync area (the stand-in in
 * tests/harness/sync-area.ts, with the real quotas and write limits, delayed, reordered and
 * coalesced delivery, conflicts won by the server's copy, offline periods, first syncs of
 * libraries made offline, drifting clocks). After everyone reconnects and the writers settle:
 * every device holds the same records and the same library; for every field, the edit with the
 * latest stamp is what every device shows (so no removed bookmark comes back); the area holds
 * all of it; no write error was left unhandled, and the area is within its quota.
 * CI runs 1,000 histories; FUZZ_RUNS raises it.
 */
import { describe, expect, it } from 'vitest';
import * as fc from 'fast-check';
import { sameState } from '../../utils/sync/merge';
import { strictTotalBytes, SYNC_LIMITS } from '../../utils/sync/quota';
import { unpack } from '../../utils/sync/unpack';
import { fieldDefault, fieldsOf, historyArb, type Run, runHistory } from '../harness/sync-history';

const RUNS = Number(process.env.FUZZ_RUNS) || 1000;

/** A library as comparable data: dates to the second, entries equal to a fresh one left out. */
function normal(run: Run, i: number) {
  const d = run.devices[i]!;
  const fields = fieldsOf(d.lib);
  return [...fields].filter(([f, v]) => v !== fieldDefault(f)).sort(([a], [b]) => (a < b ? -1 : 1));
}

async function check(run: Run) {
  expect(run.settled, 'the devices kept writing: no quiescence').toBe(true);
  const [first, ...rest] = run.devices;
  for (const d of rest) {
    expect(sameState(d.state, first!.state), `${d.id} and ${first!.id} hold different records`).toBe(true);
  }
  const lib0 = normal(run, 0);
  for (let i = 1; i < run.devices.length; i++) expect(normal(run, i)).toEqual(lib0);
  const shown = new Map(lib0);
  for (const [field, { value }] of run.oracle.latest) {
    if (/^tag\..*\.(name|color)$/.test(field) && !shown.has(field.replace(/\.(name|color)$/, '.live'))) continue;
    const carried = /^tag\..*\.live$/.test(field) && value === false && [...shown.keys()].some((f) => f.endsWith(`.tag.${field.slice(4, -5)}`));
    if (carried) continue;
    expect(shown.has(field) ? shown.get(field) : fieldDefault(field), `the latest edit of ${field}`).toEqual(value);
  }
  const area = run.server.snapshot();
  const stored = await unpack(area);
  expect(stored.problems).toEqual([]);
  expect(sameState(stored.state, first!.state), 'the area lacks something the devices hold').toBe(true);
  expect(strictTotalBytes(area)).toBeLessThanOrEqual(SYNC_LIMITS.QUOTA_BYTES);
  for (const d of run.devices) {
    expect(d.stats.unhandled).toBe(0);
    expect(d.area.items).toEqual(new Map(Object.entries(area)));
  }
}

describe('devices sharing storage.sync', () => {
  it(`converge without losing the latest edit of any field (${RUNS} histories)`, async () => {
    let writes = 0;
    let conflicts = 0;
    let failed = 0;
    await fc.assert(
      fc.asyncProperty(historyArb(), async (h) => {
        const run = await runHistory(h);
        await check(run);
        writes += run.devices.reduce((n, d) => n + d.stats.writes, 0);
        failed += run.devices.reduce((n, d) => n + d.stats.failed, 0);
        conflicts += run.devices.reduce((n, d) => n + d.area.stats.overwrittenBySync, 0);
      }),
      { numRuns: RUNS },
    );
    console.log(`sync fuzz: ${RUNS} histories, ${writes} writes, ${conflicts} shards overwritten by sync, ${failed} failed writes retried`);
  }, 600_000);
});
