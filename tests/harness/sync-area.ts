/**
 * chrome.storage.sync as a stand-in that follows the real one, read from its source (Chrome's
 * sync servers cannot run here). Each device has its own local copy of the area, as in the
 * browser, and a shared server relays changes between them.
 *
 * On a device (extensions/browser/api/storage/*): get/set/remove/clear/getBytesInUse; set()
 * refuses writes past QUOTA_BYTES, QUOTA_BYTES_PER_ITEM or MAX_ITEMS, counted as Chromium counts
 * (key bytes + base::JSONWriter bytes, settings_storage_quota_enforcer.cc) or as Firefox does
 * (webext-storage api.rs: the whole area as one JSON object); each set() and each remove() is one
 * write operation against MAX_WRITE_OPERATIONS_PER_MINUTE and _PER_HOUR, buckets per function
 * refilled a minute or an hour after their first call (quota_service.cc TimedLimit; Chromium
 * only); onChanged fires for the keys whose value changed (Chromium) or for every key written
 * (Firefox, bug 1621162), and for changes arriving from sync, which are applied without the quota
 * check (syncable_settings_storage.cc, IGNORE_QUOTA), so an area can end up over its quota.
 *
 * Between devices (components/sync): a device's changes are committed to the server after a
 * delay, and last-writer-wins per key; a commit made against an older version of the key loses
 * to the server's value (the default conflict resolution: remote wins, unless the remote is a
 * deletion), which overwrites the device's copy. Other devices receive changes after a delay, in
 * batches of some of the changed keys (reordered), and only the latest value of each key
 * (coalesced). An offline device keeps writing locally and catches up when back. A device that
 * starts syncing for the first time while the server holds data has its local copy replaced by
 * the server's (OverwriteLocalSettingsWithSync); if the server holds nothing, it uploads its own.
 */
import { AreaLimits, type Flavor, type Limits } from './sync-limits';
import { type NetworkOptions, SyncServer } from './sync-server';

export type { Flavor, Limits, NetworkOptions };
export { SyncServer };
export type Changes = Record<string, { oldValue?: unknown; newValue?: unknown }>;
type Listener = (changes: Changes, areaName: string) => void | Promise<void>;

