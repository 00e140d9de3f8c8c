/**
 * Bytes counted as the browsers count them (read from their source, see utils/sync/quota.ts),
 * and the storage.sync stand-in enforcing them at the exact boundaries.
 */
import { describe, expect, it } from 'vitest';
import { chromiumItemBytes, chromiumJson, firefoxTotalBytes, strictItemBytes, SYNC_LIMITS } from '../../utils/sync/quota';
import { ALPHABET, fromText92, text92Length, toText92 } from '../../utils/sync/text92';
import * as fc from 'fast-check';
import { Sim } from '../harness/sim';
import { DeviceArea, type Limits, SyncServer } from '../harness/sync-area';

describe('byte counting', () => {
  it('writes JSON as Chromium does: < escaped, U+2028 escaped, doubles with .0, UTF-8 bytes', () => {
    expect(chromiumJson('a<b')).toBe('"a\\u003Cb"');
    expect(chromiumJson('\u2028')).toBe('"\\u2028"');
    expect(chromiumJson('\u0001\n')).toBe('"\\u0001\\n"');
    expect(chromiumJson(1726650000000)).toBe('1726650000000.0');
    expect(chromiumJson(42)).toBe('42');
    expect(chromiumJson(1.5)).toBe('1.5');
    expect(chromiumJson({ b: [true, null], a: 'é' })).toBe('{"a":"é","b":[true,null]}');
    expect(chromiumItemBytes('k', 'é')).toBe(1 + 4);
    expect(chromiumItemBytes('ключ', 'x')).toBe(8 + 3);
  });

  it('counts a whole area as Firefox does, 4 bytes an item more than Chromium, and strictItemBytes matches it', () => {
    const items = { s0: 'abc', s1: 'de' };
    expect(firefoxTotalBytes(items)).toBe(JSON.stringify(items).length);
    expect(firefoxTotalBytes(items)).toBe(1 + strictItemBytes('s0', 'abc') + strictItemBytes('s1', 'de'));
    expect(firefoxTotalBytes(items) - (chromiumItemBytes('s0', 'abc') + chromiumItemBytes('s1', 'de'))).toBe(2 * 4 + 1);
  });
});

describe('text92', () => {
  it('uses 92 characters that neither browser escapes', () => {
    expect(ALPHABET).toHaveLength(92);
    for (const c of ALPHABET) expect(chromiumJson(c)).toBe(`"${c}"`);
    for (const c of ALPHABET) expect(JSON.stringify(c)).toBe(`"${c}"`);
  });

  it('reads back any bytes, in the length it promises, 8% shorter than base64', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const t = toText92(bytes);
        expect(t).toHaveLength(text92Length(bytes.length));
        expect(fromText92(t)).toEqual(bytes);
      }),
    );
    const n = 3000;
    const base64 = Math.ceil(n / 3) * 4;
    expect(text92Length(n) / base64).toBeCloseTo(0.923, 2);
  });
});

