/**
 * The record of a paper sent to Zotero, as the library keeps it (utils/db/zotero.ts) and the JSON
 * backup carries it (backup.ts). Defined in the base because both the backup format and the Zotero
 * core (utils/zotero/record.ts: what counts as "sent before") use it.
 */
import * as z from 'zod/mini';
import { PaperId, Timestamp } from './model';

export const ZoteroSentSchema = z.object({
  sentAt: Timestamp,
  libraryName: z.string(),
  /** Zotero's tree-view id of the library or collection it went to (`L1`, `C12`). */
  target: z.string(),
  /** Library, then collections, as shown to the user when it was sent. */
  path: z.array(z.string()),
});
export type ZoteroSent = z.infer<typeof ZoteroSentSchema>;

/** One paper's records: at most one per Zotero library, the latest. */
export const ZoteroSentRowSchema = z.object({ id: PaperId, sent: z.array(ZoteroSentSchema) });
export type ZoteroSentRow = z.infer<typeof ZoteroSentRowSchema>;
