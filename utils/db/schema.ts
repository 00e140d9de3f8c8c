import Dexie, { type EntityTable } from 'dexie';
import type { Paper } from '../model';

export interface Bookmark {
  id: string;
  bookmarkedAt: number;
}

/** A paper waiting for the site's API to fill its missing fields. */
export interface Fill {
  id: string;
  queuedAt: number;
  tries: number;
}

export class ShelfDB extends Dexie {
  papers!: EntityTable<Paper, 'id'>;
  bookmarks!: EntityTable<Bookmark, 'id'>;
  fills!: EntityTable<Fill, 'id'>;

  constructor(name = 'hf-papers-shelf') {
    super(name);
    this.version(1).stores({
      papers: 'id, lastSeenAt',
      bookmarks: 'id, bookmarkedAt',
      fills: 'id, queuedAt',
    });
  }
}

/** The one database of the extension's origin (background, popup and library page share it). */
export const db = new ShelfDB();
