import Dexie, { type EntityTable } from 'dexie';
import type { Paper } from '../model';

export interface Bookmark {
  id: string;
  bookmarkedAt: number;
}

export class ShelfDB extends Dexie {
  papers!: EntityTable<Paper, 'id'>;
  bookmarks!: EntityTable<Bookmark, 'id'>;

  constructor(name = 'hf-papers-shelf') {
    super(name);
    this.version(1).stores({
      papers: 'id, lastSeenAt',
      bookmarks: 'id, bookmarkedAt',
    });
  }
}

/** The one database of the extension's origin (background, popup and library page share it). */
export const db = new ShelfDB();
