/**
 * The catalogue's worker, one per open page: every paper as a row and the search index, kept in
 * step with the database, answering the page's lists in milliseconds off its main thread. An
 * opening restores the snapshot of the last one and reads only what changed since; a change
 * anywhere (the background, another page, an import) reaches it through a live query on `rev`.
 */
import { liveQuery } from 'dexie';
import { db } from '../db/schema';
import { LibraryIndex } from '../search/index';
import { Catalog } from './catalog';
import { readAll, readChanged, Stamps, type Batch } from './load';
import type { CatalogState, FromCatalog, Show, ToCatalog } from './messages';
import { restoreSnapshot, writeSnapshot } from './snapshot';
import { changedRows, readTriage, withFollows, type TriageState } from './triage';

const catalog = new Catalog();
let index = new LibraryIndex();
/** The stamp of every record taken: what changed since is what has another. */
let stamps = new Stamps();
let ready = false;
let current: Show | undefined;
let ranking: { query: string; ids: readonly string[]; complete: boolean } | undefined;
let triage: TriageState = { follows: new Map() };
const post = (m: FromCatalog) => (self as unknown as Worker).postMessage(m);
const state = (): CatalogState => ({ size: catalog.size, ready, indexing: index.pending });

function take(b: Batch) {
  if (!b.rows.length) return;
  catalog.put(withFollows(b.rows, triage.follows));
  index.update(b.docs);
  ranking = undefined;
}

function answer(req: Show) {
  const q = req.query.trim();
  let ranked: readonly string[] | undefined;
  let complete = true;
  if (q) {
    if (ranking?.query !== q) {
      const result = index.search(q, { limit: Math.max(1000, catalog.size) });
      ranking = { query: q, ids: result.ids, complete: result.complete };
    }
    ranked = ranking.ids;
    complete = ranking.complete;
  }
  const ids = catalog.list(req.spec, ranked);
  const rows = ids.slice(req.from, req.to).map((id) => catalog.get(id)!);
  const outside = ranked ? ranked.length - ids.length : 0;
  post({ type: 'shown', seq: req.seq, total: ids.length, from: req.from, rows, counts: catalog.counts(), state: state(), complete, outside });
}

/** Follows matched or dropped, or a new visit: the rows concerned change, and every list if the visit did. */
function applyTriage(next: TriageState) {
  const changed = changedRows(triage.follows, next.follows, (id) => catalog.get(id));
  triage = next;
  catalog.setContext(next.newSince === undefined ? {} : { newSince: next.newSince });
  if (changed.length) catalog.put(changed);
}

const refresh = () => {
  if (ready && current) answer(current);
  else post({ type: 'state', state: state() });
};

let looking: Promise<void> | undefined;
let lookAgain = false;
/** Takes in what was written since the watermark; a call while one is under way runs once more after it. */
function look(): Promise<void> {
  if (looking) {
    lookAgain = true;
    return looking;
  }
  looking = readChanged(db, stamps)
    .then((b) => {
      take(b);
      if (b.rows.length) {
        refresh();
        scheduleSnapshot();
        scheduleIndexing();
      }
    })
    .finally(() => {
      looking = undefined;
      if (lookAgain) {
        lookAgain = false;
        void look();
      }
    });
  return looking;
}

async function start() {
  const restored = await restoreSnapshot(db).catch(() => undefined);
  if (restored) {
    catalog.put(restored.rows);
    index = restored.index;
    stamps = restored.stamps;
    // The first query after a restore would otherwise pay for what a query of each shape warms.
    setTimeout(() => index.warm(), 0);
  } else {
    for await (const b of readAll(db, stamps)) {
      take(b);
      post({ type: 'state', state: state() });
    }
  }
  await look();
  applyTriage(await readTriage(db));
  ready = true;
  refresh();
  // Matches and visits change without a paper or entry being written (a follow's backfill, a new visit).
  liveQuery(() => readTriage(db)).subscribe({
    next: (t) => {
      applyTriage(t);
      refresh();
    },
    error: (err) => post({ type: 'error', message: String(err) }),
  });
  // Any write to papers or entries from now on, whatever its stamp: a live query that reads both
  // tables whole (a count), so Dexie runs it again on every write to them; the look says what changed.
  let first = true;
  liveQuery(() => Promise.all([db.papers.count(), db.entries.count()])).subscribe({
    next: () => {
      if (!first) void look();
      first = false;
    },
    error: (err) => post({ type: 'error', message: String(err) }),
  });
  scheduleIndexing();
  if (!restored) scheduleSnapshot(0);
}

let indexing: ReturnType<typeof setTimeout> | undefined;
/** Abstracts are indexed a few at a time, between the page's questions. */
function scheduleIndexing() {
  if (indexing !== undefined) return;
  indexing = setTimeout(function step() {
    const more = index.indexText(200);
    post({ type: 'state', state: state() });
    if (more) indexing = setTimeout(step, 0);
    else {
      indexing = undefined;
      scheduleSnapshot();
    }
  }, 0);
}

let saving: ReturnType<typeof setTimeout> | undefined;
/** When the oldest change not in the snapshot came: a steady trickle of writes still gets one written. */
let unsavedSince: number | undefined;
const SNAPSHOT_QUIET_MS = 3000;
const SNAPSHOT_MAX_WAIT_MS = 30_000;
/**
 * The snapshot is written when the catalogue has been quiet a few seconds, or at the latest half
 * a minute after a change (it takes the worker ~0.1 s at 100,000 papers), never while abstracts
 * are being indexed.
 */
function scheduleSnapshot(delay = SNAPSHOT_QUIET_MS) {
  unsavedSince ??= Date.now();
  clearTimeout(saving);
  const wait = Math.max(0, Math.min(delay, unsavedSince + SNAPSHOT_MAX_WAIT_MS - Date.now()));
  saving = setTimeout(() => {
    if (indexing !== undefined) return scheduleSnapshot(delay);
    unsavedSince = undefined;
    void writeSnapshot(db, stamps, catalog, index).catch((err) => post({ type: 'error', message: `snapshot: ${String(err)}` }));
  }, wait);
}

self.onmessage = (event: MessageEvent<ToCatalog>) => {
  const m = event.data;
  if (m.type === 'show') {
    current = m;
    if (ready) answer(m);
  } else if (m.type === 'ids') {
    const q = m.query.trim();
    const ranked = q ? index.search(q, { limit: Math.max(1000, catalog.size) }).ids : undefined;
    post({ type: 'ids', seq: m.seq, ids: catalog.list(m.spec, ranked).slice() });
  } else if (m.type === 'look') void look();
};

void start().catch((err) => post({ type: 'error', message: String(err) }));
