/** What a file being imported turns into before it reaches the library, and why one is refused. */
import type { Entry, PaperFields, Status } from '../model';

/**
 * Why a file cannot be imported, said so the user can act on it. Nothing was imported. When the
 * file named papers only by title, or only by old-style arXiv ids, they come with it: the page
 * can still offer to look them up on huggingface.co.
 */
export class ImportError extends Error {
  constructor(
    message: string,
    readonly candidates: TitleCandidate[] = [],
    readonly oldStyle: OldStylePaper[] = [],
  ) {
    super(message);
  }
}

/** A paper a file brings: what it says of the paper, and the user's data about it. */
export interface ListedPaper {
  paper: PaperFields;
  tags: string[];
  note?: string;
  /** When the user saved it, as the file says (PaperMemory's addDate): used where the library has no bookmark. */
  addedAt?: number;
  /** Used where the library's entry has none (priority 0) or is new. */
  priority?: number;
  /** Used where the entry is new. */
  status?: Status;
  /**
   * A whole entry, as this extension's CSV carries it: merged as a backup's entry is (the newer
   * change wins, tags unioned). `null`: the file says the paper was only seen, never saved.
   */
  entry?: Entry | null;
}

/** Why an entry, row, record or line was left out; the summary counts them by reason. */
export type SkipReason =
  /** Names no arXiv paper (no id, link or DOI). */
  | 'no-arxiv'
  /** The same arXiv paper again: the first was used. */
  | 'duplicate'
  /** An old-style arXiv id (`hep-th/9901001`): Hugging Face lists only new-style ids. */
  | 'old-style'
  /** Could not be read (malformed, cut short, a value of the wrong type). */
  | 'unreadable'
  /** Imported, but one of its values was not understood and was left out. */
  | 'ignored-value';

export interface Skip {
  /** `entry vaswani2017`, `row 12`, `record 3 (line 40)`, `item 7`, `paper Arxiv-1703.10593`, `line 4`. */
  where: string;
  why: string;
  reason?: SkipReason;
}

/** An entry that names no arXiv paper but has a title: huggingface.co may know it by that title. */
export interface TitleCandidate {
  where: string;
  title: string;
  authors?: string[];
  year?: number;
  /** The user's data to carry over if the paper is found. */
  tags: string[];
  note?: string;
  addedAt?: number;
  priority?: number;
}

/** A paper named by an old-style arXiv id, kept as the file gave it (the library cannot store it yet). */
export interface OldStylePaper {
  where: string;
  /** As written, without a version: `hep-th/9901001`, `math.AG/0601001`. */
  id: string;
  oldStyle: true;
  title?: string;
  authors?: string[];
  tags: string[];
  note?: string;
}

/** What a reader gives back: the papers, what it left out and why, and what can be looked up by title. */
export interface ReadResult {
  items: ListedPaper[];
  skipped: Skip[];
  candidates: TitleCandidate[];
  oldStyle: OldStylePaper[];
}

/** How far an import has got. Reading reports records as it goes; saving is one transaction, reported at its start and end. */
export interface ImportProgress {
  phase: 'reading' | 'saving';
  done: number;
  total: number;
}

export interface ReadOptions {
  onProgress?: (p: ImportProgress) => void;
  /** Lets the page paint between chunks of records (default: a macrotask); tests pass their own. */
  pause?: () => Promise<void>;
}
