/**
 * Completing saved papers from huggingface.co's public API (`/api/papers/<id>`): a search card
 * shows no author list, a paper added from a link shows nothing at all. Never in the page's
 * way (the background does it), at most a few requests a second, silently paused offline.
 * The queue is a table, so a worker stopped mid-way resumes where it was.
 */
import type { Paper } from '../model';
import type { ShelfDB } from '../db/schema';
import { fromApiPaper } from '../parse/props';
import { syncMatches } from '../db/matches';
import { mergeStored } from '../db/merge';

/** 3 requests a second at most. */
export const FILL_INTERVAL_MS = 350;
const MAX_TRIES = 5;

/** An answer (or a 404) holds for a week: no paper is asked for again and again. */
const FRESH_MS = 7 * 24 * 3600 * 1000;

export function needsFill(p: Paper | undefined, now: number): boolean {
  if (p?.fetchedAt && now - p.fetchedAt < FRESH_MS) return false;
  return !p?.abstract || !p.authors.length || (p.authorCount ?? 0) > p.authors.length || !p.publishedAt;
}

export interface FillDeps {
  db: ShelfDB;
  now: () => number;
  fetch: (url: string) => Promise<Response>;
  sleep?: (ms: number) => Promise<void>;
}

export function makeFiller({ db, now, fetch, sleep = (ms) => new Promise((r) => setTimeout(r, ms)) }: FillDeps) {
  let running: Promise<void> | undefined;

  async function enqueue(ids: string[]) {
    const papers = await db.papers.bulkGet(ids);
    const wanted = ids.filter((_, i) => needsFill(papers[i], now()));
    if (!wanted.length) return;
    await db.transaction('rw', db.fills, async () => {
      const known = await db.fills.bulkGet(wanted);
      await db.fills.bulkPut(wanted.filter((_, i) => !known[i]).map((id) => ({ id, queuedAt: now(), tries: 0 })));
    });
    void pump().catch((err) => console.warn('[hfp] filling from the API paused:', err));
  }

  /** Works through the queue, one request at a time; a second call joins the first. */
  function pump(): Promise<void> {
    running ??= work().finally(() => (running = undefined));
    return running;
  }

  async function work() {
    for (let job = await db.fills.orderBy('queuedAt').first(); job; job = await db.fills.orderBy('queuedAt').first()) {
      const outcome = await fillOne(job.id);
      if (outcome === 'offline' || outcome === 'busy') {
        // Keep the job; the next bookmark, page or worker start tries again.
        if (outcome === 'busy') await db.fills.update(job.id, { tries: job.tries + 1, queuedAt: now() });
        if (job.tries + 1 >= MAX_TRIES) await db.fills.delete(job.id);
        return;
      }
      await db.fills.delete(job.id);
      await sleep(FILL_INTERVAL_MS);
    }
  }

  async function fillOne(id: string): Promise<'done' | 'gone' | 'busy' | 'offline'> {
    let res: Response;
    try {
      res = await fetch(`https://huggingface.co/api/papers/${id}`);
    } catch {
      return 'offline';
    }
    if (!res.ok && res.status !== 404) return 'busy';
    const fields = res.ok ? fromApiPaper(await res.json().catch(() => undefined)) : undefined;
    if (!fields || fields.id !== id) {
      await db.papers.update(id, { fetchedAt: now() });
      return 'gone';
    }
    await db.transaction('rw', [db.papers, db.entries, db.follows, db.matches], async () => {
      const old = await db.papers.get(id);
      const merged = mergeStored(old, fields, { at: old?.lastSeenAt ?? now() });
      merged.fetchedAt = now();
      await db.papers.put(merged);
      // The abstract and authors just arrived: the follows may match them now.
      await syncMatches(db, [merged]);
    });
    return 'done';
  }

  return { enqueue, pump };
}

export type Filler = ReturnType<typeof makeFiller>;
