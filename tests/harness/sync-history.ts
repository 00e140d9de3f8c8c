/**
 * Generated histories for devices sharing one sync area: edits of every kind on a small pool of
 * papers and tags (so devices collide), offline periods (some longer than tombstone retention),
 * devices that start with a library of their own before they first connect, clocks that drift.
 * `runHistory` plays one in the simulator, lets everything settle, and returns what the checks
 * need, including an oracle: per field, the value of the edit with the latest stamp.
 */
import * as fc from 'fast-check';
import { STATUSES } from '../../utils/model';
import type { PlanOptions } from '../../utils/sync/planner';
import { SYNC_LIMITS } from '../../utils/sync/quota';
import { FOLLOW_KINDS, type Json } from '../../utils/sync/types';
import type { Library, Touched } from './library-model';
import { Sim } from './sim';
import { Device } from './sync-device';
import { DeviceArea, type Flavor, type Limits, type NetworkOptions, SyncServer } from './sync-area';

export const PAPERS = ['2401.00001', '2401.00002', '2402.12345', '2409.54321', '2411.00100', '2501.00007', '1412.1234', '2512.99999'];
const NAMES = ['RL', 'rl', 'LLM', 'vision', ' Vision ', 'c++', '__proto__', 'to read'];
const COLORS = ['#2563eb', '#dc2626', '#000000', 'rebeccapurple'];
const NOTES = ['', 'short', 'Read §3 again: "why" <b>', 'ü'.repeat(30), 'long '.repeat(60)];

const names = fc.uniqueArray(fc.constantFrom(...NAMES), { minLength: 1, maxLength: 2 });

export type Action =
  | { a: 'bookmark'; ids: string[]; on: boolean }
  | { a: 'status'; ids: string[]; status: (typeof STATUSES)[number] }
  | { a: 'priority'; ids: string[]; p: number }
  | { a: 'note'; id: string; text: string }
  | { a: 'tag'; ids: string[]; names: string[] }
  | { a: 'untag'; ids: string[]; names: string[] }
  | { a: 'rename'; from: string; to: string }
  | { a: 'deleteTag'; name: string }
  | { a: 'color'; name: string; color: string }
  | { a: 'follow'; kind: (typeof FOLLOW_KINDS)[number]; value: string; on: boolean }
  | { a: 'setting'; key: string; value: Json };

export const actionArb = (papers: string[] = PAPERS): fc.Arbitrary<Action> => {
  const ids = fc.uniqueArray(fc.constantFrom(...papers), { minLength: 1, maxLength: 3 });
  return fc.oneof(
    { weight: 4, arbitrary: fc.record({ a: fc.constant('bookmark' as const), ids, on: fc.boolean() }) },
    { weight: 2, arbitrary: fc.record({ a: fc.constant('status' as const), ids, status: fc.constantFrom(...STATUSES) }) },
    { weight: 1, arbitrary: fc.record({ a: fc.constant('priority' as const), ids, p: fc.integer({ min: 0, max: 3 }) }) },
    { weight: 1, arbitrary: fc.record({ a: fc.constant('note' as const), id: fc.constantFrom(...papers), text: fc.constantFrom(...NOTES) }) },
    { weight: 3, arbitrary: fc.record({ a: fc.constant('tag' as const), ids, names }) },
    { weight: 2, arbitrary: fc.record({ a: fc.constant('untag' as const), ids, names }) },
    {
      weight: 1,
      arbitrary: fc.record({ a: fc.constant('rename' as const), from: fc.constantFrom(...NAMES), to: fc.constantFrom(...NAMES, 'ml', 'Robotics') }),
    },
    { weight: 1, arbitrary: fc.record({ a: fc.constant('deleteTag' as const), name: fc.constantFrom(...NAMES) }) },
    { weight: 1, arbitrary: fc.record({ a: fc.constant('color' as const), name: fc.constantFrom(...NAMES), color: fc.constantFrom(...COLORS) }) },
    {
      weight: 1,
      arbitrary: fc.record({
        a: fc.constant('follow' as const),
        kind: fc.constantFrom(...FOLLOW_KINDS),
        value: fc.constantFrom('Yann LeCun', 'yann lecun', 'google'),
        on: fc.boolean(),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        a: fc.constant('setting' as const),
        key: fc.constantFrom('badge', 'theme'),
        value: fc.constantFrom<Json>(true, false, 'dark', 3),
      }),
    },
  );
};

export function perform(lib: Library, x: Action, now: number): Touched {
  switch (x.a) {
    case 'bookmark':
      return lib.setBookmarks(x.ids, x.on, now);
    case 'status':
      return lib.setStatus(x.ids, x.status, now);
    case 'priority':
      return lib.setPriority(x.ids, x.p, now);
    case 'note':
      return lib.setNote(x.id, x.text, now);
    case 'tag':
      return lib.addTags(x.ids, x.names, now);
    case 'untag':
      return lib.removeTags(x.ids, x.names, now);
    case 'rename':
      return lib.renameTag(x.from, x.to, now);
    case 'deleteTag':
      return lib.deleteTag(x.name, now);
    case 'color':
      return lib.setTagColor(x.name, x.color);
    case 'follow':
      return lib.follow(x.kind, x.value, x.on, now);
    case 'setting':
      return lib.setSetting(x.key, x.value);
  }
}

export type Step = { device: number; wait: number } & ({ do: Action } | { offline: number });

