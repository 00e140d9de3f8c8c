/**
 * A discrete-event simulator: virtual time in milliseconds, events run in time order (ties in the
 * order they were scheduled), each awaited before the next, so asynchronous code under test runs
 * to completion between events. Repeatable: randomness comes from a seed.
 */
import { mulberry } from './sync-library';

interface Event {
  at: number;
  seq: number;
  run: () => void | Promise<void>;
}

export class Sim {
  now = 0;
  private queue: Event[] = [];
  private seq = 0;
  readonly rand: (n: number) => number;

  constructor(seed: number, start = 0) {
    this.rand = mulberry(seed);
    this.now = start;
  }

  /** A random integer in [min, max]. */
  between(min: number, max: number): number {
    return min + this.rand(max - min + 1);
  }

  /** Schedules `run`; returns a function that cancels it. */
  at(at: number, run: Event['run']): () => void {
    const e = { at: Math.max(at, this.now), seq: this.seq++, run };
    // Binary insertion: queues stay short, but histories are many.
    let lo = 0;
    let hi = this.queue.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const q = this.queue[mid]!;
      if (q.at < e.at || (q.at === e.at && q.seq < e.seq)) lo = mid + 1;
      else hi = mid;
    }
    this.queue.splice(lo, 0, e);
    return () => {
      const i = this.queue.indexOf(e);
      if (i >= 0) this.queue.splice(i, 1);
    };
  }

  after(delay: number, run: Event['run']): () => void {
    return this.at(this.now + delay, run);
  }

  get idle(): boolean {
    return this.queue.length === 0;
  }

  /** Runs events up to `until` (inclusive); returns how many ran. */
  async run(until = Number.POSITIVE_INFINITY, maxEvents = 1_000_000): Promise<number> {
    let n = 0;
    while (this.queue.length && this.queue[0]!.at <= until) {
      if (++n > maxEvents) throw new Error(`more than ${maxEvents} events: the simulation does not settle`);
      const e = this.queue.shift()!;
      this.now = e.at;
      await e.run();
    }
    if (until !== Number.POSITIVE_INFINITY) this.now = Math.max(this.now, until);
    return n;
  }
}
