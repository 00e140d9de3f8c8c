/**
 * The catalogue between openings: its rows (column by column) and its search index, as of the
 * watermark, in one database record. A snapshot of another format, or a damaged one, is ignored:
 * the catalogue is read anew.
 */
import type { ShelfDB } from '../db/schema';
import { LibraryIndex } from '../search/index';
import type { Catalog } from './catalog';
import { Stamps } from './load';
import { decodeRows, encodeRows, type EncodedRows, type Row } from './row';

const KEY = 'catalog';
/** Raise it with any change of what `data` holds. */
export const SNAPSHOT_FORMAT = 2;

interface Data {
  rows: EncodedRows;
  index: unknown;
  /** The stamps of the records written lately (older ones are never asked about again). */
  stamps: ReturnType<Stamps['recent']>;
}

export async function writeSnapshot(db: ShelfDB, stamps: Stamps, catalog: Catalog, index: LibraryIndex) {
  const data: Data = { rows: encodeRows(catalog.values()), index: index.snapshot(), stamps: stamps.recent() };
  await db.snapshots.put({ key: KEY, rev: stamps.latest, format: SNAPSHOT_FORMAT, data });
}

export async function restoreSnapshot(db: ShelfDB): Promise<{ rows: Row[]; index: LibraryIndex; stamps: Stamps } | undefined> {
  const snap = await db.snapshots.get(KEY);
  if (!snap || snap.format !== SNAPSHOT_FORMAT) return undefined;
  const data = snap.data as Data;
  return { rows: decodeRows(data.rows), index: LibraryIndex.restore(data.index), stamps: Stamps.from(data.stamps) };
}
