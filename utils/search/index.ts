/**
 * Full-text search over the library: title, authors, tags, note and abstract, ranked, prefix and
 * typo tolerant; an arXiv id or link finds its paper, a pasted title puts its paper first, names
 * with digits, dots and hyphens are found as written (tokens.ts). The quick fields are indexed at
 * once, abstracts in idle steps. The index is a few sorted segments of typed arrays (segment.ts):
 * a change writes a small new segment and marks the paper's old postings dead; idle steps merge
 * segments. `snapshot()` gives it whole, structured-clone friendly, and `restore()` takes it back
 * without re-reading any text.
 */
import { paperIdFromText } from '../ids';
import type { SearchDoc } from './doc';
import { plan } from './plan';
import { Scorer } from './rank';
import { mergeRun, mergeSegments } from './merge';
import { ABSTRACT, AUTHORS, NAME, NOTE, Segment, SegmentBuilder, TAGS, TITLE } from './segment';
import { readSnapshot, SNAPSHOT_VERSION, type IndexSnapshot } from './snapshot';
import { DocTable } from './table';
import { ABSTRACT_STOP, hash, nameTerm, terms, titleKey } from './tokens';

export type { SearchDoc } from './doc';

export interface SearchResult {
  /** Paper ids, best first, at most `limit`. */
  ids: string[];
  /** How many papers match, all of them (not only those listed). */
  total: number;
  /** False when no paper holds every word: the papers holding the most of them are listed. */
  complete: boolean;
}

export type { IndexSnapshot } from './snapshot';

/** Below this many changed papers, abstracts are indexed at once rather than queued. */
const SMALL_UPDATE = 20;
const TEXT_CHUNK_SEAL = 10_000;

/** What tells a changed paper: its quick fields whole, its abstract by length and start (hashed in a chain, no string built). */
function signature(d: SearchDoc): number {
  let h = hash(d.title);
  for (const a of d.authors) h = hash(a, h ^ 1);
  for (const t of d.tags) h = hash(t, h ^ 2);
  h = hash(d.note, h ^ 3);
  return hash(d.abstract.slice(0, 64), h ^ d.abstract.length);
}

export class LibraryIndex {
  private table = new DocTable();
  private quick: Segment[] = [];
  private text: Segment[] = [];
  private quickBuilder = new SegmentBuilder();
  private textBuilder = new SegmentBuilder(ABSTRACT);
  /** Abstracts waiting, by doc number, in ascending order. */
  private textQueue = new Map<number, string>();
  private scorer = new Scorer();

  get size(): number {
    return this.table.live;
  }

  /** Abstracts still waiting to be indexed. */
  get pending(): number {
    return this.textQueue.size;
  }

  /** Adds or replaces papers (quick fields at once, abstracts queued), removes others. Unchanged papers cost a hash. */
  update(docs: SearchDoc[], removed: string[] = []) {
    const t = this.table;
    for (const id of removed) this.kill(id);
    const changed: number[] = [];
    for (const doc of docs) {
      const sig = signature(doc);
      const before = t.nums.get(doc.id);
      // Unchanged, unless its abstract never made it into the index (a snapshot taken while it waited).
      if (before !== undefined && t.sigs[before] === sig && (t.textDone[before] || this.textQueue.has(before) || !doc.abstract)) continue;
      if (before !== undefined) this.kill(doc.id);
      const num = t.add(doc.id, sig, titleKey(doc.title));
      this.indexQuick(num, doc);
      if (doc.abstract) this.textQueue.set(num, doc.abstract);
      changed.push(num);
    }
    if (changed.length <= SMALL_UPDATE && this.textQueue.size === changed.length) this.indexQueued(changed.length);
  }

  /** The whole library as it is now: papers not in it are removed. */
  sync(docs: SearchDoc[]) {
    const keep = new Set(docs.map((d) => d.id));
    this.update(
      docs,
      [...this.table.nums.keys()].filter((id) => !keep.has(id)),
    );
  }

