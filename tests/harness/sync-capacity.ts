/**
 * How much of a library fits in storage.sync, measured by packing realistic libraries
 * (sync-library.ts) with the packer's default budget (QUOTA_BYTES less RESERVE_BYTES, in
 * Firefox's stricter count). For the README and the bench: `npx tsx tests/harness/sync-capacity.ts`.
 */
import { pack, RESERVE_BYTES } from '../../utils/sync/pack';
import { SYNC_LIMITS } from '../../utils/sync/quota';
import { realisticLibrary } from './sync-library';

export interface Capacity {
  budget: number;
  /** Papers (status, tags, priority, no notes) that sync out of a library of 10,000. */
  papers: number;
  /** Bytes per paper at 5,000 papers, and that library's bytes (without and with compression of the text). */
  bytesPerPaper: number;
  bytesAt5000: number;
  bytesAt5000Uncompressed: number;
  /** The largest library (step of 100) whose papers and notes (20% of papers) all sync. */
  papersWithNotes: number;
  /** At 5,000 papers with notes: how many of the notes sync. */
  notesAt5000: { synced: number; total: number };
}

async function fitsWithNotes(papers: number): Promise<boolean> {
  const { report } = await pack(realisticLibrary({ papers, notes: 0.2 }));
  return report.leftOut.length === 0 && report.notesLeftOut.length === 0;
}

export async function syncCapacity(): Promise<Capacity> {
  const at5000 = realisticLibrary({ papers: 5_000 });
  const packed = await pack(at5000);
  const raw = await pack(at5000, { compress: false });
  const big = await pack(realisticLibrary({ papers: 10_000 }));
  let lo = 100;
  let hi = 5_000;
  while (hi - lo > 100) {
    const mid = Math.round((lo + hi) / 200) * 100;
    if (await fitsWithNotes(mid)) lo = mid;
    else hi = mid;
  }
  const notes = (await pack(realisticLibrary({ papers: 5_000, notes: 0.2 }))).report;
  return {
    budget: SYNC_LIMITS.QUOTA_BYTES - RESERVE_BYTES,
    papers: big.report.synced,
    bytesPerPaper: packed.report.bytes / 5_000,
    bytesAt5000: packed.report.bytes,
    bytesAt5000Uncompressed: raw.report.bytes,
    papersWithNotes: lo,
    notesAt5000: { synced: notes.notesSynced, total: notes.notesTotal },
  };
}

if (process.argv[1]?.endsWith('sync-capacity.ts')) console.log(await syncCapacity());
