/**
 * Reading a shard written by shard-write.ts (the format is described there). Anything that is
 * not a shard of this format, or is damaged, throws a RangeError saying what is wrong; the
 * caller (unpack.ts) then leaves that shard out, which never deletes anything.
 */
import { STATUSES, tagKey } from '../model';
import { BitReader, unzigzag, widthFor } from './bits';
import { inflate } from './deflate';
import { formatStamp, type Stamp } from './hlc';
import { paperIdOf } from './paper-number';
import { FORMAT } from './shard-shape';
import { COLUMNS, Source } from './sink';
import { fromText92 } from './text92';
import { emptyState, FOLLOW_KINDS as KINDS, followId, followKey, type SyncEntry, type SyncState, type SyncTag, type TagMark } from './types';

class Stamps {
  prevT = 0;
  list: { s: Stamp; t: number }[] = [];
  width = 0;
  constructor(
    private readonly src: Source,
    private readonly devices: string[],
  ) {}

  start() {
    const n = this.src.count('nst');
    this.list = [];
    this.width = widthFor(n);
    let last = 0;
    for (let i = 0; i < n; i++) {
      const t = i === 0 ? this.prevT + unzigzag(this.src.num('t1')) : last + this.src.num('t2');
      if (i === 0) this.prevT = t;
      last = t;
      const c = this.src.num('ctr');
      const d = this.src.bits(widthFor(this.devices.length));
      const device = this.devices[d];
      if (device === undefined) throw new RangeError('stamp names an unknown device');
      this.list.push({ s: formatStamp({ t, c, device }), t });
    }
    return this.list;
  }

  ref() {
    const x = this.list[this.src.bits(this.width)];
    if (!x) throw new RangeError('field refers to a missing stamp');
    return x;
  }

  date(t: number) {
    const s = t - unzigzag(this.src.num('date'));
    if (s < 0) throw new RangeError('date before 1970');
    return s * 1000;
  }
}

function readEntry(src: Source, st: Stamps, prev: number, tagKeys: string[]): { e: SyncEntry; n: number } {
  const n = prev + src.num('id');
  const e: SyncEntry = { id: paperIdOf(n), tags: [] };
  st.start();
  const has = src.bits(4);
  if (has & 8) {
    const r = st.ref();
    e.mark = { v: src.bool() ? st.date(r.t) : null, s: r.s };
  }
  if (has & 4) {
    const r = st.ref();
    const status = STATUSES[src.bits(2)];
    if (!status) throw new RangeError(`bad status in ${e.id}`);
    e.status = { v: { status, at: st.date(r.t) }, s: r.s };
  }
  if (has & 2) e.priority = { s: st.ref().s, v: src.bits(2) };
  if (has & 1) e.note = { s: st.ref().s, v: src.str() };
  const count = src.count('ntag', tagKeys.length);
  const tags: TagMark[] = [];
  for (let i = 0; i < count; i++) {
    const k = tagKeys[src.bits(widthFor(tagKeys.length))];
    if (k === undefined) throw new RangeError(`bad tag in ${e.id}`);
    tags.push({ k, on: src.bool(), s: st.ref().s });
  }
  e.tags = tags.sort((a, b) => (a.k < b.k ? -1 : 1));
  if (tags.some((m, i) => i > 0 && tags[i - 1]!.k === m.k)) throw new RangeError(`tag twice in ${e.id}`);
  return { e, n };
}

function readTag(src: Source, st: Stamps): SyncTag {
  const key = src.str();
  if (!key || tagKey(key) !== key) throw new RangeError(`bad tag key ${JSON.stringify(key)}`);
  const list = st.start();
  const createdAt = st.date(list[0]?.t ?? st.prevT);
  const t: SyncTag = { key, createdAt };
  const has = src.bits(3);
  if (has & 4) {
    const r = st.ref();
    t.name = { s: r.s, v: src.bool() ? key : src.str() };
  }
  if (has & 2) {
    const r = st.ref();
    t.color = { s: r.s, v: src.bool() ? `#${src.bits(24).toString(16).padStart(6, '0')}` : src.str() };
  }
  if (has & 1) t.live = { s: st.ref().s, v: src.bool() };
  return t;
}

function one<T>(list: T[], what: string): T {
  if (list.length !== 1) throw new RangeError(`${what} needs one stamp`);
  return list[0]!;
}

function readShard(src: Source, state: SyncState) {
  const devices: string[] = [];
  for (let i = src.count('n', 64); i > 0; i--) devices.push(src.bits(32).toString(36).padStart(6, '0'));
  const st = new Stamps(src, devices);
  const tagKeys: string[] = [];
  for (let i = src.count('n'); i > 0; i--) tagKeys.push(src.str());
  let prev = 0;
  for (let i = src.count('n'); i > 0; i--) {
    const { e, n } = readEntry(src, st, prev, tagKeys);
    if (state.entries.has(e.id)) throw new RangeError(`paper ${e.id} twice`);
    state.entries.set(e.id, e);
    prev = n;
  }
  for (let i = src.count('n'); i > 0; i--) {
    const t = readTag(src, st);
    state.tags.set(t.key, t);
  }
  for (let i = src.count('n'); i > 0; i--) {
    const kind = KINDS[src.bits(2)];
    if (!kind) throw new RangeError('bad follow kind');
    const r = one(st.start(), 'a follow');
    const on = src.bool();
    const value = src.str();
    const key = followKey(value);
    if (!key) throw new RangeError('empty follow');
    state.follows.set(followId(kind, key), { kind, key, state: { s: r.s, v: { on, value, at: st.date(r.t) } } });
  }
  for (let i = src.count('n'); i > 0; i--) {
    const key = src.str();
    const r = one(st.start(), 'a setting');
    let v: unknown;
    try {
      v = JSON.parse(src.str());
    } catch {
      throw new RangeError(`setting ${key} is not JSON`);
    }
    state.settings.set(key, { key, value: { s: r.s, v: v as never } });
  }
}

/** The records a stored shard value holds. */
export async function decodeShard(value: string): Promise<SyncState> {
  if (value[0] !== FORMAT) throw new RangeError(value[0] && /[2-9]/.test(value[0]) ? 'written by a newer version' : 'not a shard');
  const bytes = fromText92(value.slice(1));
  let at = 1;
  let len = 0;
  for (let shift = 1; ; shift *= 128) {
    const b = bytes[at++];
    if (b === undefined || shift > 2 ** 28) throw new RangeError('shard cut short');
    len += (b & 0x7f) * shift;
    if (!(b & 0x80)) break;
  }
  const flags = bytes[0]!;
  if (flags > 1) throw new RangeError('unknown shard flags');
  if (at + len > bytes.length) throw new RangeError('shard cut short');
  const raw = bytes.subarray(at, at + len);
  const text = flags & 1 ? await inflate(raw) : raw;
  const r = new BitReader(bytes.subarray(at + len));
  const orders = new Map(COLUMNS.map((c) => [c, r.bits(6)]));
  const src = new Source(r, orders, text);
  const state = emptyState();
  readShard(src, state);
  if (!src.textDone || r.left >= 8) throw new RangeError('shard has data after its end');
  return state;
}
