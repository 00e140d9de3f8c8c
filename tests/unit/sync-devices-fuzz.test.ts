/**
 * Generated histories over the real sync adapter (utils/background/sync.ts over fake-indexeddb
 * libraries), not only the pure core (fuzz-sync.test.ts): devices edit, go offline, have their
 * worker stopped and restarted, while the storage.sync stand-in (tests/harness/sync-area.ts:
 * Chromium's quotas and rate limits, delays, last writer wins per key) relays their writes. At
 * the end every device holds the same library, and each field holds the latest edit made to it.
 */
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addTags, removeTags, setBookmarks, setNote, setPriority, setStatus } from '../../utils/db/library';
import { STATUSES } from '../../utils/model';
import { SYNC_LIMITS } from '../../utils/sync/quota';
import { Sim } from '../harness/sim';
import { DeviceArea, SyncServer } from '../harness/sync-area';
import { ShelfDevice } from '../harness/sync-shelf';

const RUNS = Math.max(40, Math.floor((Number(process.env.FUZZ_RUNS) || 0) / 25));
const IDS = ['2609.31620', '2609.30192', '2608.00042'];
const TAGS = ['rl', 'vision', 'nlp'];

const op = fc.oneof(
  fc.record({ kind: fc.constant('mark' as const), id: fc.nat(2), on: fc.boolean() }),
  fc.record({ kind: fc.constant('status' as const), id: fc.nat(2), v: fc.constantFrom(...STATUSES) }),
  fc.record({ kind: fc.constant('priority' as const), id: fc.nat(2), v: fc.nat(3) }),
  fc.record({ kind: fc.constant('note' as const), id: fc.nat(2), v: fc.constantFrom('', 'a', 'Read §4') }),
  fc.record({ kind: fc.constant('tag' as const), id: fc.nat(2), t: fc.nat(2), on: fc.boolean() }),
  fc.record({ kind: fc.constant('offline' as const), on: fc.boolean() }),
  fc.record({ kind: fc.constant('restart' as const) }),
);
// Steps at least a second apart: the clock's stamps count seconds, so two devices that have not yet
// heard of each other's edit made within one second are concurrent, and either may win (the pure
// fuzz, tests/unit/fuzz-sync.test.ts, judges those by their stamps). This oracle takes wall order.
const step = fc.record({ device: fc.nat(2), op, wait: fc.integer({ min: 1_001, max: 40_000 }) });
const history = fc.record({
  devices: fc.integer({ min: 2, max: 3 }),
  seed: fc.nat(1_000_000),
  steps: fc.array(step, { minLength: 4, maxLength: 24 }),
});

type Latest = Map<string, unknown>;
type History = typeof history extends fc.Arbitrary<infer T> ? T : never;

async function run({ devices: n, seed, steps }: History) {
  const sim = new Sim(seed, Date.UTC(2026, 8, 28, 12));
  const server = new SyncServer(sim, 'chromium', { commitDelay: [100, 3_000], deliverDelay: [100, 5_000] }, SYNC_LIMITS);
  const devices = Array.from({ length: n }, (_, i) => new ShelfDevice(sim, new DeviceArea(server, `d${i}`), `f${seed}-${i}`));
  for (const d of devices) d.area.setOnline(true);
  await Promise.all(devices.map((d) => d.restart()));
  // The latest edit of each field, in the order they were made (sim time moves on between them).
  const latest: Latest = new Map();
  for (const { device, op, wait } of steps) {
    const d = devices[device % n]!;
    const id = 'id' in op ? IDS[op.id]! : '';
    // A write that leaves the device's value as it was is no edit (the library writes nothing).
    const e = id ? await d.db.entries.get(id) : undefined;
    const was = {
      mark: e?.bookmarkedAt !== undefined,
      status: e?.status ?? 'to-read',
      priority: e?.priority ?? 0,
      note: e?.note ?? '',
      tags: (e?.tags ?? []).map((t) => t.toLowerCase()),
    };
    const edit = (key: string, before: unknown, value: unknown) => before !== value && latest.set(key, value);
    // Issue 13's rules: "not interested" takes a paper off the list; saving a dismissed one makes it "to read".
    if (op.kind === 'mark') {
      await d.edit((db, now) => setBookmarks(db, { ids: [id], on: op.on }, now));
      edit(`${id}|mark`, was.mark, op.on);
      if (op.on && !was.mark && was.status === 'dismissed') edit(`${id}|status`, was.status, 'to-read');
    } else if (op.kind === 'status') {
      await d.edit((db, now) => setStatus(db, [id], op.v, now));
      edit(`${id}|status`, was.status, op.v);
      if (op.v === 'dismissed') edit(`${id}|mark`, was.mark, false);
    } else if (op.kind === 'priority') {
      await d.edit((db, now) => setPriority(db, [id], op.v, now));
      edit(`${id}|priority`, was.priority, op.v);
    } else if (op.kind === 'note') {
      await d.edit((db, now) => setNote(db, id, op.v, now));
      edit(`${id}|note`, was.note, op.v);
    } else if (op.kind === 'tag') {
      const tag = TAGS[op.t]!;
      await d.edit((db, now) => (op.on ? addTags : removeTags)(db, [id], [tag], now));
      edit(`${id}|tag|${tag}`, was.tags.includes(tag), op.on);
    } else if (op.kind === 'offline') d.area.setOnline(op.on);
    else await d.restart();
    await sim.run(sim.now + wait);
  }
  for (const d of devices) d.area.setOnline(true);
  await sim.run(sim.now + 3_600_000);
  const views = await Promise.all(devices.map((d) => d.view()));
  return { views, latest, devices };
}

describe('the sync adapter on devices sharing storage.sync', () => {
  it(
    `converges, each field at its latest edit (${RUNS} generated histories)`,
    async () => {
      let histories = 0;
      let divergences = 0;
      await fc.assert(
        fc.asyncProperty(history, async (h) => {
          const { views, latest, devices } = await run(h);
          histories++;
          try {
            for (const v of views.slice(1)) expect(v).toEqual(views[0]);
            const entries = new Map(views[0]!.entries.map((e) => [e.id, e]));
            for (const [key, value] of latest) {
              const [id, field, tag] = key.split('|') as [string, string, string?];
              const e = entries.get(id);
              if (field === 'mark') expect(e?.mark != null, key).toBe(value);
              else if (field === 'tag') expect(e?.tags.includes(tag!) ?? false, key).toBe(value);
              else if (e) expect(e[field as 'status'], key).toBe(value);
              // An entry with nothing left in it is no data: its field is at its default.
              else expect(['to-read', 0, ''], key).toContain(value);
            }
          } catch (err) {
            divergences++;
            throw err;
          } finally {
            await Promise.all(devices.map((d) => d.db.delete()));
          }
        }),
        { numRuns: RUNS },
      );
      console.log(`sync adapter fuzz: ${histories} histories, ${divergences} divergences`);
    },
    RUNS * 1_000,
  );
});
