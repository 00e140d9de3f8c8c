/**
 * The stored form of the index, checked when read back (from IndexedDB, a boundary like any
 * other): an unknown version or arrays that do not fit together are refused with a message, and
 * the caller builds the index anew from the library.
 */
import * as z from 'zod/mini';
import type { SegmentData } from './segment';
import type { TableData } from './table';

export const SNAPSHOT_VERSION = 1;

const u32 = z.instanceof(Uint32Array);
const u8 = z.instanceof(Uint8Array);
const Segment = z.object({
  terms: z.string(),
  offsets: u32,
  starts: u32,
  docs: u32,
  fields: z.optional(u8),
  packed: z.optional(u8),
  counts: z.optional(u32),
  skipStarts: z.optional(u32),
  skipDocs: z.optional(u32),
  skipBytes: z.optional(u32),
  field: z.number(),
  docCount: z.number(),
});
const Snapshot = z.object({
  version: z.literal(SNAPSHOT_VERSION),
  papers: z.object({ ids: z.string(), sigs: u32, titles: u32, textDone: u8, dead: u8 }),
  quick: z.array(Segment),
  text: z.array(Segment),
});

export interface IndexSnapshot {
  version: typeof SNAPSHOT_VERSION;
  papers: TableData;
  quick: SegmentData[];
  text: SegmentData[];
}

function fits(s: SegmentData): boolean {
  const terms = s.offsets.length - 1;
  const end = s.starts[terms];
  if (s.starts.length !== terms + 1 || s.offsets[terms] !== s.terms.length) return false;
  if (!s.packed) return end === s.docs.length && (!s.fields || s.fields.length === s.docs.length);
  return end === s.packed.length && s.counts?.length === terms && s.skipStarts?.length === terms + 1 && s.skipDocs?.length === s.skipBytes?.length;
}

/** The snapshot, or an error saying what is wrong with it. */
export function readSnapshot(raw: unknown): IndexSnapshot {
  const parsed = Snapshot.safeParse(raw);
  if (!parsed.success) {
    const version = (raw as { version?: unknown } | null)?.version;
    const issue = parsed.error.issues[0];
    throw new Error(
      version !== SNAPSHOT_VERSION
        ? `Search index snapshot of version ${String(version)}, not ${SNAPSHOT_VERSION}: rebuild it`
        : `Search index snapshot is damaged: ${issue?.path.join('.')} ${issue?.message}`,
    );
  }
  const s = parsed.data as IndexSnapshot;
  const p = s.papers;
  const n = p.sigs.length;
  const lines = p.ids ? p.ids.split('\n').length - 1 : 0;
  if (lines !== n || p.titles.length !== n || p.textDone.length !== n || p.dead.length !== n) {
    throw new Error('Search index snapshot is damaged: its paper table does not fit together');
  }
  if (![...s.quick, ...s.text].every(fits)) throw new Error('Search index snapshot is damaged: a segment does not fit together');
  return s;
}
