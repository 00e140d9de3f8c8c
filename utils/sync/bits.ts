/**
 * Bit-level writing and reading for the packed sync format: fixed-width fields and Exp-Golomb
 * codes (order k) for unsigned integers up to 2^50, zigzag for signed ones. Numbers stay plain
 * JavaScript numbers: no field needs more than 50 bits.
 */

const MAX = 2 ** 50;

export function bitLength(n: number): number {
  if (n < 2 ** 31) return 32 - Math.clz32(n);
  return 31 + bitLength(Math.floor(n / 2 ** 31));
}

/** Bits of an index into a table of n. */
export const widthFor = (n: number) => (n <= 1 ? 0 : bitLength(n - 1));

/** Bits an Exp-Golomb code of order k takes for v. */
export const egCost = (v: number, k: number) => 2 * bitLength(v + 2 ** k) - 1 - k;

/** The order that codes these values in the fewest bits (the cost falls, then rises, with k). */
export function bestOrder(values: number[], maxK = 40): number {
  if (!values.length) return 0;
  const cost = (k: number) => {
    let n = 0;
    for (const v of values) n += egCost(v, k);
    return n;
  };
  let mean = 0;
  for (const v of values) mean += v / values.length;
  // Start near the mean's size and walk downhill: a handful of tries instead of forty.
  let k = Math.min(maxK, Math.max(0, bitLength(Math.floor(mean)) - 1));
  let c = cost(k);
  for (const step of [-1, 1]) {
    for (;;) {
      const next = k + step;
      if (next < 0 || next > maxK) break;
      const nc = cost(next);
      if (nc >= c) break;
      k = next;
      c = nc;
    }
  }
  return k;
}

export const zigzag = (v: number) => (v >= 0 ? 2 * v : -2 * v - 1);
export const unzigzag = (z: number) => (z % 2 === 0 ? z / 2 : -(z + 1) / 2);

export class BitWriter {
  private bytes: number[] = [];
  private acc = 0;
  private used = 0;
  private total = 0;

  /** `n` ≤ 50 bits of `v` (most significant first). */
  bits(v: number, n: number): this {
    if (!Number.isInteger(v) || v < 0 || v >= 2 ** n) throw new RangeError(`value ${v} does not fit in ${n} bits`);
    if (n > 24) {
      const low = v % 2 ** 24;
      this.bits((v - low) / 2 ** 24, n - 24);
      return this.bits(low, 24);
    }
    for (let i = n - 1; i >= 0; i--) {
      this.acc = (this.acc << 1) | ((v >>> i) & 1);
      if (++this.used === 8) {
        this.bytes.push(this.acc);
        this.acc = 0;
        this.used = 0;
      }
    }
    this.total += n;
    return this;
  }

  bool(b: boolean): this {
    return this.bits(b ? 1 : 0, 1);
  }

  /** Exp-Golomb code of order k. */
  eg(v: number, k: number): this {
    if (!Number.isInteger(v) || v < 0 || v >= MAX) throw new RangeError(`value out of range: ${v}`);
    const w = v + 2 ** k;
    const n = bitLength(w);
    for (let i = 0; i < n - 1 - k; i++) this.bits(0, 1);
    return this.bits(w, n);
  }

  get length(): number {
    return this.total;
  }

  finish(): Uint8Array {
    const out = this.used ? [...this.bytes, this.acc << (8 - this.used)] : this.bytes;
    return Uint8Array.from(out);
  }
}

export class BitReader {
  private pos = 0;
  constructor(private readonly data: Uint8Array) {}

  bits(n: number): number {
    if (n > 24) {
      const high = this.bits(n - 24);
      return high * 2 ** 24 + this.bits(24);
    }
    let v = 0;
    for (let i = 0; i < n; i++) {
      const byte = this.data[this.pos >>> 3];
      if (byte === undefined) throw new RangeError('packed data cut short');
      v = (v << 1) | ((byte >>> (7 - (this.pos & 7))) & 1);
      this.pos++;
    }
    return v >>> 0;
  }

  bool(): boolean {
    return this.bits(1) === 1;
  }

  eg(k: number): number {
    let zeros = 0;
    while (this.bits(1) === 0) if (++zeros > 60) throw new RangeError('bad number in packed data');
    const n = zeros + k + 1;
    const w = 2 ** (n - 1) + (n > 1 ? this.bits(n - 1) : 0);
    return w - 2 ** k;
  }

  /** Bits left (the last byte's padding included). */
  get left(): number {
    return this.data.length * 8 - this.pos;
  }
}
