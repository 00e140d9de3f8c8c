/**
 * The sync's schedule (what waits to be written, the log of recent writes, failures in a row) and
 * its status (what the library page shows), kept in the syncMeta table: the background writes
 * them, the page reads them live.
 */
import * as z from 'zod/mini';
import type { ShelfDB } from './schema';

const Time = z.number().check(z.nonnegative());

export const ScheduleSchema = z.object({
  pending: z.object({ since: z.optional(Time), last: z.optional(Time), notBefore: z.optional(Time) }),
  log: z.array(Time),
  attempts: z.number().check(z.int(), z.nonnegative()),
});
export type Schedule = z.infer<typeof ScheduleSchema>;

export const SYNC_ERRORS = ['rate-minute', 'rate-hour', 'quota', 'over-quota', 'newer-format', 'unavailable', 'other'] as const;

export const SyncStatusSchema = z.object({
  /** When this device's library and the browser's sync area were last found in step. */
  syncedAt: z.optional(Time),
  /** What syncs: papers of the reading list and notes (of how many), bytes (of the quota), and what is left out. */
  report: z.optional(
    z.object({
      synced: z.number(),
      total: z.number(),
      notesSynced: z.number(),
      notesTotal: z.number(),
      bytes: z.number(),
      quota: z.number(),
      leftOut: z.number(),
      /** Of the papers left out, those read. */
      leftOutRead: z.number(),
      notesLeftOut: z.number(),
    }),
  ),
  /** Why the last write did not happen, and when it is tried again. */
  error: z.optional(z.object({ kind: z.enum(SYNC_ERRORS), message: z.string(), retryAt: z.optional(Time) })),
  /** Items of the sync area that could not be read (left as they are). */
  problems: z.optional(z.array(z.string())),
});
export type SyncStatus = z.infer<typeof SyncStatusSchema>;

export const NO_SCHEDULE: Schedule = { pending: {}, log: [], attempts: 0 };

async function read<T>(db: ShelfDB, key: string, schema: z.ZodMiniType<T>, fallback: T): Promise<T> {
  const parsed = schema.safeParse((await db.syncMeta.get(key))?.value);
  return parsed.success ? parsed.data : fallback;
}

export const getSchedule = (db: ShelfDB) => read(db, 'schedule', ScheduleSchema, NO_SCHEDULE);
export const putSchedule = (db: ShelfDB, s: Schedule) => db.syncMeta.put({ key: 'schedule', value: s });
export const getSyncStatus = (db: ShelfDB) => read<SyncStatus>(db, 'status', SyncStatusSchema, {});
export const putSyncStatus = (db: ShelfDB, s: SyncStatus) => db.syncMeta.put({ key: 'status', value: s });
