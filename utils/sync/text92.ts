/**
 * Bytes as JSON-safe text, for values that must be JSON strings (storage.sync counts the JSON).
 *
 * The alphabet is the 92 printable ASCII characters that both counters take as one byte each:
 * Chromium's JSON writer escapes `"`, `\` and `<` (base/json/string_escape.cc) and Firefox's
 * (serde_json) escapes `"` and `\`, so those three are left out, as are control characters and
 * DEL. Two characters carry 13 bits (92² = 8,464 ≥ 2¹³): 1.231 characters per byte, against
 * 1.333 for base64 (8% fewer; tests/unit/sync-text92.test.ts measures both).
 */

export const ALPHABET = (() => {
  let s = '';
  for (let c = 0x20; c <= 0x7e; c++) if (c !== 0x22 && c !== 0x5c && c !== 0x3c) s += String.fromCharCode(c);
  return s;
})();

const INDEX = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) INDEX[ALPHABET.charCodeAt(i)] = i;

/** Characters the text of `n` bytes takes. */
export function text92Length(n: number): number {
  const bits = 8 * n;
  const pairs = Math.floor(bits / 13);
  const rest = bits - 13 * pairs;
  return 2 * pairs + (rest === 0 ? 0 : rest <= 6 ? 1 : 2);
}

export function toText92(bytes: Uint8Array): string {
  const out: string[] = [];
  let acc = 0;
  let n = 0;
  for (const b of bytes) {
    acc = (acc << 8) | b;
    n += 8;
    if (n >= 13) {
      const v = (acc >>> (n - 13)) & 0x1fff;
      n -= 13;
      acc &= (1 << n) - 1;
      out.push(ALPHABET[Math.floor(v / 92)]!, ALPHABET[v % 92]!);
    }
  }
  if (n > 0 && n <= 6) out.push(ALPHABET[acc << (6 - n)]!);
  else if (n > 6) {
    const v = acc << (13 - n);
    out.push(ALPHABET[Math.floor(v / 92)]!, ALPHABET[v % 92]!);
  }
  return out.join('');
}

export function fromText92(text: string): Uint8Array {
  const bits = 13 * Math.floor(text.length / 2) + (text.length % 2 ? 6 : 0);
  const out = new Uint8Array(Math.floor(bits / 8));
  let acc = 0;
  let n = 0;
  let o = 0;
  const digit = (i: number) => {
    const c = text.charCodeAt(i);
    const d = c < 128 ? INDEX[c]! : -1;
    if (d < 0) throw new RangeError(`character ${JSON.stringify(text[i])} at ${i} is not packed data`);
    return d;
  };
  const push = (v: number, width: number) => {
    acc = (acc << width) | v;
    n += width;
    while (n >= 8 && o < out.length) {
      out[o++] = (acc >>> (n - 8)) & 0xff;
      n -= 8;
      acc &= (1 << n) - 1;
    }
  };
  for (let i = 0; i + 1 < text.length; i += 2) {
    const v = digit(i) * 92 + digit(i + 1);
    if (v >= 8192) throw new RangeError(`characters at ${i} are not packed data`);
    push(v, 13);
  }
  if (text.length % 2) {
    const v = digit(text.length - 1);
    if (v >= 64) throw new RangeError('last character is not packed data');
    push(v, 6);
  }
  if (acc !== 0) throw new RangeError('packed data has stray bits at its end');
  return out;
}
