/** What a file being imported turns into before it reaches the library, and why one is refused. */
import type { PaperFields } from '../model';

/** Why a file cannot be imported, said so the user can act on it. Nothing was imported. */
export class ImportError extends Error {}

/** A paper a BibTeX file or an id list brings: what it says of the paper, and the user's tags and note. */
export interface ListedPaper {
  paper: PaperFields;
  tags: string[];
  note?: string;
}

export interface Skip {
  where: string;
  why: string;
}
