/**
 * The limits a storage.sync area enforces on one device, as the browsers enforce them (see
 * sync-area.ts for the sources): bytes per item, in all and item count on set(), and (Chromium)
 * write operations per function, minute and hour.
 */
import { chromiumItemBytes, type SYNC_LIMITS, serdeJson, utf8Length } from '../../utils/sync/quota';

export type Flavor = 'chromium' | 'firefox';
export type Limits = Record<keyof typeof SYNC_LIMITS, number>;

class Bucket {
  tokens = 0;
  expiration: number | undefined;
  constructor(
    private readonly count: number,
    private readonly interval: number,
  ) {}
  /** TimedLimit::Apply: a new bucket, or an expired one, is refilled at this call. */
  apply(now: number): boolean {
    if (this.expiration === undefined || now > this.expiration) {
      this.tokens = this.count;
      this.expiration = now + this.interval;
    }
    return this.tokens-- > 0;
  }
}

export class AreaLimits {
  private readonly buckets = new Map<string, [Bucket, Bucket]>();
  constructor(
    readonly flavor: Flavor,
    readonly limits: Limits,
  ) {}

  /** Bytes in use as this browser counts them. */
  bytesInUse(items: Map<string, unknown>): number {
    if (this.flavor === 'firefox') return utf8Length(serdeJson(Object.fromEntries(items)));
    let n = 0;
    for (const [k, v] of items) n += chromiumItemBytes(k, v);
    return n;
  }

  /** QuotaService::Assess for one call of `fn` (set, remove, clear): the minute limit first, then the hour. */
  rate(fn: string, now: number) {
    if (this.flavor !== 'chromium') return;
    const { MAX_WRITE_OPERATIONS_PER_MINUTE: perMinute, MAX_WRITE_OPERATIONS_PER_HOUR: perHour } = this.limits;
    let b = this.buckets.get(fn);
    if (!b) {
      b = [new Bucket(perMinute, 60_000), new Bucket(perHour, 3_600_000)];
      this.buckets.set(fn, b);
    }
    for (const [bucket, name] of [
      [b[0], 'MAX_WRITE_OPERATIONS_PER_MINUTE'],
      [b[1], 'MAX_WRITE_OPERATIONS_PER_HOUR'],
    ] as const) {
      if (!bucket.apply(now)) throw new Error(`This request exceeds the ${name} quota.`);
    }
  }

  private error(what: string): Error {
    return new Error(
      this.flavor === 'firefox' ? `QuotaExceededError: storage.sync API call exceeded its quota limitations (${what})` : `${what} quota exceeded`,
    );
  }

  /** Throws as set() would for writing `items` over `current`. */
  quota(current: Map<string, unknown>, items: Record<string, unknown>) {
    const { QUOTA_BYTES, QUOTA_BYTES_PER_ITEM, MAX_ITEMS } = this.limits;
    const next = new Map(current);
    for (const [k, v] of Object.entries(items)) {
      next.delete(k);
      if (this.flavor === 'firefox' && next.size >= MAX_ITEMS) throw this.error('MAX_ITEMS');
      next.set(k, v);
      const bytes = this.flavor === 'chromium' ? chromiumItemBytes(k, v) : utf8Length(k) + utf8Length(serdeJson(v));
      if (bytes > QUOTA_BYTES_PER_ITEM) throw this.error('QUOTA_BYTES_PER_ITEM');
    }
    if (this.bytesInUse(next) > QUOTA_BYTES) throw this.error('QUOTA_BYTES');
    if (next.size > MAX_ITEMS) throw this.error('MAX_ITEMS');
  }
}
