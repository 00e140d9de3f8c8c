/**
 * A JSON backup made from the database: the whole library, or some papers with their entries
 * and tags. Written a chunk of records at a time into parts of text (one record a line), so a
 * 100,000-paper library never sits in memory as objects and as one string at once; the parts
 * become the file's Blob.
 */
import * as z from 'zod/mini';
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup } from '../backup';
import { DEVICE_SETTINGS, SettingsSchema, type Entry } from '../model';
import { withoutRev } from './rev';
import type { ShelfDB } from './schema';
import { sentRows } from './zotero';

const CHUNK = 2000;

export interface BackupProgress {
  done: number;
  total: number;
}

export interface BackupOptions {
  now?: number;
  onProgress?: (p: BackupProgress) => void;
  /** Aborting stops the export; nothing is written. */
  signal?: AbortSignal;
}

/** The backup's text, in parts (`parts.join('')` is the file). */
export async function writeBackup(db: ShelfDB, ids?: string[], { now = Date.now(), onProgress, signal }: BackupOptions = {}): Promise<string[]> {
  return db.transaction('r', [db.papers, db.entries, db.tags, db.settings, db.zoteroSent], async () => {
    const total = ids ? ids.length : await db.papers.count();
    const parts: string[] = [
      `{"format":${JSON.stringify(BACKUP_FORMAT)},"version":${BACKUP_VERSION},"exportedAt":${JSON.stringify(new Date(now).toISOString())},"scope":${JSON.stringify(ids ? 'part' : 'library')},"papers":[`,
    ];
    const line = (record: object, first: boolean) => `${first ? '\n' : ',\n'}${JSON.stringify(withoutRev(record))}`;
    let written = 0;
    let read = 0;
    // The whole library in key order, a range at a time (one getAll each: far cheaper than a get per paper).
    let after: string | undefined;
    while (read < total) {
      signal?.throwIfAborted();
      const chunk = ids
        ? await db.papers.bulkGet(ids.slice(read, read + CHUNK))
        : await (after === undefined ? db.papers.orderBy(':id') : db.papers.where(':id').above(after)).limit(CHUNK).toArray();
      if (!chunk.length) break;
      for (const p of chunk) if (p) parts.push(line(p, !written++));
      read += chunk.length;
      after = chunk.at(-1)?.id;
      onProgress?.({ done: Math.min(read, total), total });
    }
    parts.push(written ? '\n],"entries":[' : '],"entries":[');
    const entries: Entry[] = ids ? (await db.entries.bulkGet(ids)).filter((e): e is Entry => !!e) : await db.entries.toArray();
    for (const [i, e] of entries.entries()) parts.push(line(e, !i));
    const used = ids && new Set(entries.flatMap((e) => e.tags.map((t) => t.toLowerCase())));
    const tags = (await db.tags.toArray()).filter((t) => !used || used.has(t.key));
    parts.push(`${entries.length ? '\n' : ''}],"tags":[`);
    for (const [i, t] of tags.entries()) parts.push(line(t, !i));
    parts.push(tags.length ? '\n]' : ']');
    // Only once something was sent: the backups of those who never send stay as they were.
    const sent = await sentRows(db, ids);
    if (sent.length) {
      parts.push(',"zoteroSent":[');
      for (const [i, r] of sent.entries()) parts.push(line(r, !i));
      parts.push('\n]');
    }
    const rows = (await db.settings.toArray()).filter((s) => !DEVICE_SETTINGS.has(s.key));
    const parsed = z.partial(SettingsSchema).safeParse(Object.fromEntries(rows.map((s) => [s.key, s.value])));
    // Only the settings the user set: a default filled in by the schema is not theirs.
    const set = parsed.success && Object.fromEntries(Object.entries(parsed.data).filter(([k]) => rows.some((r) => r.key === k)));
    if (set && !ids) parts.push(`,"settings":${JSON.stringify(set)}`);
    parts.push('}\n');
    return parts;
  });
}

/** The backup as an object (tests, and small parts of the library). */
export async function makeBackup(db: ShelfDB, ids?: string[], now = Date.now()): Promise<Backup> {
  return JSON.parse((await writeBackup(db, ids, { now })).join('')) as Backup;
}