export interface History {
  devices: number;
  /** Milliseconds each device's clock is ahead (negative: behind). */
  drifts: number[];
  /** Devices that edit before they first connect (their first sync merges two libraries). */
  lateJoiners: boolean[];
  steps: Step[];
  seed: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const stepArb = (devices: number, papers: string[]): fc.Arbitrary<Step> =>
  fc
    .record({
      device: fc.nat(devices - 1),
      wait: fc.oneof(
        { weight: 6, arbitrary: fc.integer({ min: 0, max: 5_000 }) },
        { weight: 3, arbitrary: fc.integer({ min: 0, max: 10 * 60_000 }) },
        { weight: 1, arbitrary: fc.integer({ min: 0, max: 2 * DAY }) },
      ),
    })
    .chain((base) =>
      fc.oneof(
        { weight: 12, arbitrary: actionArb(papers).map((x) => ({ ...base, do: x })) },
        { weight: 1, arbitrary: fc.oneof(fc.integer({ min: 60_000, max: 3 * DAY }), fc.constant(100 * DAY)).map((d) => ({ ...base, offline: d })) },
      ),
    );

export const historyArb = (maxSteps = 40, papers = PAPERS, minSteps = 1): fc.Arbitrary<History> =>
  fc.integer({ min: 2, max: 3 }).chain((devices) =>
    fc.record({
      devices: fc.constant(devices),
      drifts: fc.array(fc.oneof(fc.integer({ min: -5_000, max: 5_000 }), fc.integer({ min: -2 * HOUR, max: 2 * HOUR }), fc.constant(DAY)), {
        minLength: devices,
        maxLength: devices,
      }),
      lateJoiners: fc.array(fc.boolean(), { minLength: devices, maxLength: devices }),
      steps: fc.array(stepArb(devices, papers), { minLength: minSteps, maxLength: maxSteps }),
      seed: fc.nat(),
    }),
  );

export interface Oracle {
  /** Per field: the value of the edit with the latest stamp, and that stamp. */
  latest: Map<string, { stamp: string; value: unknown }>;
}

/** The fields an edit changed, read off the library before and after it (independently of utils/sync). */
export function fieldsOf(lib: Library): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const e of lib.entries.values()) {
    out.set(`${e.id}.mark`, e.bookmarkedAt === undefined ? null : Math.floor(e.bookmarkedAt / 1000));
    out.set(`${e.id}.status`, e.status);
    out.set(`${e.id}.priority`, e.priority);
    out.set(`${e.id}.note`, e.note);
    for (const t of e.tags) out.set(`${e.id}.tag.${t.toLowerCase()}`, true);
  }
  for (const t of lib.tags.values()) {
    out.set(`tag.${t.key}.live`, true);
    out.set(`tag.${t.key}.name`, t.name);
    out.set(`tag.${t.key}.color`, t.color);
  }
  for (const [id] of lib.follows) out.set(`follow.${id}`, true);
  for (const [k, v] of Object.entries(lib.settings)) out.set(`setting.${k}`, JSON.stringify(v));
  return out;
}

const DEFAULTS: [RegExp, unknown][] = [
  [/\.mark$/, null],
  [/\.status$/, 'to-read'],
  [/\.priority$/, 0],
  [/\.note$/, ''],
  [/\.tag\./, false],
  [/^tag\..*\.live$/, false],
  [/^follow\./, false],
];
export const fieldDefault = (f: string) => DEFAULTS.find(([re]) => re.test(f))?.[1];

export interface Run {
  sim: Sim;
  server: SyncServer;
  devices: Device[];
  oracle: Oracle;
  settled: boolean;
}

export async function runHistory(
  h: History,
  opts: { flavor?: Flavor; limits?: Limits; pack?: PlanOptions; net?: NetworkOptions; settle?: number } = {},
): Promise<Run> {
  const sim = new Sim(h.seed, Date.UTC(2025, 5, 1));
  const server = new SyncServer(sim, opts.flavor ?? 'chromium', opts.net, opts.limits ?? SYNC_LIMITS);
  const devices = Array.from({ length: h.devices }, (_, i) => new Device(sim, new DeviceArea(server, `d${i}`), `dev00${i}`, h.drifts[i]!, opts.pack));
  devices.forEach((d, i) => {
    if (!h.lateJoiners[i] || i === 0) d.area.setOnline(true);
    else d.area.online = false;
  });
  const oracle: Oracle = { latest: new Map() };
  const reconnect = new Map<number, () => void>();
  for (const step of h.steps) {
    await sim.run(sim.now + step.wait);
    const d = devices[step.device]!;
    if ('offline' in step) {
      if (!d.area.started) continue;
      d.area.setOnline(false);
      reconnect.get(step.device)?.();
      reconnect.set(
        step.device,
        sim.after(step.offline, () => d.area.setOnline(true)),
      );
      continue;
    }
    const before = fieldsOf(d.lib);
    const { stamp } = d.edit((lib, now) => perform(lib, step.do, now));
    const after = fieldsOf(d.lib);
    for (const f of new Set([...before.keys(), ...after.keys()])) {
      const a = before.has(f) ? before.get(f) : fieldDefault(f);
      const b = after.has(f) ? after.get(f) : fieldDefault(f);
      if (a === b) continue;
      const prev = oracle.latest.get(f);
      if (!prev || stamp > prev.stamp) oracle.latest.set(f, { stamp, value: b });
    }
  }
  // Everyone reconnects; the network and the writers settle.
  for (const cancel of reconnect.values()) cancel();
  for (const d of devices) if (!d.area.online) d.area.setOnline(true);
  const deadline = sim.now + (opts.settle ?? 3 * DAY);
  await sim.run(deadline, 200_000);
  return { sim, server, devices, oracle, settled: sim.idle };
}
