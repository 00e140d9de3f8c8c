/**
 * Reading the library into the catalogue: all of it a chunk at a time (the first opening), or
 * what changed since a moment (every write stamps `rev`: utils/db/rev.ts); and the catalogue's
 * snapshot, kept in the database between openings.
 */
import type { ShelfDB } from '../db/schema';
import type { Entry, Paper } from '../model';
import { toDoc, type SearchDoc } from '../search/doc';
import { toRow, type Row } from './row';

/** Papers read at a time on a first opening: small enough that answers keep coming in between. */
export const CHUNK = 2000;
/** Writes from another context may carry a stamp a little behind ours: look back this far. */
export const REV_SKEW_MS = 5000;

export interface Batch {
  rows: Row[];
  docs: SearchDoc[];
  /** The latest write among them. */
  rev: number;
}

type Stamped = { rev?: number };

function batch(papers: Array<Paper | undefined>, entries: Array<Entry | undefined>): Batch {
  const rows: Row[] = [];
  const docs: SearchDoc[] = [];
  let rev = 0;
  papers.forEach((p, i) => {
    const e = entries[i];
    rev = Math.max(rev, (p as Stamped | undefined)?.rev ?? 0, (e as Stamped | undefined)?.rev ?? 0);
    // An entry without its paper (a status set on an id never seen) waits for the paper.
    if (!p) return;
    rows.push(toRow(p, e));
    docs.push(toDoc(e ? { ...p, entry: e } : p));
  });
  return { rows, docs, rev };
}

/** Every paper with its entry, in id order, `CHUNK` at a time. */
export async function* readAll(db: ShelfDB): AsyncGenerator<Batch> {
  let after: string | undefined;
  for (;;) {
    const papers = await (after === undefined ? db.papers.orderBy(':id') : db.papers.where(':id').above(after)).limit(CHUNK).toArray();
    if (!papers.length) return;
    const entries = await db.entries.bulkGet(papers.map((p) => p.id));
    yield batch(papers, entries);
    after = papers[papers.length - 1]!.id;
  }
}

/** Papers and entries written at or after `since`, each with the other half of its record. */
export async function readChanged(db: ShelfDB, since: number): Promise<Batch> {
  const [p, e] = await Promise.all([
    db.papers.where('rev').aboveOrEqual(since).primaryKeys(),
    db.entries.where('rev').aboveOrEqual(since).primaryKeys(),
  ]);
  const ids = [...new Set([...p, ...e])];
  if (!ids.length) return { rows: [], docs: [], rev: 0 };
  const [papers, entries] = await Promise.all([db.papers.bulkGet(ids), db.entries.bulkGet(ids)]);
  return batch(papers, entries);
}

/** The newest stamp in the database (0 when nothing was written since v6). */
export async function latestRev(db: ShelfDB): Promise<number> {
  const [p, e] = await Promise.all([db.papers.orderBy('rev').last(), db.entries.orderBy('rev').last()]);
  return Math.max((p as Stamped | undefined)?.rev ?? 0, (e as Stamped | undefined)?.rev ?? 0);
}
