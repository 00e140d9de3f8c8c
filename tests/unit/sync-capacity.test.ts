/**
 * Capacity: how many papers fit in storage.sync's 100 KB, on realistic libraries (ids of recent
 * years, 0–4 tags from a vocabulary of 30, statuses mixed, priorities mostly 0; notes on 20% of
 * papers with the lengths people write). The issue requires at least 5,000 papers without notes.
 */
import { expect, it } from 'vitest';
import { syncCapacity } from '../harness/sync-capacity';

it('fits at least 5,000 papers with status, tags and priority in 100 KB, and says how many with notes', async () => {
  const c = await syncCapacity();
  console.log(
    `sync capacity: ${c.papers} papers without notes in ${c.budget} bytes (${c.bytesPerPaper.toFixed(1)} bytes a paper; 5,000 papers take ` +
      `${c.bytesAt5000} bytes, ${c.bytesAt5000Uncompressed} without compressing tag names); ${c.papersWithNotes} papers with notes on 20% of them; ` +
      `at 5,000 papers, ${c.notesAt5000.synced} of ${c.notesAt5000.total} notes sync`,
  );
  expect(c.papers).toBeGreaterThanOrEqual(5_000);
  expect(c.bytesAt5000).toBeLessThanOrEqual(c.budget);
  expect(c.papersWithNotes).toBeGreaterThan(0);
  expect(c.notesAt5000.synced).toBeLessThan(c.notesAt5000.total);
}, 120_000);
