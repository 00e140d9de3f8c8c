/**
 * One shard of the sync data as one JSON string: `1` (the format) then bytes in the 92-character
 * alphabet (text92.ts). The bytes are a flags byte, the length of the text area (LEB128), the
 * text area (UTF-8, raw DEFLATE when that is smaller) and a bit stream:
 *
 *   orders     the Exp-Golomb order of each number column (6 bits each)
 *   devices    the device ids the stamps name (32 bits each); a stamp names one by index
 *   tag keys   the tag keys the shard's papers use; a paper names one by index
 *   papers     sorted by id, each: id as the gap from the previous one; its distinct stamps (time
 *              as a delta from the previous paper's first stamp, counter, device); which fields it
 *              holds; each field's stamp (an index), value, and its date as a delta from its stamp
 *   tags, follows, settings: the same way, with names and values in the text area
 *
 * Deltas, gaps and small tables are what make a paper with status, tags and priority take about
 * 15 bytes stored at 5,000 papers (tests/unit/sync-capacity.test.ts prints the figures).
 */
import { BitWriter, widthFor, zigzag } from './bits';
import { deflate } from './deflate';
import { parseStamp, type Stamp } from './hlc';
import { paperNumber } from './paper-number';
import { BitSink, type Sink, Tally } from './sink';
import { COLOR_RE, FORMAT, FOLLOW_KIND_INDEX, STATUS_INDEX, sortedState, stampsOf } from './shard-shape';
import { toText92 } from './text92';
import type { SyncEntry, SyncFollow, SyncSetting, SyncState, SyncTag } from './types';
import { canon } from './merge';

class Stamps {
  prevT = 0;
  list: Stamp[] = [];
  width = 0;
  constructor(
    private readonly sink: Sink,
    private readonly devices: Map<string, number>,
  ) {}

  /** Writes a record's distinct stamps; fields then refer to them with `ref`. */
  start(stamps: Stamp[]) {
    this.list = stamps;
    this.width = widthFor(stamps.length);
    this.sink.num('nst', stamps.length);
    let last = 0;
    stamps.forEach((s, i) => {
      const p = parseStamp(s);
      if (i === 0) {
        this.sink.num('t1', zigzag(p.t - this.prevT));
        this.prevT = p.t;
      } else this.sink.num('t2', p.t - last);
      last = p.t;
      this.sink.num('ctr', p.c);
      this.sink.bits(this.devices.get(p.device)!, widthFor(this.devices.size));
    });
  }

  ref(s: Stamp) {
    this.sink.bits(this.list.indexOf(s), this.width);
  }

  /** A date as a delta from the time of the stamp that set it. */
  date(s: Stamp, ms: number) {
    this.sink.num('date', zigzag(parseStamp(s).t - ms / 1000));
  }
}

function writeEntry(sink: Sink, st: Stamps, e: SyncEntry, prevNumber: number, tagIndex: Map<string, number>) {
  sink.num('id', paperNumber(e.id) - prevNumber);
  st.start(stampsOf(e));
  sink.bits((e.mark ? 8 : 0) | (e.status ? 4 : 0) | (e.priority ? 2 : 0) | (e.note ? 1 : 0), 4);
  if (e.mark) {
    st.ref(e.mark.s);
    sink.bool(e.mark.v !== null);
    if (e.mark.v !== null) st.date(e.mark.s, e.mark.v);
  }
  if (e.status) {
    st.ref(e.status.s);
    sink.bits(STATUS_INDEX[e.status.v.status], 2);
    st.date(e.status.s, e.status.v.at);
  }
  if (e.priority) {
    st.ref(e.priority.s);
    sink.bits(e.priority.v, 2);
  }
  if (e.note) {
    st.ref(e.note.s);
    sink.str(e.note.v);
  }
  sink.num('ntag', e.tags.length);
  const width = widthFor(tagIndex.size);
  for (const m of e.tags) {
    sink.bits(tagIndex.get(m.k)!, width);
    sink.bool(m.on);
    st.ref(m.s);
  }
}

