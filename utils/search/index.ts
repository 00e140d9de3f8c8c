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
import { ABSTRACT, AUTHORS, mergeSegments, NAME, NOTE, Segment, SegmentBuilder, TAGS, TITLE, type SegmentData } from './segment';
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

export interface IndexSnapshot {
  version: 1;
  /** Paper id per doc number, `\n`-separated; empty for a removed paper. */
  ids: string;
  sigs: Uint32Array;
  titles: Uint32Array;
  /** 1 where the paper's abstract is in the text segments. */
  textDone: Uint8Array;
  quick: SegmentData[];
  text: SegmentData[];
}

/** Below this many changed papers, abstracts are indexed at once rather than queued. */
const SMALL_UPDATE = 20;
const TEXT_CHUNK_SEAL = 2000;

const signature = (d: SearchDoc) =>
  hash(`${d.title}\u0000${d.authors.join('\u0001')}\u0000${d.tags.join('\u0001')}\u0000${d.note}\u0000${d.abstract.length}\u0000${d.abstract.slice(0, 64)}`);

export class LibraryIndex {
  private ids: string[] = [];
  private nums = new Map<string, number>();
  private sigs = new Uint32Array(1024);
  private titles = new Uint32Array(1024);
  private textDone = new Uint8Array(1024);
  private dead = new Uint8Array(1024);
  private quick: Segment[] = [];
  private text: Segment[] = [];
  private quickBuilder = new SegmentBuilder();
  private textBuilder = new SegmentBuilder(ABSTRACT);
  /** Abstracts waiting, by doc number, in ascending order. */
  private textQueue = new Map<number, string>();
  private scorer = new Scorer();

  get size(): number {
    return this.nums.size;
  }

  /** Abstracts still waiting to be indexed. */
  get pending(): number {
    return this.textQueue.size;
  }

  /** Adds or replaces papers (quick fields at once, abstracts queued), removes others. Unchanged papers cost a hash. */
  update(docs: SearchDoc[], removed: string[] = []) {
    for (const id of removed) this.kill(id);
    const changed: number[] = [];
    for (const doc of docs) {
      const sig = signature(doc);
      const before = this.nums.get(doc.id);
      // Unchanged, unless its abstract never made it into the index (a snapshot taken while it waited).
      if (before !== undefined && this.sigs[before] === sig && (this.textDone[before] || this.textQueue.has(before) || !doc.abstract)) continue;
      if (before !== undefined) this.kill(doc.id);
      const num = this.ids.length;
      this.ids.push(doc.id);
      this.nums.set(doc.id, num);
      this.grow(num + 1);
      this.sigs[num] = sig;
      this.titles[num] = titleKey(doc.title);
      this.indexQuick(num, doc);
      if (doc.abstract) this.textQueue.set(num, doc.abstract);
      changed.push(num);
    }
    if (changed.length <= SMALL_UPDATE && this.textQueue.size === changed.length) this.indexText(changed.length);
  }

  /** The whole library as it is now: papers not in it are removed. */
  sync(docs: SearchDoc[]) {
    const keep = new Set(docs.map((d) => d.id));
    this.update(docs, [...this.nums.keys()].filter((id) => !keep.has(id)));
  }

  /** Indexes up to `n` queued abstracts, then merges small segments; true while work remains. */
  indexText(n = 250): boolean {
    for (const [num, abstract] of this.textQueue) {
      if (n-- <= 0) break;
      this.textQueue.delete(num);
      this.textBuilder.startDoc();
      terms(abstract, (t) => this.textBuilder.add(t, num, ABSTRACT), false, ABSTRACT_STOP);
      this.textDone[num] = 1;
      if (this.textBuilder.docCount >= TEXT_CHUNK_SEAL) this.text.push(this.textBuilder.seal());
    }
    if (!this.textQueue.size) this.seal();
    return this.textQueue.size > 0 || this.mergeStep();
  }

  search(query: string, { limit = 1000 } = {}): SearchResult {
    this.seal();
    const id = paperIdFromText(query);
    const p = plan(id ?? query, this.quick, this.text);
    if (!p.words.length) return { ids: [], total: 0, complete: true };
    const key = titleKey(query);
    const ranked = this.scorer.rank(p, this.dead, this.ids.length, Math.max(1, this.size), this.titles, key, limit);
    const ids = ranked.docs.map((d) => this.ids[d]!);
    if (id === undefined) return { ids, total: ranked.total, complete: ranked.complete };
    // The paper an id names first, then papers mentioning the id (a note saying "see 2407.21783").
    const others = ids.filter((x) => x !== id);
    return this.nums.has(id) ? { ids: [id, ...others].slice(0, limit), total: others.length + 1, complete: true } : { ids: others, total: ranked.total, complete: ranked.complete };
  }

  snapshot(): IndexSnapshot {
    this.seal();
    const n = this.ids.length;
    return {
      version: 1,
      ids: this.ids.join('\n'),
      sigs: this.sigs.slice(0, n),
      titles: this.titles.slice(0, n),
      textDone: this.textDone.slice(0, n),
      quick: this.quick.map((s) => s.data),
      text: this.text.map((s) => s.data),
    };
  }

  /** An index as `snapshot()` left it; `sync()` it with the library afterwards to take in what changed since. */
  static restore(s: IndexSnapshot): LibraryIndex {
    const index = new LibraryIndex();
    index.ids = s.ids ? s.ids.split('\n') : [];
    const n = index.ids.length;
    index.grow(n);
    index.sigs.set(s.sigs);
    index.titles.set(s.titles);
    index.textDone.set(s.textDone);
    index.ids.forEach((id, num) => {
      if (id) index.nums.set(id, num);
      else index.dead[num] = 1;
    });
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
    const num = this.nums.get(id);
    if (num === undefined) return;
    this.nums.delete(id);
    this.ids[num] = '';
    this.dead[num] = 1;
    this.textQueue.delete(num);
  }

  private seal() {
    if (!this.quickBuilder.empty) this.quick.push(this.quickBuilder.seal());
    if (!this.textBuilder.empty) this.text.push(this.textBuilder.seal());
  }

  /** One merge of the two newest segments of a list when they are of like size (or too many); true if one was done. */
  private mergeStep(): boolean {
    for (const list of [this.quick, this.text]) {
      const [a, b] = list.slice(-2);
      if (a && b && (a.size <= 4 * b.size || list.length > 8)) {
        list.splice(-2, 2, mergeSegments(a, b, this.dead));
        return true;
      }
    }
    return false;
  }

  private grow(n: number) {
    if (this.sigs.length >= n) return;
    const cap = Math.max(n, this.sigs.length * 2);
    const more = <T extends Uint32Array | Uint8Array>(a: T, make: (n: number) => T) => {
      const b = make(cap);
      b.set(a);
      return b;
    };
    this.sigs = more(this.sigs, (c) => new Uint32Array(c));
    this.titles = more(this.titles, (c) => new Uint32Array(c));
    this.textDone = more(this.textDone, (c) => new Uint8Array(c));
    this.dead = more(this.dead, (c) => new Uint8Array(c));
  }
}
