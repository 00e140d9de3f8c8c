/**
 * The records of papers sent to Zotero (schema v8, table `zoteroSent`): read before a send to
 * say what was sent before, written after it for what reached Zotero, merged from a backup.
 */
import type { ZoteroSent, ZoteroSentRow } from '../zotero-sent';
import { mergeSent, withSent } from '../zotero/record';
import type { ShelfDB } from './schema';

/** Each paper's records, by id (papers never sent are absent). */
export async function sentRecords(db: ShelfDB, ids: readonly string[]): Promise<Map<string, ZoteroSent[]>> {
  const rows = await db.zoteroSent.bulkGet([...ids]);
  return new Map(rows.flatMap((r) => (r ? [[r.id, r.sent] as const] : [])));
}

/** One paper's records, or undefined. */
export async function sentRecordsOf(db: ShelfDB, id: string): Promise<ZoteroSent[] | undefined> {
  return (await db.zoteroSent.get(id))?.sent;
}

/** Notes that these papers reached Zotero: the record replaces an earlier one of the same library. */
export async function recordSent(db: ShelfDB, ids: readonly string[], record: ZoteroSent): Promise<void> {
  await db.transaction('rw', db.zoteroSent, async () => {
    const rows = await db.zoteroSent.bulkGet([...ids]);
    await db.zoteroSent.bulkPut(ids.map((id, i) => ({ id, sent: withSent(rows[i]?.sent, record) })));
  });
}

/** A backup's records merged into the library's (inside the import's transaction): per library, the later send. */
export async function mergeSentRows(db: ShelfDB, incoming: readonly ZoteroSentRow[]): Promise<void> {
  if (!incoming.length) return;
  const byId = new Map<string, ZoteroSent[]>();
  for (const row of incoming) byId.set(row.id, mergeSent(byId.get(row.id), row.sent));
  const ids = [...byId.keys()];
  const rows = await db.zoteroSent.bulkGet(ids);
  const put: ZoteroSentRow[] = [];
  ids.forEach((id, i) => {
    const sent = mergeSent(rows[i]?.sent, byId.get(id)!);
    if (JSON.stringify(sent) !== JSON.stringify(rows[i]?.sent)) put.push({ id, sent });
  });
  await db.zoteroSent.bulkPut(put);
}

/** The rows a backup carries: every one, or those of some papers. */
export async function sentRows(db: ShelfDB, ids?: readonly string[]): Promise<ZoteroSentRow[]> {
  if (!ids) return db.zoteroSent.toArray();
  return (await db.zoteroSent.bulkGet([...ids])).filter((r): r is ZoteroSentRow => !!r);
}