function writeTag(sink: Sink, st: Stamps, t: SyncTag) {
  sink.str(t.key);
  const stamps = stampsOf(t);
  st.start(stamps);
  sink.num('date', zigzag((stamps.length ? parseStamp(stamps[0]!).t : st.prevT) - t.createdAt / 1000));
  sink.bits((t.name ? 4 : 0) | (t.color ? 2 : 0) | (t.live ? 1 : 0), 3);
  if (t.name) {
    st.ref(t.name.s);
    sink.bool(t.name.v === t.key);
    if (t.name.v !== t.key) sink.str(t.name.v);
  }
  if (t.color) {
    st.ref(t.color.s);
    const hex = COLOR_RE.test(t.color.v);
    sink.bool(hex);
    if (hex) sink.bits(Number.parseInt(t.color.v.slice(1), 16), 24);
    else sink.str(t.color.v);
  }
  if (t.live) {
    st.ref(t.live.s);
    sink.bool(t.live.v);
  }
}

function writeFollow(sink: Sink, st: Stamps, f: SyncFollow) {
  sink.bits(FOLLOW_KIND_INDEX[f.kind], 2);
  st.start([f.state.s]);
  sink.bool(f.state.v.on);
  sink.str(f.state.v.value);
  st.date(f.state.s, f.state.v.at);
}

function writeSetting(sink: Sink, st: Stamps, s: SyncSetting) {
  sink.str(s.key);
  st.start([s.value.s]);
  sink.str(canon(s.value.v));
}

export function writeShard(sink: Sink, state: SyncState) {
  const { entries, tags, follows, settings, devices, tagKeys } = sortedState(state);
  sink.num('n', devices.length);
  for (const d of devices) sink.bits(Number.parseInt(d, 36), 32);
  const st = new Stamps(sink, new Map(devices.map((d, i) => [d, i])));
  sink.num('n', tagKeys.length);
  for (const k of tagKeys) sink.str(k);
  const tagIndex = new Map(tagKeys.map((k, i) => [k, i]));
  sink.num('n', entries.length);
  let prev = 0;
  for (const e of entries) {
    writeEntry(sink, st, e, prev, tagIndex);
    prev = paperNumber(e.id);
  }
  for (const [list, write] of [
    [tags, writeTag],
    [follows, writeFollow],
    [settings, writeSetting],
  ] as const) {
    sink.num('n', list.length);
    for (const r of list) (write as (s: Sink, st: Stamps, r: unknown) => void)(sink, st, r);
  }
}

function leb128(n: number): number[] {
  const out: number[] = [];
  do {
    out.push((n & 0x7f) | (n >= 0x80 ? 0x80 : 0));
    n = Math.floor(n / 128);
  } while (n > 0);
  return out;
}

/** Below this many bytes of text, DEFLATE's block header takes more than it saves. */
const MIN_COMPRESS = 48;

export interface EncodeOptions {
  /** Compress the text area when that makes it smaller (default true). */
  compress?: boolean;
}

/** A shard's records as the JSON string stored under its key. */
export async function encodeShard(state: SyncState, { compress = true }: EncodeOptions = {}): Promise<string> {
  const tally = new Tally();
  writeShard(tally, state);
  const orders = tally.orders();
  let text = tally.text();
  let flags = 0;
  if (compress && text.length > MIN_COMPRESS) {
    const z = await deflate(text);
    if (z.length < text.length) {
      text = z;
      flags |= 1;
    }
  }
  const w = new BitWriter();
  for (const k of orders.values()) w.bits(k, 6);
  writeShard(new BitSink(w, orders, tally.lengths), state);
  const bits = w.finish();
  const head = [flags, ...leb128(text.length)];
  const bytes = new Uint8Array(head.length + text.length + bits.length);
  bytes.set(head);
  bytes.set(text, head.length);
  bytes.set(bits, head.length + text.length);
  return FORMAT + toText92(bytes);
}
