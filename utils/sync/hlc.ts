/**
 * Hybrid logical clock stamps: what orders two edits of one field made on different devices.
 *
 * A stamp is a 16-character string that sorts as the clock does, so stamps compare with `<` and
 * can be stored and indexed as they are:
 *
 *   `tttttttcccdddddd`  t: wall time in whole seconds since 1970 (base 36, 7 digits)
 *                       c: counter within that second (base 36, 3 digits)
 *                       d: the device's id (6 characters [0-9a-z]), the last tie-break
 *
 * Seconds, not milliseconds: the counter orders edits within a second on one device, and two
 * devices' edits less than a second apart are concurrent anyway; a second costs 10 bits fewer per
 * stamp in the packed sync data. The clock is a plain value the caller keeps (the background
 * stores it with the library): `tick` issues a stamp for a local edit, `observe` moves the clock
 * past any stamp received, so a later local edit always wins over everything already seen, even
 * when this device's wall clock is behind. A clock lost with its storage is rebuilt with
 * `observe` over the stamps of the local state (`clockOf`).
 */
import * as z from 'zod/mini';

export type Stamp = string;

export const DEVICE_RE = /^[0-9a-z]{6}$/;
export const STAMP_RE = /^[0-9a-z]{16}$/;
export const StampSchema = z.string().check(z.regex(STAMP_RE, 'expected a 16-character clock stamp'));
export const DeviceIdSchema = z.string().check(z.regex(DEVICE_RE, 'expected a 6-character device id'));

const TIME_DIGITS = 7;
const COUNT_DIGITS = 3;
export const MAX_TIME = 36 ** TIME_DIGITS - 1;
export const MAX_COUNT = 36 ** COUNT_DIGITS - 1;

export interface ParsedStamp {
  /** Seconds since 1970. */
  t: number;
  c: number;
  device: string;
}

/** What the device last issued or saw; starts at `{ t: 0, c: 0 }`. */
export interface Clock {
  t: number;
  c: number;
}

export const newClock = (): Clock => ({ t: 0, c: 0 });

export function formatStamp({ t, c, device }: ParsedStamp): Stamp {
  if (!Number.isInteger(t) || t < 0 || t > MAX_TIME) throw new RangeError(`stamp time out of range: ${t}`);
  if (!Number.isInteger(c) || c < 0 || c > MAX_COUNT) throw new RangeError(`stamp counter out of range: ${c}`);
  if (!DEVICE_RE.test(device)) throw new RangeError(`bad device id: ${device}`);
  return t.toString(36).padStart(TIME_DIGITS, '0') + c.toString(36).padStart(COUNT_DIGITS, '0') + device;
}

export function parseStamp(s: Stamp): ParsedStamp {
  if (!STAMP_RE.test(s)) throw new RangeError(`bad stamp: ${s}`);
  return { t: Number.parseInt(s.slice(0, 7), 36), c: Number.parseInt(s.slice(7, 10), 36), device: s.slice(10) };
}

/** Seconds since 1970 of a stamp, without parsing the rest. */
export const stampTime = (s: Stamp): number => Number.parseInt(s.slice(0, TIME_DIGITS), 36);

export const compareStamps = (a: Stamp, b: Stamp): number => (a < b ? -1 : a > b ? 1 : 0);

/** The later of two clocks. */
function later(a: Clock, b: Clock): Clock {
  return a.t > b.t || (a.t === b.t && a.c >= b.c) ? a : b;
}

/**
 * A stamp for a local edit at `nowMs`, and the clock after it. The stamp is later than every
 * stamp this clock issued or observed.
 */
export function tick(clock: Clock, nowMs: number, device: string): { clock: Clock; stamp: Stamp } {
  const wall = Math.min(MAX_TIME, Math.max(0, Math.floor(nowMs / 1000)));
  let next: Clock = wall > clock.t ? { t: wall, c: 0 } : { t: clock.t, c: clock.c + 1 };
  // Only reachable with 46,656 edits in one second, or after observing a stamp at the counter's end.
  if (next.c > MAX_COUNT) next = { t: next.t + 1, c: 0 };
  if (next.t > MAX_TIME) throw new RangeError('clock at the end of its range');
  return { clock: next, stamp: formatStamp({ ...next, device }) };
}

/** The clock after seeing a stamp from elsewhere (a merge): later local edits will win over it. */
export function observe(clock: Clock, stamp: Stamp): Clock {
  const p = parseStamp(stamp);
  return later(clock, { t: p.t, c: p.c });
}

/** A clock that is past every stamp given (to rebuild one from the stamps of a stored state). */
export function clockOf(stamps: Iterable<Stamp>, start: Clock = newClock()): Clock {
  let max: Stamp | undefined;
  for (const s of stamps) if (max === undefined || s > max) max = s;
  return max === undefined ? start : observe(start, max);
}

/** A new device id from a source of random numbers in [0, 1) (`Math.random`, or a seeded one in tests). */
export function newDeviceId(random: () => number): string {
  let id = '';
  for (let i = 0; i < 6; i++) id += Math.floor(random() * 36).toString(36);
  return id;
}

/** A stamp for data that predates sync (an existing library): at that moment, on this device. */
export function legacyStamp(ms: number, device: string): Stamp {
  return formatStamp({ t: Math.min(MAX_TIME, Math.max(0, Math.floor(ms / 1000))), c: 0, device });
}
