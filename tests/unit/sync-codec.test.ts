/**
 * The packed format reads back exactly what was written: generated shards of every record kind,
 * awkward values (four-digit ids, tag keys such as "__proto__", notes in several scripts, custom
 * colours, settings holding objects); and damaged or foreign values are refused with a reason.
 */
import { describe, expect, it } from 'vitest';
import * as fc from 'fast-check';
import { BitReader, BitWriter, zigzag, unzigzag } from '../../utils/sync/bits';
import { paperIdOf, paperNumber } from '../../utils/sync/paper-number';
import { decodeShard } from '../../utils/sync/shard-read';
import { encodeShard } from '../../utils/sync/shard-write';
import { paperIdArb, plain, stateArb } from '../harness/sync-arbitraries';

describe('bits', () => {
  it('reads back fixed fields and Exp-Golomb codes of any order', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat({ max: 2 ** 50 - 1 }), fc.nat(40), fc.nat({ max: 2 ** 31 - 1 }))), (items) => {
        const w = new BitWriter();
        for (const [v, k, f] of items)
          w.eg(v, k)
            .bits(f, 31)
            .bool(v % 2 === 1);
        const r = new BitReader(w.finish());
        for (const [v, k, f] of items) {
          expect(r.eg(k)).toBe(v);
          expect(r.bits(31)).toBe(f);
          expect(r.bool()).toBe(v % 2 === 1);
        }
      }),
    );
  });

  it('zigzag maps signed to unsigned and back', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 40), max: 2 ** 40 }), (v) => {
        expect(unzigzag(zigzag(v))).toBe(v);
      }),
    );
  });
});

describe('paper numbers', () => {
  it('give back every id as written, and sort ids of a month together', () => {
    fc.assert(
      fc.property(paperIdArb, (id) => {
        expect(paperIdOf(paperNumber(id))).toBe(id);
      }),
    );
    expect(paperNumber('2409.00001')).toBeLessThan(paperNumber('2409.99999'));
    expect(paperNumber('2409.99999')).toBeLessThan(paperNumber('2410.00001'));
    expect(paperNumber('1412.1234')).not.toBe(paperNumber('1412.01234'));
  });
});

describe('shard codec', () => {
  it('reads back any state it wrote, compressed or not', async () => {
    await fc.assert(
      fc.asyncProperty(stateArb(), fc.boolean(), async (state, compress) => {
        const text = await encodeShard(state, { compress });
        expect(plain(await decodeShard(text))).toEqual(plain(state));
      }),
      { numRuns: 300 },
    );
  });

  it('writes only characters that JSON stores as one byte each', async () => {
    await fc.assert(
      fc.asyncProperty(stateArb(), async (state) => {
        const text = await encodeShard(state);
        expect(text).toMatch(/^[\x20-\x7e]*$/);
        expect(text).not.toMatch(/["\\<]/);
      }),
      { numRuns: 100 },
    );
  });

  it('refuses damaged and foreign values with a reason', async () => {
    const good = await encodeShard((await fc.sample(stateArb(paperIdArb, 20), { numRuns: 1, seed: 7 }))[0]!);
    await expect(decodeShard('2abc')).rejects.toThrow('newer version');
    await expect(decodeShard('hello')).rejects.toThrow('not a shard');
    await expect(decodeShard(`${good}"`)).rejects.toThrow(/not packed data/);
    await expect(decodeShard(good.slice(0, good.length / 2))).rejects.toThrow(RangeError);
    let refused = 0;
    for (let i = 1; i < good.length; i += 7) {
      const c = good.charCodeAt(i);
      const bad = good.slice(0, i) + String.fromCharCode(c === 0x7e ? 0x7d : c + 1) + good.slice(i + 1);
      try {
        await decodeShard(bad);
      } catch (e) {
        expect(e).toBeInstanceOf(RangeError);
        refused++;
      }
    }
    // A changed character either reads as other valid data or is refused; never another error.
    expect(refused).toBeGreaterThan(0);
  });
});