const clone = (v: unknown) => (v === undefined ? undefined : JSON.parse(JSON.stringify(v)));
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export class DeviceArea {
  readonly items = new Map<string, unknown>();
  private readonly seen = new Map<string, number>();
  private readonly pending = new Map<string, unknown>();
  private readonly listeners: Listener[] = [];
  online = true;
  started = false;
  private committing = false;
  private delivering = false;
  readonly stats = { writes: 0, rateErrors: 0, quotaErrors: 0, overwrittenBySync: 0 };
  private readonly limits: AreaLimits;

  constructor(
    readonly server: SyncServer,
    readonly name: string,
  ) {
    this.limits = new AreaLimits(server.flavor, server.limits);
    server.devices.push(this);
  }

  get sim() {
    return this.server.sim;
  }

  readonly onChanged = {
    addListener: (l: Listener) => void this.listeners.push(l),
    removeListener: (l: Listener) => void this.listeners.splice(this.listeners.indexOf(l), 1),
  };

  private fire(changes: Changes) {
    if (!Object.keys(changes).length) return;
    for (const l of [...this.listeners]) this.sim.after(0, () => l(clone(changes), 'sync'));
  }

  async get(keys?: null | string | string[]): Promise<Record<string, unknown>> {
    const wanted = keys == null ? [...this.items.keys()] : typeof keys === 'string' ? [keys] : keys;
    return Object.fromEntries(wanted.filter((k) => this.items.has(k)).map((k) => [k, clone(this.items.get(k))]));
  }

  async getBytesInUse(): Promise<number> {
    return this.limits.bytesInUse(this.items);
  }

  private rate(fn: string) {
    try {
      this.limits.rate(fn, this.sim.now);
    } catch (e) {
      this.stats.rateErrors++;
      throw e;
    }
  }

  private checkQuota(items: Record<string, unknown>) {
    try {
      this.limits.quota(this.items, items);
    } catch (e) {
      this.stats.quotaErrors++;
      throw e;
    }
  }

  async set(items: Record<string, unknown>): Promise<void> {
    this.rate('set');
    const values = clone(items) as Record<string, unknown>;
    this.checkQuota(values);
    this.stats.writes++;
    const changes: Changes = {};
    for (const [k, v] of Object.entries(values)) {
      const old = this.items.get(k);
      if (this.server.flavor === 'chromium' && same(old, v)) continue;
      changes[k] = old === undefined ? { newValue: v } : { oldValue: old, newValue: v };
      this.items.set(k, v);
      this.pending.set(k, v);
    }
    this.fire(changes);
    this.scheduleCommit();
  }

  async remove(keys: string | string[]): Promise<void> {
    this.rate('remove');
    const changes: Changes = {};
    for (const k of typeof keys === 'string' ? [keys] : keys) {
      if (!this.items.has(k)) continue;
      changes[k] = { oldValue: this.items.get(k) };
      this.items.delete(k);
      this.pending.set(k, undefined);
    }
    this.fire(changes);
    this.scheduleCommit();
  }

  async clear(): Promise<void> {
    await this.remove([...this.items.keys()]);
  }

  /** Goes online (starting sync the first time) or offline. */
  setOnline(online: boolean) {
    this.online = online;
    if (!online) return;
    if (!this.started) this.start();
    this.scheduleCommit();
    this.scheduleDelivery();
  }

  private start() {
    this.started = true;
    if (!this.server.hasData) {
      for (const [k, v] of this.items) this.pending.set(k, v);
      return;
    }
    this.pending.clear();
    const changes: Changes = {};
    for (const [k, old] of this.items) if (this.server.values.get(k)?.value === undefined) changes[k] = { oldValue: old };
    for (const k of Object.keys(changes)) this.items.delete(k);
    for (const [k, { value, version }] of this.server.values) {
      this.seen.set(k, version);
      if (value === undefined || same(this.items.get(k), value)) continue;
      changes[k] = this.items.has(k) ? { oldValue: this.items.get(k), newValue: clone(value) } : { newValue: clone(value) };
      this.items.set(k, clone(value));
    }
    this.fire(changes);
  }

  private scheduleCommit() {
    if (this.committing || !this.online || !this.started || !this.pending.size) return;
    this.committing = true;
    this.sim.after(this.server.delay(this.server.net.commitDelay), () => {
      this.committing = false;
      if (!this.online) return;
      this.commit();
      this.scheduleCommit();
    });
  }

  private commit() {
    const changes: Changes = {};
    for (const [k, value] of this.pending) {
      const remote = this.server.values.get(k);
      if ((remote?.version ?? 0) !== (this.seen.get(k) ?? 0) && remote?.value !== undefined) {
        // Conflict: the server's value wins and replaces this device's copy.
        this.stats.overwrittenBySync++;
        this.seen.set(k, remote.version);
        if (!same(this.items.get(k), remote.value)) {
          changes[k] = { oldValue: this.items.get(k), newValue: clone(remote.value) };
          this.items.set(k, clone(remote.value));
        }
        continue;
      }
      const version = (remote?.version ?? 0) + 1;
      this.server.values.set(k, { value: clone(value), version });
      this.seen.set(k, version);
    }
    this.pending.clear();
    this.fire(changes);
    for (const d of this.server.devices) if (d !== this) d.scheduleDelivery();
  }

  scheduleDelivery() {
    if (this.delivering || !this.online || !this.started) return;
    this.delivering = true;
    this.sim.after(this.server.delay(this.server.net.deliverDelay), () => {
      this.delivering = false;
      if (!this.online) return;
      this.deliver();
    });
  }

  /** Some of the keys changed on the server since this device last saw them, at their latest value. */
  private deliver() {
    const stale = [...this.server.values].filter(([k, v]) => v.version > (this.seen.get(k) ?? 0)).map(([k]) => k);
    if (!stale.length) return;
    for (let i = stale.length - 1; i > 0; i--) {
      const j = this.sim.rand(i + 1);
      [stale[i], stale[j]] = [stale[j]!, stale[i]!];
    }
    const batch = stale.slice(0, 1 + this.sim.rand(stale.length));
    const changes: Changes = {};
    for (const k of batch) {
      const { value, version } = this.server.values.get(k)!;
      this.seen.set(k, version);
      if (this.pending.has(k)) {
        if (value === undefined) continue;
        this.pending.delete(k);
        this.stats.overwrittenBySync++;
      }
      const old = this.items.get(k);
      if (same(old, value)) continue;
      if (value === undefined) this.items.delete(k);
      else this.items.set(k, clone(value));
      changes[k] = { ...(old === undefined ? {} : { oldValue: old }), ...(value === undefined ? {} : { newValue: clone(value) }) };
    }
    this.fire(changes);
    if (batch.length < stale.length) this.scheduleDelivery();
  }
}
