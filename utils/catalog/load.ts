/**
 * Reading the library into the catalogue: all of it a chunk at a time (the first opening), or
 * what changed since it last looked. Every write stamps its records with `rev` (utils/db/rev.ts);
 * the catalogue remembers the stamp of each record it took, and asks the `rev` index for the
 * stamps of a recent window: a record whose stamp differs is read again, the rest are not.
 */
import type { ShelfDB } from '../db/schema';
import type { Entry, Paper } from '../model';
import { toDoc, type SearchDoc } from '../search/doc';
import { toRow, type Row } from './row';

/** Papers read at a time on a first opening: small enough that answers keep coming in between. */
export const CHUNK = 2000;
/**
 * How far back a look reaches before the newest stamp taken. A record is stamped when its write is
 * issued and shows when its transaction commits. Transactions that write the same table commit in
 * the order they began (IndexedDB runs them one after the other), so a stamp older than one taken
 * can only come from a transaction on the other table that began a moment earlier and is still
 * committing: every write of utils/db is a few milliseconds, at the end of its transaction.
 */
export const REV_WINDOW_MS = 2000;

export interface Batch {
  rows: Row[];
  docs: SearchDoc[];
}

type Stamped = { rev?: number };

/** The stamps of the records taken, papers and entries apart (an entry is written without its paper, and the other way). */
export class Stamps {
  papers = new Map<string, number>();
  entries = new Map<string, number>();
  /** The newest stamp taken. */
  latest = 0;

  take(papers: Array<Paper | undefined>, entries: Array<Entry | undefined>) {
    for (const p of papers) if (p) this.note(this.papers, p.id, (p as Stamped).rev);
    for (const e of entries) if (e) this.note(this.entries, e.id, (e as Stamped).rev);
  }

  private note(map: Map<string, number>, id: string, rev: number | undefined) {
    if (rev === undefined) return;
    map.set(id, rev);
    if (rev > this.latest) this.latest = rev;
  }

  /** The stamps inside the window (what a snapshot keeps: older ones are never asked about again). */
  recent(): { papers: Array<[string, number]>; entries: Array<[string, number]>; latest: number } {
    const from = this.latest - REV_WINDOW_MS;
    const pick = (m: Map<string, number>) => [...m].filter(([, rev]) => rev >= from);
    return { papers: pick(this.papers), entries: pick(this.entries), latest: this.latest };
  }

  static from(s: { papers: Array<[string, number]>; entries: Array<[string, number]>; latest: number }): Stamps {
    const stamps = new Stamps();
    stamps.papers = new Map(s.papers);
    stamps.entries = new Map(s.entries);
    stamps.latest = s.latest;
    return stamps;
  }
}

function batch(papers: Array<Paper | undefined>, entries: Array<Entry | undefined>): Batch {
  const rows: Row[] = [];
  const docs: SearchDoc[] = [];
  papers.forEach((p, i) => {
    const e = entries[i];
    // An entry without its paper (a status set on an id never seen) waits for the paper.
    if (!p) return;
    rows.push(toRow(p, e));
    docs.push(toDoc(e ? { ...p, entry: e } : p));
  });
  return { rows, docs };
}

/** Every paper with its entry, in id order, `CHUNK` at a time. */
export async function* readAll(db: ShelfDB, stamps: Stamps): AsyncGenerator<Batch> {
  let after: string | undefined;
  for (;;) {
    const papers = await (after === undefined ? db.papers.orderBy(':id') : db.papers.where(':id').above(after)).limit(CHUNK).toArray();
    if (!papers.length) return;
    const entries = await db.entries.bulkGet(papers.map((p) => p.id));
    stamps.take(papers, entries);
    yield batch(papers, entries);
    after = papers[papers.length - 1]!.id;
  }
}

/**
 * What was written since the catalogue last looked, with the other half of each record: records
 * stamped after the newest stamp taken, and records stamped inside the window before it that were
 * never taken (a late commit). Ids come from the `rev` index in bulk; only those records are read.
 */
export async function readChanged(db: ShelfDB, stamps: Stamps): Promise<Batch> {
  const from = stamps.latest - REV_WINDOW_MS;
  const ids = new Set<string>();
  await db.transaction('r', db.papers, db.entries, async () => {
    const scan = async (table: typeof db.papers | typeof db.entries, taken: Map<string, number>) => {
      const [newer, recent] = await Promise.all([
        table.where('rev').above(stamps.latest).primaryKeys(),
        table.where('rev').between(from, stamps.latest, true, true).primaryKeys(),
      ]);
      for (const id of newer) ids.add(id);
      for (const id of recent) if (!taken.has(id)) ids.add(id);
    };
    await Promise.all([scan(db.papers, stamps.papers), scan(db.entries, stamps.entries)]);
  });
  if (!ids.size) return { rows: [], docs: [] };
  const list = [...ids];
  const [papers, entries] = await Promise.all([db.papers.bulkGet(list), db.entries.bulkGet(list)]);
  const changed = list.flatMap((id, n) => {
    const paperRev = (papers[n] as Stamped | undefined)?.rev;
    const entryRev = (entries[n] as Stamped | undefined)?.rev;
    return paperRev !== stamps.papers.get(id) || entryRev !== stamps.entries.get(id) ? [n] : [];
  });
  const ps = changed.map((n) => papers[n]);
  const es = changed.map((n) => entries[n]);
  stamps.take(ps, es);
  return batch(ps, es);
}
