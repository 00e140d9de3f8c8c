/**
 * A simulated device: a library (library-model.ts), its synced records with their stamps, a
 * clock that may drift, and the background's sync loop as the lead engineer will wire it, in
 * miniature: a local edit is stamped and schedules a write; storage.onChanged is merged into the
 * state and applied to the library; the writer plans from the area's current content and writes
 * at the time the scheduler allows; a failed write is retried later. Everything it calls in
 * utils/sync is the real code.
 */
import { tagKey } from '../../utils/model';
import { absorb } from '../../utils/sync/absorb';
import { entryFromSync, stampEntry } from '../../utils/sync/entry-convert';
import { type Clock, newClock, observe, type Stamp, tick } from '../../utils/sync/hlc';
import { followFromSync, settingsFromSync, stampFollow, stampSettings, stampTag, tagUpdates } from '../../utils/sync/meta-convert';
import type { SyncReport } from '../../utils/sync/pack';
import { type PlanOptions, plan } from '../../utils/sync/planner';
import { backoff, classifyWriteError, logWrite, nextWriteAt, type Pending, type WriteLog } from '../../utils/sync/schedule';
import { shardIndex } from '../../utils/sync/shards';
import { emptyState, type SyncState } from '../../utils/sync/types';
import { unpack } from '../../utils/sync/unpack';
import { Library, type Touched } from './library-model';
import type { Sim } from './sim';
import type { Changes, DeviceArea } from './sync-area';

export class Device {
  lib = new Library();
  state: SyncState = emptyState();
  clock: Clock = newClock();
  log: WriteLog = [];
  pending: Pending = {};
  attempts = 0;
  report?: SyncReport;
  private timer = 0;
  private writing = false;
  readonly stats = { writes: 0, failed: 0, plans: 0, unhandled: 0 };

  constructor(
    readonly sim: Sim,
    readonly area: DeviceArea,
    readonly id: string,
    /** Milliseconds this device's wall clock is ahead of true time. */
    public drift = 0,
    readonly packOptions: PlanOptions = {},
  ) {
    area.onChanged.addListener((changes) => this.onChanged(changes));
  }

  get wallNow(): number {
    return Math.max(0, this.sim.now + this.drift);
  }

  /** A user action: the library changes, the changed records are stamped, a write is scheduled. */
  edit(op: (lib: Library, now: number) => Touched): { stamp: Stamp; touched: Touched } {
    const t = tick(this.clock, this.wallNow, this.id);
    this.clock = t.clock;
    const touched = op(this.lib, this.wallNow);
    const s = this.state;
    for (const id of touched.entries) s.entries.set(id, stampEntry(s.entries.get(id), this.lib.entries.get(id)!, t.stamp));
    for (const k of touched.tags) s.tags.set(k, stampTag(s.tags.get(k), k, this.lib.tags.get(k), t.stamp));
    for (const fid of touched.follows) {
      const [kind, ...rest] = fid.split(':');
      const prev = s.follows.get(fid);
      const f = this.lib.follows.get(fid);
      s.follows.set(fid, stampFollow(prev, kind as never, f?.value ?? prev?.state.v.value ?? rest.join(':'), f, t.stamp));
    }
    for (const r of stampSettings(s.settings, touched.settings, t.stamp)) s.settings.set(r.key, r);
    // A tag deleted here but carried back by a paper from elsewhere goes when its last paper drops it.
    this.applyTags(tagUpdates(s, { entries: [...touched.entries], tags: [...touched.tags] }, (k) => this.lib.tags.get(k)));
    this.dirty();
    return { stamp: t.stamp, touched };
  }

