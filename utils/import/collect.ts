/**
 * What every reader does with a record once it has read it: keep it if it names a new-style arXiv
 * paper not seen before in the file; otherwise leave it out, saying why, and keep what the user
 * could still want of it (an old-style id, a title to look up on huggingface.co).
 */
import type { ArxivRef } from '../ids';
import type { PaperFields } from '../model';
import { emptyResult, finishRead, OLD_STYLE_WHY } from './outcome';
import type { ListedPaper, ReadResult, SkipReason } from './types';

/** A record read: what it says of the paper (no id yet) and the user's data about it. */
export interface Recorded {
  fields: Omit<PaperFields, 'id'>;
  /** The year, when the record gives no full day: it helps tell papers of one title apart. */
  year?: number;
  user: Omit<ListedPaper, 'paper'>;
}

export class Collector {
  readonly result: ReadResult = emptyResult();
  private readonly seen = new Set<string>();

  /** `unit`: what the file is made of, as the messages name it ("entry", "record", "row"). */
  constructor(private readonly unit: string) {}

  skip(where: string, why: string, reason: SkipReason) {
    this.result.skipped.push({ where, why, reason });
  }

  /** `noId`: why a record naming no arXiv paper is left out ("no arXiv id (eprint, arXiv URL or DOI)"). */
  take(where: string, ref: ArxivRef | undefined, rec: Recorded, noId: string) {
    const { title, authors } = rec.fields;
    const named = { ...(title ? { title } : {}), ...(authors?.length ? { authors } : {}) };
    if (!ref) {
      this.skip(where, noId, 'no-arxiv');
      if (title) this.result.candidates.push({ where, ...named, title, ...(rec.year ? { year: rec.year } : {}), ...candidateData(rec.user) });
      return;
    }
    if (this.seen.has(ref.id)) {
      this.skip(where, `arXiv ${ref.id} appears twice; the first ${this.unit} was used`, 'duplicate');
      return;
    }
    this.seen.add(ref.id);
    if (ref.oldStyle) {
      this.skip(where, OLD_STYLE_WHY(ref.id), 'old-style');
      const { tags, note } = rec.user;
      this.result.oldStyle.push({ where, id: ref.id, oldStyle: true, ...named, tags, ...(note ? { note } : {}) });
      return;
    }
    this.result.items.push({ ...rec.user, paper: { ...prune(rec.fields), id: ref.id } });
  }

  /** The result, or a refusal (`none` says what no record had) when nothing can be imported. */
  finish(none: string): ReadResult {
    return finishRead(this.result, none);
  }
}

function candidateData(user: Recorded['user']) {
  const { tags, note, addedAt, priority } = user;
  return { tags, ...(note ? { note } : {}), ...(addedAt !== undefined ? { addedAt } : {}), ...(priority ? { priority } : {}) };
}

/** Undefined, empty text and empty lists left out: a merge never takes "nothing" for a value. */
export function prune<T extends object>(o: T): T {
  const out: Record<string, unknown> = {};
  for (const k in o) {
    const v = o[k] as unknown;
    if (v !== undefined && v !== '' && !(Array.isArray(v) && !v.length)) out[k] = v;
  }
  return out as T;
}