describe('the storage.sync stand-in', () => {
  const area = (flavor: 'chromium' | 'firefox' = 'chromium', limits: Limits = SYNC_LIMITS) =>
    new DeviceArea(new SyncServer(new Sim(1), flavor, undefined, limits), 'd');

  it('refuses an item one byte over QUOTA_BYTES_PER_ITEM, and accepts it at the limit', async () => {
    const a = area();
    const fill = (n: number) => 'x'.repeat(n);
    await expect(a.set({ k: fill(8192 - 1 - 2) })).resolves.toBeUndefined();
    await expect(a.set({ k: fill(8192 - 1 - 2 + 1) })).rejects.toThrow('QUOTA_BYTES_PER_ITEM quota exceeded');
  });

  it('refuses a write that takes the total past QUOTA_BYTES, writing nothing of it', async () => {
    const a = area();
    const items: Record<string, string> = {};
    for (let i = 0; i < 12; i++) items[`k${i}`] = 'x'.repeat(8_000);
    await a.set(items);
    const used = await a.getBytesInUse();
    const room = SYNC_LIMITS.QUOTA_BYTES - used;
    // "big" takes 3 bytes of key, 2 of quotes and its characters.
    await expect(a.set({ new: 'z', big: 'y'.repeat(room - 5 + 1) })).rejects.toThrow('QUOTA_BYTES quota exceeded');
    expect(await a.get(['new', 'big'])).toEqual({});
    await expect(a.set({ big: 'y'.repeat(room - 5) })).resolves.toBeUndefined();
    expect(await a.getBytesInUse()).toBe(SYNC_LIMITS.QUOTA_BYTES);
  });

  it('refuses the 513th item', async () => {
    const a = area();
    const items: Record<string, number> = {};
    for (let i = 0; i < 512; i++) items[`k${i}`] = i;
    await a.set(items);
    await expect(a.set({ one: 1 })).rejects.toThrow('MAX_ITEMS');
  });

  it('refuses the 121st set() in a minute and the 1,801st in an hour, with Chromium’s messages', async () => {
    const a = area();
    for (let i = 0; i < 120; i++) await a.set({ k: i });
    await expect(a.set({ k: 'late' })).rejects.toThrow('This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.');
    // remove() has buckets of its own.
    await expect(a.remove('k')).resolves.toBeUndefined();
    let refusedHour = false;
    for (let minute = 1; minute <= 16 && !refusedHour; minute++) {
      await a.sim.run(a.sim.now + 60_001);
      for (let i = 0; i < 120; i++) {
        try {
          await a.set({ k: `${minute}:${i}` });
        } catch (e) {
          expect(String(e)).toContain('MAX_WRITE_OPERATIONS_PER_HOUR');
          refusedHour = true;
          break;
        }
      }
    }
    expect(refusedHour).toBe(true);
  });

  it('has no write limits in Firefox, and counts its total over the whole object', async () => {
    const a = area('firefox', { ...SYNC_LIMITS, QUOTA_BYTES: 40 });
    for (let i = 0; i < 200; i++) await a.set({ k: i % 10 });
    // {"k":9,"a":"x…x"} is 34 bytes; with ,"b":"" it would be 41 (Chromium would count 28).
    await a.set({ a: 'x'.repeat(20) });
    await expect(a.set({ b: '' })).rejects.toThrow('QuotaExceededError');
  });

  it('reports changes to listeners: only changed keys in Chromium, every key written in Firefox', async () => {
    for (const flavor of ['chromium', 'firefox'] as const) {
      const a = area(flavor);
      const seen: string[][] = [];
      a.onChanged.addListener((c) => void seen.push(Object.keys(c)));
      await a.set({ x: 1, y: 2 });
      await a.set({ x: 1, y: 3 });
      await a.sim.run();
      expect(seen).toEqual(
        flavor === 'chromium'
          ? [['x', 'y'], ['y']]
          : [
              ['x', 'y'],
              ['x', 'y'],
            ],
      );
    }
  });

  it('relays writes between devices, the server’s copy winning a conflict and replacing the loser’s', async () => {
    const sim = new Sim(3);
    const server = new SyncServer(sim, 'chromium', { commitDelay: [10, 10], deliverDelay: [50, 50] });
    const a = new DeviceArea(server, 'a');
    const b = new DeviceArea(server, 'b');
    a.setOnline(true);
    b.setOnline(true);
    await a.set({ k: 'from a' });
    await b.set({ k: 'from b' });
    await sim.run();
    expect(server.snapshot()).toEqual({ k: 'from a' });
    expect(await b.get('k')).toEqual({ k: 'from a' });
    expect(b.stats.overwrittenBySync).toBe(1);
  });

  it('replaces the local copy of a device that first syncs when the server holds data', async () => {
    const sim = new Sim(4);
    const server = new SyncServer(sim, 'chromium', { commitDelay: [10, 10], deliverDelay: [50, 50] });
    const a = new DeviceArea(server, 'a');
    const b = new DeviceArea(server, 'b');
    a.setOnline(true);
    await a.set({ shared: 1 });
    await sim.run();
    b.online = false;
    await b.set({ mine: 2, shared: 3 });
    const changes: unknown[] = [];
    b.onChanged.addListener((c) => void changes.push(c));
    b.setOnline(true);
    await sim.run();
    expect(await b.get(null)).toEqual({ shared: 1 });
    expect(changes).toEqual([{ mine: { oldValue: 2 }, shared: { oldValue: 3, newValue: 1 } }]);
  });
});
