/**
 * A device running the extension's real sync adapter (utils/background/sync.ts) over its own
 * library (a fake-indexeddb ShelfDB), connected to the storage.sync stand-in (sync-area.ts: the
 * browser's quotas and rate limits, a sync server that relays with delays and lets the last
 * writer win). Time is the simulator's; `restart()` is a stopped worker and its successor: a new
 * adapter over the same database, with nothing carried over in memory.
 */
import { ShelfDB } from '../../utils/db/schema';
import { makeSync, type Sync } from '../../utils/background/sync';
import type { PlanOptions } from '../../utils/sync/planner';
import type { Sim } from './sim';
import type { Changes, DeviceArea } from './sync-area';

export interface LibraryView {
  entries: { id: string; mark: number | null; status: string; tags: string[]; note: string; priority: number }[];
  tags: { key: string; name: string; color?: string }[];
  settings: Record<string, unknown>;
}

export class ShelfDevice {
  readonly db: ShelfDB;
  sync!: Sync;
  /** Paper ids the adapter said it rewrote (what the tabs and the fill queue hear). */
  readonly applied: string[] = [];
  /** The next set() fails with this error, or never answers: 'hang', the worker stopped while it waited. */
  failNext?: Error | 'hang';
  private cancel?: () => void;
  private listener?: (changes: Changes) => Promise<void>;
  /** Resolves when the current worker stops (the simulation stops waiting for what it was doing). */
  private stop = () => {};

  constructor(
    readonly sim: Sim,
    readonly area: DeviceArea,
    readonly name: string,
    readonly planOptions?: PlanOptions,
  ) {
    this.db = new ShelfDB(`sync-shelf-${name}-${Math.random()}`);
  }

  get now() {
    return this.sim.now;
  }

  /** A new worker (the first, or the successor of a stopped one): the old one's timers and listener are gone with it. */
  restart() {
    this.cancel?.();
    this.stop();
    if (this.listener) this.area.onChanged.removeListener(this.listener);
    let stopped = false;
    const dead = new Promise<void>((resolve) => {
      this.stop = () => {
        stopped = true;
        resolve();
      };
    });
    const alive = (job: () => Promise<void>) => (stopped ? undefined : Promise.race([job(), dead]));
    const sync = makeSync({
      db: this.db,
      area: { get: (k) => this.area.get(k), set: (items) => this.set(items), remove: (keys) => this.area.remove(keys) },
      now: () => this.sim.now,
      wakeup: {
        at: (when) => {
          this.cancel?.();
          this.cancel = this.sim.at(when, () => alive(sync.flush));
        },
        clear: () => this.cancel?.(),
      },
      applied: async (ids) => void this.applied.push(...ids),
      random: () => this.sim.rand(1_000_000) / 1_000_000,
      planOptions: this.planOptions,
    });
    this.sync = sync;
    this.listener = async (changes) => alive(() => sync.onChanged(changes));
    this.area.onChanged.addListener(this.listener);
    return sync.start();
  }

  private set(items: Record<string, string>): Promise<void> {
    const fail = this.failNext;
    this.failNext = undefined;
    if (fail === 'hang') {
      this.stop();
      return new Promise(() => {});
    }
    return fail ? Promise.reject(fail) : this.area.set(items);
  }

  /** A user's edit through the db layer (as a request handler makes it), then what the background does after each request. */
  async edit(op: (db: ShelfDB, now: number) => Promise<unknown>) {
    await op(this.db, this.now);
    await this.sync.changed();
  }

  async view(): Promise<LibraryView> {
    const entries = (await this.db.entries.toArray())
      .map((e) => ({
        id: e.id,
        mark: e.bookmarkedAt === undefined ? null : Math.floor(e.bookmarkedAt / 1000),
        status: e.status,
        tags: e.tags.map((t) => t.toLowerCase()).sort(),
        note: e.note,
        priority: e.priority,
      }))
      // An entry with nothing in it is no data (it never syncs).
      .filter((e) => e.mark !== null || e.status !== 'to-read' || e.tags.length || e.note || e.priority);
    const tags = (await this.db.tags.toArray()).map((t) => ({ key: t.key, name: t.name, ...(t.color ? { color: t.color } : {}) }));
    const settings = Object.fromEntries((await this.db.settings.toArray()).filter((s) => s.key !== 'sync').map((s) => [s.key, s.value]));
    return { entries, tags, settings };
  }
}
