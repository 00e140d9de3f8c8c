/** The sync server of the storage.sync stand-in (sync-area.ts): the latest value and version of each key. */
import { SYNC_LIMITS } from '../../utils/sync/quota';
import type { Sim } from './sim';
import type { Flavor, Limits } from './sync-limits';

export interface NetworkOptions {
  /** Milliseconds before a device's changes reach the server. */
  commitDelay: [number, number];
  /** Milliseconds before the server's changes reach a device. */
  deliverDelay: [number, number];
}

const clone = (v: unknown) => (v === undefined ? undefined : JSON.parse(JSON.stringify(v)));

export class SyncServer {
  readonly values = new Map<string, { value: unknown; version: number }>();
  readonly devices: { scheduleDelivery(): void }[] = [];
  constructor(
    readonly sim: Sim,
    readonly flavor: Flavor = 'chromium',
    readonly net: NetworkOptions = { commitDelay: [100, 30_000], deliverDelay: [100, 60_000] },
    readonly limits: Limits = SYNC_LIMITS,
  ) {}

  get hasData(): boolean {
    return [...this.values.values()].some((v) => v.value !== undefined);
  }

  /** The server's view as items. */
  snapshot(): Record<string, unknown> {
    return Object.fromEntries([...this.values].filter(([, v]) => v.value !== undefined).map(([k, v]) => [k, clone(v.value)]));
  }

  delay([min, max]: [number, number]) {
    return this.sim.between(min, max);
  }
}
