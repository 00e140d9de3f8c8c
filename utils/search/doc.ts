/** What the index reads of a paper and of the reader's entry for it. */
import type { Entry, Paper } from '../model';

export interface SearchDoc {
  id: string;
  title: string;
  authors: string[];
  /** The reader's tags and the site's AI keywords. */
  tags: string[];
  note: string;
  /** The abstract and the site's AI summary: indexed in idle time, after the rest. */
  abstract: string;
}

export type Searchable = Paper & { entry?: Entry };

export function toDoc(p: Searchable): SearchDoc {
  return {
    id: p.id,
    title: p.title,
    authors: p.authors,
    tags: [...(p.entry?.tags ?? []), ...(p.aiKeywords ?? [])],
    note: p.entry?.note ?? '',
    abstract: [p.abstract, p.aiSummary].filter(Boolean).join(' '),
  };
}
