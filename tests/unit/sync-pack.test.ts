/**
 * Packing within the quota: everything when it fits; otherwise the least recently changed read
 * papers leave first, then others by age, notes after every paper; tombstones leave after their
 * retention; the report says what syncs; unpack reads back exactly what was packed.
 */
import { describe, expect, it } from 'vitest';
import { formatStamp } from '../../utils/sync/hlc';
import { pack } from '../../utils/sync/pack';
import { strictItemBytes } from '../../utils/sync/quota';
import { MAX_NOTE_BYTES, RETAIN_DAYS } from '../../utils/sync/select';
import { SHARD_KEYS } from '../../utils/sync/shards';
import type { SyncEntry, SyncState } from '../../utils/sync/types';
import { unpack } from '../../utils/sync/unpack';
import { plain, stateOf } from '../harness/sync-arbitraries';
import { realisticLibrary } from '../harness/sync-library';

const DAY = 86_400;
const T = 1_750_000_000;
const at = (t: number, c = 0) => formatStamp({ t, c, device: 'dev001' });

function paper(n: number, t: number, status: 'to-read' | 'read' = 'to-read', extra: Partial<SyncEntry> = {}): SyncEntry {
  return {
    id: `2501.${String(n).padStart(5, '0')}`,
    mark: { v: t * 1000, s: at(t) },
    status: { v: { status, at: t * 1000 }, s: at(t) },
    tags: [],
    ...extra,
  };
}

const ids = (s: SyncState) => [...s.entries.keys()].sort();

describe('pack', () => {
  it('packs everything that fits, and unpack reads back the same records', async () => {
    const state = realisticLibrary({ papers: 800, notes: 0.2, seed: 5 });
    const { items, report } = await pack(state);
    expect(report.synced).toBe(800);
    expect(report.leftOut).toEqual([]);
    expect(report.notesSynced).toBe(report.notesTotal);
    expect(Object.keys(items).every((k) => SHARD_KEYS.includes(k))).toBe(true);
    expect(plain((await unpack(items)).state)).toEqual(plain(state));
  });

  it('is deterministic: the same state gives the same items', async () => {
    const state = realisticLibrary({ papers: 300, notes: 0.3, seed: 9 });
    expect((await pack(state)).items).toEqual((await pack(state)).items);
  });

  it('leaves out the least recently changed read papers first, then others by age, and stays within the budget', async () => {
    const entries = [
      ...Array.from({ length: 300 }, (_, i) => paper(i, T + i * 100, 'read')),
      ...Array.from({ length: 300 }, (_, i) => paper(1000 + i, T + i * 100)),
    ];
    const state = stateOf({ entries });
    const all = await pack(state);
    const budget = Math.floor(all.report.bytes * 0.7);
    const { items, report } = await pack(state, { budget });
    expect(report.bytes).toBeLessThanOrEqual(budget);
    expect(1 + Object.entries(items).reduce((n, [k, v]) => n + strictItemBytes(k, v), 0)).toBe(report.bytes);
    const kept = new Set(ids((await unpack(items)).state));
    expect(report.synced).toBe(kept.size);
    expect(report.total).toBe(600);
    // Every unread paper stays; the read ones kept are the most recently changed.
    for (let i = 0; i < 300; i++) expect(kept.has(paper(1000 + i, 0).id)).toBe(true);
    const readKept = entries
      .slice(0, 300)
      .filter((e) => kept.has(e.id))
      .map((e) => e.mark!.v!);
    const readLeft = entries
      .slice(0, 300)
      .filter((e) => !kept.has(e.id))
      .map((e) => e.mark!.v!);
    expect(readLeft.length).toBeGreaterThan(0);
    expect(Math.min(...readKept)).toBeGreaterThan(Math.max(...readLeft));
    expect(report.leftOut).toEqual(
      entries
        .slice(0, 300)
        .filter((e) => !kept.has(e.id))
        .map((e) => e.id)
        .reverse(),
    );
    // Even when unread papers must go too, the oldest go first.
    const tight = await pack(state, { budget: Math.floor(all.report.bytes * 0.3) });
    const keptTight = (await unpack(tight.items)).state;
    expect([...keptTight.entries.values()].every((e) => e.status!.v.status === 'to-read')).toBe(true);
    expect(tight.report.leftOut.slice(-1)).toEqual([paper(0, 0).id]);
    expect(tight.report.leftOut).toContain(paper(1000, 0).id);
    expect(keptTight.entries.has(paper(1299, 0).id)).toBe(true);
  });

  it('syncs notes only after every paper, as space allows, and never a note too long to share a shard', async () => {
    const note = (n: number, t: number) => ({ note: { v: `note ${n} `.repeat(30), s: at(t) } });
    const entries = Array.from({ length: 40 }, (_, i) => paper(i, T + i, 'to-read', note(i, T + i)));
    entries.push(paper(99, T + 99, 'to-read', { note: { v: 'x'.repeat(MAX_NOTE_BYTES + 1), s: at(T + 99) } }));
    const state = stateOf({ entries });
    const full = await pack(state);
    expect(full.report.notesLeftOut).toEqual([paper(99, 0).id]);
    const coresOnly = await pack(stateOf({ entries: entries.map(({ note: _n, ...e }) => e) }));
    const { items, report } = await pack(state, { budget: coresOnly.report.bytes + 400 });
    expect(report.synced).toBe(41);
    expect(report.notesSynced).toBeGreaterThan(0);
    expect(report.notesSynced).toBeLessThan(40);
    const withNotes = [...(await unpack(items)).state.entries.values()].filter((e) => e.note).map((e) => e.id);
    // The most recently changed papers keep their notes.
    expect(withNotes.sort()).toEqual(entries.slice(40 - withNotes.length, 40).map((e) => e.id));
  });

  it(`lets tombstones go ${RETAIN_DAYS} days after the latest change, and keeps younger ones`, async () => {
    const removedOld = paper(1, T, 'to-read', { mark: { v: null, s: at(T) } });
    const removedNew = paper(2, T + 100 * DAY, 'to-read', { mark: { v: null, s: at(T + 100 * DAY) } });
    const untagged = paper(3, T + 100 * DAY, 'to-read', {
      tags: [
        { k: 'old', on: false, s: at(T) },
        { k: 'new', on: false, s: at(T + 99 * DAY) },
        { k: 'kept', on: true, s: at(T) },
      ],
    });
    const state = stateOf({
      entries: [removedOld, removedNew, untagged],
      tags: [
        { key: 'gone', createdAt: T * 1000, live: { v: false, s: at(T) } },
        { key: 'kept', createdAt: T * 1000, live: { v: true, s: at(T) } },
      ],
    });
    const stored = (await unpack((await pack(state)).items)).state;
    expect(ids(stored)).toEqual([removedNew.id, untagged.id]);
    expect(stored.entries.get(untagged.id)!.tags.map((m) => m.k)).toEqual(['kept', 'new']);
    expect([...stored.tags.keys()]).toEqual(['kept']);
    // A removal of yesterday is kept whatever its age relative to the wall clock.
    expect(ids((await unpack((await pack(state, { horizon: T + 10 * DAY })).items)).state)).toEqual([removedOld.id, removedNew.id, untagged.id]);
  });

  it('keeps every item within the per-item limit', async () => {
    const state = realisticLibrary({ papers: 600, notes: 0.5, seed: 2 });
    const { items } = await pack(state, { itemLimit: 1_200 });
    for (const [k, v] of Object.entries(items)) expect(strictItemBytes(k, v) - 4).toBeLessThanOrEqual(1_200);
  });
});
