/** Clock stamps sort as the clock does, every local stamp is later than all seen, and a clock behind still wins after observing. */
import { describe, expect, it } from 'vitest';
import * as fc from 'fast-check';
import { clockOf, formatStamp, newClock, newDeviceId, observe, parseStamp, tick } from '../../utils/sync/hlc';

describe('hybrid logical clock', () => {
  it('formats and parses stamps, and sorts them as (time, counter, device)', () => {
    const arb = fc.record({ t: fc.nat(36 ** 7 - 1), c: fc.nat(36 ** 3 - 1), device: fc.constantFrom('aaaaaa', 'zzzzzz', '0a1b2c') });
    fc.assert(
      fc.property(arb, arb, (x, y) => {
        expect(parseStamp(formatStamp(x))).toEqual(x);
        const byParts = x.t - y.t || x.c - y.c || (x.device < y.device ? -1 : x.device > y.device ? 1 : 0);
        const byText = formatStamp(x) < formatStamp(y) ? -1 : formatStamp(x) > formatStamp(y) ? 1 : 0;
        expect(Math.sign(byText)).toBe(Math.sign(byParts));
      }),
    );
  });

  it('issues increasing stamps even when the wall clock goes back, and passes any stamp observed', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.record({ now: fc.integer({ min: 0, max: 4e12 }) }), fc.record({ seen: fc.integer({ min: 0, max: 4e9 }) }))),
        (steps) => {
          let clock = newClock();
          let last = '';
          let maxSeen = '';
          for (const step of steps) {
            if ('now' in step) {
              const r = tick(clock, step.now, 'dev001');
              expect(r.stamp > last && r.stamp > maxSeen).toBe(true);
              clock = r.clock;
              last = r.stamp;
            } else {
              const s = formatStamp({ t: step.seen, c: step.seen % 7, device: 'zzzzzz' });
              clock = observe(clock, s);
              if (s > maxSeen) maxSeen = s;
            }
          }
        },
      ),
    );
  });

  it('is rebuilt from stored stamps', () => {
    const stamps = [formatStamp({ t: 5, c: 2, device: 'aaaaaa' }), formatStamp({ t: 9, c: 0, device: 'bbbbbb' })];
    const clock = clockOf(stamps);
    expect(tick(clock, 1000, 'aaaaaa').stamp > stamps[1]!).toBe(true);
  });

  it('makes device ids of six base-36 characters', () => {
    expect(newDeviceId(Math.random)).toMatch(/^[0-9a-z]{6}$/);
  });
});
