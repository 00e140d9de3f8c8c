/**
 * The JSON backup: everything the library holds, self-describing and versioned. This module is
 * the format's one definition (the README documents it from here). It is made from the database
 * in utils/db/backup.ts and checked before an import in utils/import/backup.ts.
 */
import * as z from 'zod/mini';
import { ChosenSettingsSchema, EntrySchema, PaperSchema, TagSchema } from './model';
import { ZoteroSentRowSchema } from './zotero-sent';

export const BACKUP_FORMAT = 'hf-papers-shelf-backup';
/** Raise it with any change an older version could not read, and teach `readBackup` the old ones. */
export const BACKUP_VERSION = 1;

export const BackupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  /** ISO date-time of the export. */
  exportedAt: z.string(),
  /** What was exported: the whole library, or a part of it (a view, a tag, a selection). */
  scope: z.enum(['library', 'part']),
  /** Every paper: saved ones and those only seen on the site. */
  papers: z.array(PaperSchema),
  /** The user's data per paper (bookmark, status, tags, note, priority, dates). */
  entries: z.array(EntrySchema),
  tags: z.array(TagSchema),
  /** Papers sent to Zotero, per Zotero library; absent when none was. Older versions of the extension ignore it. */
  zoteroSent: z.optional(z.array(ZoteroSentRowSchema)),
  settings: z.optional(ChosenSettingsSchema),
});
export type Backup = z.infer<typeof BackupSchema>;

export const backupJson = (b: Backup) => JSON.stringify(b);
