/**
 * The write planner: a shard is written only when the area's copy lacks something ours has; a
 * stale copy is corrected even for a paper that would not be packed; damaged shards are rewritten,
 * a newer version's shards block writing; past the quota, shards shrink or go.
 */
import { describe, expect, it } from 'vitest';
import { formatStamp } from '../../utils/sync/hlc';
import { merge, sameState } from '../../utils/sync/merge';
import { pack } from '../../utils/sync/pack';
import { plan } from '../../utils/sync/planner';
import { RETAIN_DAYS } from '../../utils/sync/select';
import { shardOfEntry, shardKey } from '../../utils/sync/shards';
import type { SyncEntry } from '../../utils/sync/types';
import { unpack } from '../../utils/sync/unpack';
import { stateOf } from '../harness/sync-arbitraries';
import { realisticLibrary } from '../harness/sync-library';

const T = 1_750_000_000;
const at = (t: number, device = 'dev001') => formatStamp({ t, c: 0, device });
const paper = (id: string, t: number, extra: Partial<SyncEntry> = {}): SyncEntry => ({ id, mark: { v: t * 1000, s: at(t) }, tags: [], ...extra });

describe('plan', () => {
  it('writes nothing when the area holds everything, and only the shards that lack something', async () => {
    const state = realisticLibrary({ papers: 300, seed: 3 });
    const { items } = await pack(state);
    expect((await plan(state, items)).set).toEqual({});
    const id = [...state.entries.keys()][7]!;
    const edited = merge(state, stateOf({ entries: [{ ...state.entries.get(id)!, priority: { v: 3, s: at(T + 10 ** 8) } }] }));
    const p = await plan(edited, items);
    expect(Object.keys(p.set)).toEqual([shardKey(shardOfEntry(id))]);
    expect(p.remove).toEqual([]);
  });

  it('does not rewrite a shard that holds more than we do, and takes in what it holds', async () => {
    const mine = stateOf({ entries: [paper('2501.00001', T)] });
    const theirs = stateOf({
      entries: [paper('2501.00001', T), paper('2501.00002', T + 5, { tags: [{ k: 'rl', on: true, s: at(T + 5, 'dev002') }] })],
    });
    const { items } = await pack(theirs);
    const p = await plan(mine, items);
    expect(p.set).toEqual({});
    expect(sameState(p.state, theirs)).toBe(true);
  });

  it('merges a concurrent write before rewriting: both edits end in the shard', async () => {
    const base = paper('2501.00001', T);
    const a = stateOf({ entries: [{ ...base, tags: [{ k: 'rl', on: true, s: at(T + 1) }] }] });
    const b = stateOf({ entries: [{ ...base, priority: { v: 2, s: at(T + 2, 'dev002') } }] });
    const { items: fromB } = await pack(b);
    const p = await plan(a, fromB);
    const written = (await unpack(p.set)).state.entries.get(base.id)!;
    expect(written.tags.map((m) => m.k)).toEqual(['rl']);
    expect(written.priority?.v).toBe(2);
  });

  it('corrects a stale copy of a removal it no longer packs (a device back after the retention)', async () => {
    const removed = paper('2501.00001', T, { mark: { v: null, s: at(T + 10) } });
    const recent = paper('2502.00001', T + (RETAIN_DAYS + 10) * 86_400);
    const mine = stateOf({ entries: [removed, recent] });
    // The removal is past retention: not packed on its own.
    expect((await unpack((await pack(mine)).items)).state.entries.has(removed.id)).toBe(false);
    // A device that was away writes its old copy, still bookmarked.
    const { items: stale } = await pack(stateOf({ entries: [paper('2501.00001', T)] }));
    const p = await plan(mine, stale);
    const corrected = (await unpack(p.set)).state.entries.get(removed.id);
    expect(corrected?.mark).toEqual(removed.mark);
  });

  it('rewrites a damaged shard and reports it, and writes nothing while a newer version’s shard is there', async () => {
    const state = stateOf({ entries: [paper('2501.00001', T)] });
    const key = shardKey(shardOfEntry('2501.00001'));
    const damaged = await plan(state, { [key]: '1!!!!', other: 42 });
    expect(damaged.problems).toEqual([{ key, message: expect.stringMatching(/cut short|stray|packed data/) }]);
    expect(Object.keys(damaged.set)).toEqual([key]);
    const newer = await plan(state, { [key]: '2zzzz' });
    expect(newer.blocked).toBe('newer-format');
    expect(newer.set).toEqual({});
  });

  it('past the quota, shrinks shards to the budget and removes those it holds nothing for', async () => {
    const mine = [paper('2501.00001', T), paper('2501.00002', T)];
    const used = new Set(mine.map((e) => shardOfEntry(e.id)));
    // Papers another device packed, in shards where this device now has nothing (it left them out).
    const others = Array.from({ length: 400 }, (_, i) => paper(`2412.${String(i * 7).padStart(5, '0')}`, T - 1000)).filter(
      (e) => !used.has(shardOfEntry(e.id)),
    );
    const state = stateOf({ entries: mine });
    const { items, report } = await pack(state);
    const { items: theirs } = await pack(stateOf({ entries: others }));
    const area = { ...items, ...theirs };
    const quota = report.bytes + 200;
    // Below the quota nothing is removed: a device knowing fewer papers must not undo another's.
    expect((await plan(state, area, { quota: 10 ** 6 })).remove).toEqual([]);
    const p = await plan(state, area, { quota, budget: quota - 50 });
    expect(p.report.areaBytes).toBeGreaterThan(quota);
    expect(p.blocked).toBeUndefined();
    expect(p.remove.length).toBeGreaterThan(0);
    expect(p.remove.every((k) => !(k in items))).toBe(true);
    const after: Record<string, unknown> = { ...area, ...p.set };
    for (const k of p.remove) delete after[k];
    expect(1 + Object.entries(after).reduce((n, [k, v]) => n + k.length + (v as string).length + 6, 0)).toBeLessThanOrEqual(quota - 50);
  });

  it('counts other keys of the area against the budget', async () => {
    const state = realisticLibrary({ papers: 500, seed: 4 });
    const alone = await plan(state, {}, { quota: 6_000, budget: 5_000 });
    const crowded = await plan(state, { theirs: 'x'.repeat(2_000) }, { quota: 6_000, budget: 5_000 });
    expect(crowded.report.synced).toBeLessThan(alone.report.synced);
    expect(crowded.report.bytes).toBeLessThanOrEqual(5_000 - 2_000);
  });
});
