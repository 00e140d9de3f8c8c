/** What a page asks its catalogue worker, and what the worker answers. */
import type { ListSpec } from './catalog';
import type { Row } from './row';
import type { Counts } from './view';

export interface Show {
  type: 'show';
  /** Answers carry it back; a page shows only the answer to what it asked last. */
  seq: number;
  spec: ListSpec;
  query: string;
  /** The rows wanted: those on screen, and a few around them. */
  from: number;
  to: number;
}

export type ToCatalog =
  | Show
  /** Every id of a list, in order (select all, export). */
  | { type: 'ids'; seq: number; spec: ListSpec; query: string }
  /** A page wrote these papers and knows it: look now rather than wait for the database's notice. */
  | { type: 'look' };

export interface CatalogState {
  /** Papers in the catalogue. */
  size: number;
  /** False until every paper is in (the first opening reads the library a chunk at a time). */
  ready: boolean;
  /** Abstracts still waiting to be indexed. */
  indexing: number;
}

export interface Shown {
  type: 'shown';
  seq: number;
  /** How many rows the list has: with a search, the true number of matches in this view. */
  total: number;
  from: number;
  rows: Row[];
  counts: Counts;
  state: CatalogState;
  /** With a search: false when no paper holds every word (those holding the most are listed). */
  complete: boolean;
  /** With a search: matches that this list's view or filters leave out. */
  outside: number;
}

export type FromCatalog =
  | Shown
  | { type: 'ids'; seq: number; ids: string[] }
  | { type: 'state'; state: CatalogState }
  | { type: 'error'; message: string };
