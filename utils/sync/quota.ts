/**
 * storage.sync's limits, and its bytes counted as the browsers count them.
 *
 * Chromium (extensions/browser/api/storage/settings_storage_quota_enforcer.cc): an item takes
 * the UTF-8 bytes of its key plus the bytes of its value as base::JSONWriter writes it; the total
 * is the sum over items. A set() fails when the total would pass QUOTA_BYTES, an item
 * QUOTA_BYTES_PER_ITEM, or the count MAX_ITEMS; changes arriving from sync are applied without
 * the check, so the total can exceed the quota. JSONWriter escapes `<` as `\u003C`, U+2028 and
 * U+2029, and writes a number that is not a 32-bit integer with `.0` when it has no fraction
 * (V8ValueConverter makes it a double).
 *
 * Firefox (mozilla/application-services, components/webext-storage/src/api.rs): an item is
 * counted the same way, but the total is the length of the whole area serialised as one JSON
 * object (braces, quoted keys, colons and commas included: 4 bytes more per item), which is the
 * stricter of the two; serde_json escapes only `"`, `\` and control characters.
 *
 * The packer budgets with the stricter count, so what fits fits both.
 */

export const SYNC_LIMITS = {
  QUOTA_BYTES: 102_400,
  QUOTA_BYTES_PER_ITEM: 8_192,
  MAX_ITEMS: 512,
  MAX_WRITE_OPERATIONS_PER_MINUTE: 120,
  MAX_WRITE_OPERATIONS_PER_HOUR: 1_800,
} as const;

const utf8 = new TextEncoder();
export const utf8Length = (s: string) => utf8.encode(s).length;

/** A JSON string as Chromium's base::EscapeJSONString writes it (lone surrogates become U+FFFD). */
export function chromiumString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c >= 0xd800 && c <= 0xdfff) out += '\ufffd';
    else if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '<') out += '\\u003C';
    else if (c === 0x2028 || c === 0x2029) out += `\\u${c.toString(16).toUpperCase()}`;
    else if (c < 0x20) out += { 8: '\\b', 9: '\\t', 10: '\\n', 12: '\\f', 13: '\\r' }[c] ?? `\\u${c.toString(16).toUpperCase().padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/** A value as Chromium stores it: what base::JSONWriter::Write gives for what V8ValueConverter made of it. */
export function chromiumJson(v: unknown): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return 'null';
    if (Number.isInteger(v) && v >= -(2 ** 31) && v < 2 ** 31 && !Object.is(v, -0)) return String(v);
    const real = String(v);
    return /[.eE]/.test(real) ? real : `${real}.0`;
  }
  if (typeof v === 'string') return chromiumString(v);
  if (Array.isArray(v)) return `[${v.map((x) => (x === undefined || typeof x === 'function' ? 'null' : chromiumJson(x))).join(',')}]`;
  if (typeof v === 'object') {
    const keys = Object.keys(v as object)
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined && typeof (v as Record<string, unknown>)[k] !== 'function')
      .sort();
    return `{${keys.map((k) => `${chromiumString(k)}:${chromiumJson((v as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return 'null';
}

/** Bytes an item takes in Chromium's count. */
export const chromiumItemBytes = (key: string, value: unknown) => utf8Length(key) + utf8Length(chromiumJson(value));

/** A value as serde_json writes it after JSON.stringify (Firefox). */
export const serdeJson = (v: unknown): string => JSON.stringify(v, (_k, x) => (typeof x === 'number' && !Number.isFinite(x) ? null : x)) ?? 'null';

/** Bytes the whole area takes in Firefox's count. */
export function firefoxTotalBytes(items: Record<string, unknown>): number {
  return utf8Length(serdeJson(items));
}

/** Bytes of an area in Chromium's count. */
export function chromiumTotalBytes(items: Record<string, unknown>): number {
  let n = 0;
  for (const [k, v] of Object.entries(items)) n += chromiumItemBytes(k, v);
  return n;
}

/**
 * Bytes one of our items (a key and a string of safe characters) adds to the stricter count:
 * Firefox's `"key":"value"` plus its comma.
 */
export const strictItemBytes = (key: string, value: string) => key.length + value.length + 6;

/** The stricter of the two counts of a whole area. */
export const strictTotalBytes = (items: Record<string, unknown>) => Math.max(chromiumTotalBytes(items), firefoxTotalBytes(items));
