/**
 * Where the shard encoder writes: it runs twice over the same records, first into a `Tally`
 * (which collects the numbers of each column, to pick each column's Exp-Golomb order, and the
 * text), then into a `BitSink` with those orders. Texts go to a separate byte area (compressed
 * when that pays); the bit stream holds their lengths.
 */
import { type BitReader, type BitWriter, bestOrder } from './bits';

/** Kinds of numbers, each coded with its own Exp-Golomb order. */
export const COLUMNS = ['n', 'id', 't1', 't2', 'ctr', 'date', 'len', 'nst', 'ntag'] as const;
export type Column = (typeof COLUMNS)[number];

export interface Sink {
  bits(v: number, n: number): void;
  bool(b: boolean): void;
  num(col: Column, v: number): void;
  str(s: string): void;
}

const utf8 = new TextEncoder();

export class Tally implements Sink {
  readonly values = new Map<Column, number[]>(COLUMNS.map((c) => [c, []]));
  readonly texts: Uint8Array[] = [];
  /** The byte length of each text, in order, for the second pass. */
  readonly lengths: number[] = [];
  fixedBits = 0;

  bits(_v: number, n: number) {
    this.fixedBits += n;
  }
  bool() {
    this.fixedBits += 1;
  }
  num(col: Column, v: number) {
    this.values.get(col)!.push(v);
  }
  str(s: string) {
    const b = utf8.encode(s);
    this.texts.push(b);
    this.lengths.push(b.length);
    this.num('len', b.length);
  }

  orders(): Map<Column, number> {
    return new Map(COLUMNS.map((c) => [c, bestOrder(this.values.get(c)!)]));
  }

  text(): Uint8Array {
    const out = new Uint8Array(this.texts.reduce((n, t) => n + t.length, 0));
    let at = 0;
    for (const t of this.texts) {
      out.set(t, at);
      at += t.length;
    }
    return out;
  }
}

export class BitSink implements Sink {
  private text = 0;
  /** `lengths`: the texts' byte lengths as the Tally of the same records found them. */
  constructor(
    readonly w: BitWriter,
    private readonly k: Map<Column, number>,
    private readonly lengths: number[],
  ) {}
  bits(v: number, n: number) {
    this.w.bits(v, n);
  }
  bool(b: boolean) {
    this.w.bool(b);
  }
  num(col: Column, v: number) {
    this.w.eg(v, this.k.get(col)!);
  }
  str(_s: string) {
    this.num('len', this.lengths[this.text++]!);
  }
}

const strict = new TextDecoder('utf-8', { fatal: true });

/** Reads what a BitSink wrote, texts from their byte area. */
export class Source {
  private at = 0;
  constructor(
    readonly r: BitReader,
    private readonly k: Map<Column, number>,
    private readonly text: Uint8Array,
  ) {}
  bits(n: number) {
    return this.r.bits(n);
  }
  bool() {
    return this.r.bool();
  }
  num(col: Column) {
    return this.r.eg(this.k.get(col)!);
  }
  /** A count, refused when larger than what is left could hold (damaged data must not allocate). */
  count(col: Column, max = this.r.left) {
    const n = this.num(col);
    if (n > max) throw new RangeError(`count ${n} is more than the data holds`);
    return n;
  }
  str(): string {
    const n = this.num('len');
    if (this.at + n > this.text.length) throw new RangeError('text cut short');
    const s = this.text.subarray(this.at, this.at + n);
    this.at += n;
    try {
      return strict.decode(s);
    } catch {
      throw new RangeError('text is not UTF-8');
    }
  }
  /** Whether every text was read (a check that the data was read as it was written). */
  get textDone(): boolean {
    return this.at === this.text.length;
  }
}
