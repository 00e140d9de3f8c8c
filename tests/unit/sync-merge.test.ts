/**
 * Merge is a join: commutative, associative and idempotent on generated states (stamps drawn from
 * few values, so equal stamps with different values happen), per field the later stamp wins,
 * tags merge per key, and `covers` agrees with merge.
 */
import { describe, expect, it } from 'vitest';
import * as fc from 'fast-check';
import { formatStamp } from '../../utils/sync/hlc';
import { covers, merge, sameState } from '../../utils/sync/merge';
import type { SyncEntry } from '../../utils/sync/types';
import { paperIdArb, plain, stateArb, stateOf } from '../harness/sync-arbitraries';

const RUNS = Number(process.env.FUZZ_RUNS) || 1000;
// Few ids, so that states share papers and their fields meet.
const ids = fc.constantFrom('2401.00001', '2401.00002', '1412.1234', '2607.99999');
const st = stateArb(ids, 4);

describe('merge', () => {
  it('is commutative, associative and idempotent', () => {
    fc.assert(
      fc.property(st, st, st, (a, b, c) => {
        expect(plain(merge(a, b))).toEqual(plain(merge(b, a)));
        expect(plain(merge(merge(a, b), c))).toEqual(plain(merge(a, merge(b, c))));
        expect(plain(merge(a, a))).toEqual(plain(a));
      }),
      { numRuns: RUNS },
    );
  });

  it('gives a state that covers both, and covers agrees with merge', () => {
    fc.assert(
      fc.property(st, st, (a, b) => {
        const m = merge(a, b);
        expect(covers(m, a) && covers(m, b)).toBe(true);
        expect(covers(a, b)).toBe(sameState(merge(a, b), a));
      }),
      { numRuns: RUNS },
    );
  });

  it('keeps, per field, the value of the later stamp, and both sides of a tag edit', () => {
    const s = (t: number, device = 'dev001') => formatStamp({ t, c: 0, device });
    const a: SyncEntry = {
      id: '2409.12345',
      mark: { v: 1_000_000, s: s(10) },
      status: { v: { status: 'read', at: 2_000_000 }, s: s(30) },
      note: { v: 'mine', s: s(5) },
      tags: [
        { k: 'llm', on: true, s: s(40) },
        { k: 'rl', on: true, s: s(10) },
      ],
    };
    const b: SyncEntry = {
      id: '2409.12345',
      mark: { v: null, s: s(20, 'dev002') },
      status: { v: { status: 'reading', at: 1_000_000 }, s: s(25, 'dev002') },
      note: { v: 'theirs', s: s(5, 'dev002') },
      tags: [
        { k: 'rl', on: false, s: s(11, 'dev002') },
        { k: 'vision', on: true, s: s(12, 'dev002') },
      ],
    };
    const m = merge(stateOf({ entries: [a] }), stateOf({ entries: [b] })).entries.get(a.id)!;
    expect(m.mark).toEqual(b.mark);
    expect(m.status).toEqual(a.status);
    // Same time and counter: the device id decides, the same way everywhere.
    expect(m.note?.v).toBe('theirs');
    expect(m.tags).toEqual([a.tags[0], b.tags[0], b.tags[1]]);
  });

  it('never loses a record either side has', () => {
    fc.assert(
      fc.property(stateArb(paperIdArb, 6), stateArb(paperIdArb, 6), (a, b) => {
        const m = merge(a, b);
        for (const id of [...a.entries.keys(), ...b.entries.keys()]) expect(m.entries.has(id)).toBe(true);
        for (const k of [...a.tags.keys(), ...b.tags.keys()]) expect(m.tags.has(k)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