  /** Takes in records from elsewhere: merge, apply the news to the library, move the clock past them. */
  take(incoming: SyncState): boolean {
    const { state, news, behind } = absorb(this.state, incoming);
    this.state = state;
    this.applyTags(tagUpdates(state, news, (k) => this.lib.tags.get(k)));
    const names = (k: string) => this.lib.tags.get(k)?.name ?? state.tags.get(k)?.name?.v ?? k;
    const renamed = new Set(news.tags);
    const ids = new Set(news.entries);
    for (const [id, e] of this.lib.entries) if (e.tags.some((n) => renamed.has(tagKey(n)))) ids.add(id);
    for (const id of ids) {
      const record = state.entries.get(id);
      if (!record) continue;
      this.lib.entries.set(id, entryFromSync(record, names, this.lib.entries.get(id), this.wallNow));
    }
    for (const fid of news.follows) {
      const f = followFromSync(state.follows.get(fid)!);
      if (f) this.lib.follows.set(fid, f);
      else this.lib.follows.delete(fid);
    }
    Object.assign(this.lib.settings, settingsFromSync(news.settings.map((k) => state.settings.get(k)!)));
    for (const r of [...incoming.entries.values()].flatMap((e) => [e.mark, e.status, e.priority, e.note, ...e.tags]))
      if (r) this.clock = observe(this.clock, r.s);
    for (const t of incoming.tags.values()) for (const r of [t.name, t.color, t.live]) if (r) this.clock = observe(this.clock, r.s);
    for (const f of incoming.follows.values()) this.clock = observe(this.clock, f.state.s);
    for (const x of incoming.settings.values()) this.clock = observe(this.clock, x.value.s);
    return behind;
  }

  private applyTags({ put, remove }: ReturnType<typeof tagUpdates>) {
    for (const t of put) this.lib.tags.set(t.key, t);
    for (const k of remove) this.lib.tags.delete(k);
  }

  private async onChanged(changes: Changes) {
    const ours = Object.entries(changes).filter(([k]) => shardIndex(k) !== undefined);
    if (!ours.length) return;
    const { state } = await unpack(Object.fromEntries(ours.map(([k, c]) => [k, c.newValue])));
    this.take(state);
    // A shard removed or overwritten may lack what we hold: the planner decides.
    this.dirty();
  }

  dirty() {
    this.pending = { ...this.pending, since: this.pending.since ?? this.sim.now, last: this.sim.now };
    this.schedule();
  }

  private schedule() {
    const at = nextWriteAt(this.log, this.pending, this.sim.now);
    if (at === undefined || this.writing) return;
    const timer = ++this.timer;
    this.sim.at(at, () => (timer === this.timer ? this.write() : undefined));
  }

  /** Plans from the area's content, then writes a moment later (other changes may land in between). */
  private async write() {
    this.writing = true;
    const planned = this.sim.now;
    const p = await plan(this.state, await this.area.get(null), this.packOptions);
    this.stats.plans++;
    this.take(p.state);
    this.report = p.report;
    if (!Object.keys(p.set).length && !p.remove.length) {
      this.writing = false;
      if ((this.pending.last ?? 0) <= planned) this.pending = {};
      else this.schedule();
      return;
    }
    this.sim.after(this.sim.between(0, 300), async () => {
      try {
        if (p.remove.length) {
          await this.area.remove(p.remove);
          this.log = logWrite(this.log, this.sim.now);
        }
        if (Object.keys(p.set).length) await this.area.set(p.set);
        this.stats.writes++;
        this.log = logWrite(this.log, this.sim.now);
        this.attempts = 0;
        this.pending = (this.pending.last ?? 0) <= planned ? {} : { ...this.pending, notBefore: undefined };
      } catch (e) {
        const kind = classifyWriteError(e instanceof Error ? e.message : String(e));
        if (kind === 'other') this.stats.unhandled++;
        this.stats.failed++;
        this.attempts++;
        this.log = logWrite(this.log, this.sim.now);
        this.pending = { ...this.pending, notBefore: backoff(kind, this.sim.now, this.attempts) };
      }
      this.writing = false;
      this.schedule();
    });
  }
}