  /** Idle work: indexes up to `n` queued abstracts, or merges segments; true while some remains. */
  indexText(n = 250): boolean {
    this.indexQueued(n);
    return this.mergeStep() || this.textQueue.size > 0;
  }

  private indexQueued(n: number) {
    for (const [num, abstract] of this.textQueue) {
      if (n-- <= 0) break;
      this.textQueue.delete(num);
      this.textBuilder.startDoc();
      terms(abstract, (t) => this.textBuilder.add(t, num, ABSTRACT), false, ABSTRACT_STOP);
      this.table.textDone[num] = 1;
      if (this.textBuilder.docCount >= TEXT_CHUNK_SEAL) this.text.push(this.textBuilder.seal());
    }
    if (!this.textQueue.size) this.seal();
  }

  search(query: string, { limit = 1000 } = {}): SearchResult {
    this.seal();
    const id = paperIdFromText(query);
    const p = plan(id ?? query, this.quick, this.text);
    if (!p.words.length) return { ids: [], total: 0, complete: true };
    const key = titleKey(query);
    const t = this.table;
    const ranked = this.scorer.rank(p, t.dead, t.count, Math.max(1, t.live), t.titles, key, limit);
    const ids = ranked.docs.map((d) => t.id(d));
    if (id === undefined) return { ids, total: ranked.total, complete: ranked.complete };
    // The paper an id names first, then papers mentioning the id (a note saying "see 2407.21783").
    const others = ids.filter((x) => x !== id);
    if (!t.nums.has(id)) return { ids: others, total: ranked.total, complete: ranked.complete };
    return { ids: [id, ...others].slice(0, limit), total: others.length + 1, complete: true };
  }

  /**
   * Runs a few queries of each shape, so that the first one typed after a restore finds the
   * engine's code compiled (a cold first query costs several times a warm one). Call it idle.
   */
  warm() {
    for (const q of ['lang', 'deep learning', 'attention is all you need', 'transformr', '2401.00001']) this.search(q, { limit: 50 });
  }

  snapshot(): IndexSnapshot {
    this.seal();
    return { version: SNAPSHOT_VERSION, papers: this.table.data(), quick: this.quick.map((s) => s.data), text: this.text.map((s) => s.data) };
  }

  /**
   * An index as `snapshot()` left it (checked: a snapshot of another version or damaged throws, and
   * the index is built anew); `sync()` it with the library afterwards to take in what changed since.
   */
  static restore(raw: unknown): LibraryIndex {
    const s = readSnapshot(raw);
    const index = new LibraryIndex();
    index.table = DocTable.from(s.papers);
    index.quick = s.quick.map((d) => new Segment(d));
    index.text = s.text.map((d) => new Segment(d));
    return index;
  }

  private indexQuick(num: number, doc: SearchDoc) {
    const b = this.quickBuilder;
    b.startDoc();
    terms(doc.title, (t) => b.add(t, num, TITLE));
    for (const name of doc.authors) {
      terms(name, (t) => b.add(t, num, AUTHORS), false);
      const joined = nameTerm(name);
      if (joined) b.add(joined, num, NAME);
    }
    for (const tag of doc.tags) terms(tag, (t) => b.add(t, num, TAGS));
    if (doc.note) terms(doc.note, (t) => b.add(t, num, NOTE));
  }

  private kill(id: string) {
    const num = this.table.remove(id);
    if (num !== undefined) this.textQueue.delete(num);
  }

  private seal() {
    if (!this.quickBuilder.empty) this.quick.push(this.quickBuilder.seal());
    if (!this.textBuilder.empty) this.text.push(this.textBuilder.seal());
  }

  /** One merge of the newest segments of a list (merge.ts says which); abstracts' only once none is waiting. True if one was done. */
  private mergeStep(): boolean {
    for (const list of this.textQueue.size ? [this.quick] : [this.quick, this.text]) {
      const from = mergeRun(list.map((s) => s.size));
      if (from >= 0) {
        list.splice(from, list.length - from, mergeSegments(list.slice(from), this.table.dead));
        return true;
      }
    }
    return false;
  }
}
