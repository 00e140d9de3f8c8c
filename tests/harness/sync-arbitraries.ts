/**
 * fast-check generators of synced records and states: stamps drawn from few times, counters and
 * devices (so equal stamps and ties happen), ids of every shape PAPER_ID_RE accepts, awkward tag
 * keys, notes in several scripts.
 */
import * as fc from 'fast-check';
import { STATUSES } from '../../utils/model';
import { formatStamp } from '../../utils/sync/hlc';
import {
  emptyState,
  FOLLOW_KINDS,
  followId,
  followKey,
  type Json,
  type SyncEntry,
  type SyncFollow,
  type SyncSetting,
  type SyncState,
  type SyncTag,
} from '../../utils/sync/types';

export const DEVICES = ['dev001', 'dev002', 'zz9zz9'];
const T0 = 1_735_689_600; // 2025-01-01

export const stampArb = fc
  .record({
    t: fc.oneof(fc.integer({ min: T0, max: T0 + 5 }), fc.integer({ min: 0, max: T0 * 2 })),
    c: fc.nat(3),
    device: fc.constantFrom(...DEVICES),
  })
  .map(formatStamp);

export const paperIdArb = fc.oneof(
  fc.tuple(fc.integer({ min: 2301, max: 2312 }), fc.nat(99_999)).map(([m, n]) => `${m}.${String(n).padStart(5, '0')}`),
  fc
    .tuple(fc.integer({ min: 0, max: 9999 }), fc.nat(99_999), fc.boolean())
    .map(([m, n, four]) =>
      four ? `${String(m).padStart(4, '0')}.${String(n % 10_000).padStart(4, '0')}` : `${String(m).padStart(4, '0')}.${String(n).padStart(5, '0')}`,
    ),
);

export const TAG_KEYS = ['rl', 'llm', 'c++', 'vision', 'ü-tag', '__proto__', 'a b', 'x'.repeat(64), '日本語', 'to read'];
const tagKeyArb = fc.constantFrom(...TAG_KEYS);
const timeArb = fc.integer({ min: 0, max: 2 * T0 }).map((s) => s * 1000);
const textArb = fc.oneof(
  fc.constant(''),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constant('line 1\nline "2" <b>\\</b>'),
);

const reg = <T>(v: fc.Arbitrary<T>) => fc.record({ v, s: stampArb });

export const entryArb = (id: fc.Arbitrary<string> = paperIdArb): fc.Arbitrary<SyncEntry> =>
  fc
    .record(
      {
        id,
        mark: reg(fc.option(timeArb, { nil: null })),
        status: reg(fc.record({ status: fc.constantFrom(...STATUSES), at: timeArb })),
        priority: reg(fc.integer({ min: 0, max: 3 })),
        note: reg(textArb),
        tags: fc.uniqueArray(fc.record({ k: tagKeyArb, on: fc.boolean(), s: stampArb }), { selector: (m) => m.k, maxLength: 5 }),
      },
      { requiredKeys: ['id', 'tags'] },
    )
    .map((e) => ({ ...e, tags: [...e.tags].sort((a, b) => (a.k < b.k ? -1 : 1)) }));

export const tagArb: fc.Arbitrary<SyncTag> = fc
  .record(
    {
      key: tagKeyArb,
      name: reg(fc.boolean()),
      color: reg(fc.oneof(fc.constantFrom('#2563eb', '#dc2626', '#000000'), fc.constant('rebeccapurple'))),
      live: reg(fc.boolean()),
      createdAt: timeArb,
    },
    { requiredKeys: ['key', 'createdAt'] },
  )
  .map(({ name, ...t }) => ({ ...t, ...(name ? { name: { s: name.s, v: name.v ? t.key.toUpperCase() : t.key } } : {}) }));

export const followArb: fc.Arbitrary<SyncFollow> = fc
  .record({
    kind: fc.constantFrom(...FOLLOW_KINDS),
    value: fc.constantFrom('Yann LeCun', 'yann lecun', 'google', 'diffusion', 'Émile Zola'),
    on: fc.boolean(),
    at: timeArb,
    s: stampArb,
  })
  .map(({ kind, value, on, at, s }) => ({ kind, key: followKey(value), state: { v: { on, value, at }, s } }));

const jsonArb: fc.Arbitrary<Json> = fc.oneof(
  fc.boolean(),
  fc.integer(),
  fc.string({ maxLength: 8 }),
  fc.constant(null),
  fc.constant<Json>({ b: [1, 'x'], a: true }),
);
export const settingArb: fc.Arbitrary<SyncSetting> = fc.record({ key: fc.constantFrom('badge', 'theme', '__proto__'), value: reg(jsonArb) });

export function stateOf(parts: { entries?: SyncEntry[]; tags?: SyncTag[]; follows?: SyncFollow[]; settings?: SyncSetting[] }): SyncState {
  const s = emptyState();
  for (const e of parts.entries ?? []) s.entries.set(e.id, e);
  for (const t of parts.tags ?? []) s.tags.set(t.key, t);
  for (const f of parts.follows ?? []) s.follows.set(followId(f.kind, f.key), f);
  for (const x of parts.settings ?? []) s.settings.set(x.key, x);
  return s;
}

export const stateArb = (ids: fc.Arbitrary<string> = paperIdArb, maxEntries = 8): fc.Arbitrary<SyncState> =>
  fc
    .record({
      entries: fc.uniqueArray(entryArb(ids), { selector: (e) => e.id, maxLength: maxEntries }),
      tags: fc.uniqueArray(tagArb, { selector: (t) => t.key, maxLength: 4 }),
      follows: fc.uniqueArray(followArb, { selector: (f) => followId(f.kind, f.key), maxLength: 3 }),
      settings: fc.uniqueArray(settingArb, { selector: (s) => s.key, maxLength: 3 }),
    })
    .map(stateOf);

/** A state as plain sorted data, for deep equality in tests. */
export function plain(s: SyncState) {
  const sorted = <T>(m: Map<string, T>) => [...m.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  return { entries: sorted(s.entries), tags: sorted(s.tags), follows: sorted(s.follows), settings: sorted(s.settings) };
}
