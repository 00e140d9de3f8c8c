// @vitest-environment node
/**
 * "Send to Zotero" as a page runs it (utils/ui/zoteroFlow.ts): the permission asked inside the
 * click, Zotero found and its selected collection shown, the send, and the records the library
 * keeps (schema v8) so that a second send says "already sent". Against the stand-in Zotero over
 * real HTTP on 127.0.0.1 (tests/harness/ZOTERO-PROTOCOL.md), with a real IndexedDB (fake-indexeddb).
 */
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { ShelfDB } from '../../utils/db/schema';
import type { FlowEnv, FlowState } from '../../utils/ui/zoteroFlow';
import { summaryOf, ZoteroFlow } from '../../utils/ui/zoteroFlow';
import type { Fetch } from '../../utils/zotero/connector';
import { awkwardLibrary } from '../fixtures/awkward-library';
import { type StandinOptions, ZoteroStandin } from '../harness/zotero-standin';

const browserFetch: Fetch = (url, init) =>
  fetch(url, { ...init, headers: { ...init.headers, 'User-Agent': 'Mozilla/5.0 Chrome/140.0', Origin: 'chrome-extension://hfpapersshelf' } });

let zotero: ZoteroStandin | undefined;
let db: ShelfDB | undefined;
afterEach(async () => {
  await zotero?.close();
  zotero = undefined;
  db?.close();
  if (db) await Dexie.delete(db.name);
});

async function library() {
  db = new ShelfDB(`zotero-flow-${Math.random()}`);
  const { papers, entries, tags } = awkwardLibrary();
  await db.papers.bulkPut(papers);
  await db.entries.bulkPut(entries);
  await db.tags.bulkPut(tags);
  return { db, saved: entries.filter((e) => e.bookmarkedAt !== undefined).map((e) => e.id) };
}

interface Permission {
  granted: boolean;
  /** What the user answers when asked. */
  answer: boolean;
  asked: number;
}

function flowOn(z: { url: string }, shelf: ShelfDB, permission: Permission, listen: (s: FlowState) => void = () => {}) {
  const states: FlowState[] = [];
  const env: FlowEnv = {
    db: shelf,
    url: z.url,
    fetch: browserFetch,
    timeoutMs: 2000,
    now: () => 1_800_000_000_000,
    hasPermission: () => permission.granted,
    requestPermission: async () => {
      permission.asked++;
      permission.granted ||= permission.answer;
      return permission.granted;
    },
  };
  const flow = new ZoteroFlow(env, (s) => {
    states.push(s);
    listen(s);
  });
  return { flow, states };
}

const start = async (o: StandinOptions = {}) => {
  zotero = await ZoteroStandin.start(o);
  return zotero;
};

describe('Send to Zotero from a page', () => {
  it('asks for the permission, shows the collection Zotero has selected, sends on Send and notes what reached Zotero', async () => {
    const z = await start({ selected: 'C11' });
    const { db: shelf, saved } = await library();
    const permission = { granted: false, answer: true, asked: 0 };
    const { flow, states } = flowOn(z, shelf, permission);

    await flow.start(saved);
    expect(permission.asked).toBe(1);
    expect(states[0]).toEqual({ step: 'asking' });
    expect(flow.current).toEqual({
      step: 'confirm',
      target: expect.objectContaining({ id: 'C11' }),
      label: 'My Library › Reading › LLMs',
      count: saved.length,
      alreadySent: 0,
    });
    // Nothing is saved before the user says Send.
    expect(z.requests.map((r) => r.path)).toEqual(['/connector/ping', '/connector/getSelectedCollection']);

    await flow.send();
    const done = flow.current;
    expect(done).toMatchObject({ step: 'done', kind: 'ok' });
    if (done.step !== 'done') throw new Error('not done');
    expect(done.message).toMatch(new RegExp(`^Sent ${saved.length} papers to Zotero: My Library › Reading › LLMs\\.`));
    expect(summaryOf(done.report!)).toBe(`${saved.length} sent to Zotero`);
    expect(z.items.map((i) => i.connectorKey).sort()).toEqual([...saved].sort());
    for (const item of z.items) expect(item.problems, String(item.connectorKey)).toEqual([]);
    const rows = await shelf.zoteroSent.toArray();
    expect(rows.map((r) => r.id).sort()).toEqual([...saved].sort());
    expect(rows[0]!.sent).toEqual([{ sentAt: 1_800_000_000_000, libraryName: 'My Library', target: 'C11', path: ['My Library', 'Reading', 'LLMs'] }]);
  });

  it('says a paper was already sent, sends it again only when asked, and sends to another library freely', async () => {
    const z = await start({ selected: 'L1' });
    const { db: shelf, saved } = await library();
    const permission = { granted: true, answer: true, asked: 0 };
    const { flow } = flowOn(z, shelf, permission);
    const one = [saved[0]!];

    await flow.start(one);
    await flow.send();
    expect(z.items).toHaveLength(1);

    await flow.start(one);
    expect(flow.current).toMatchObject({ step: 'confirm', count: 1, alreadySent: 1 });
    await flow.send();
    expect(flow.current).toMatchObject({
      step: 'done',
      kind: 'ok',
      message: 'Already in Zotero: this paper was sent to My Library before. Choose “Send again” to add it anyway.',
    });
    expect(z.items).toHaveLength(1);

    await flow.sendAgain();
    expect(flow.current).toMatchObject({ step: 'done', kind: 'ok', report: { sent: one } });
    expect(z.items).toHaveLength(2);

    // A group library is another Zotero library: its own copy, no "already sent".
    z.libraries[1]!.editable = true;
    z.selected = 'L2';
    await flow.start(one);
    expect(flow.current).toMatchObject({ step: 'confirm', label: 'Lab Group', alreadySent: 0 });
    await flow.send();
    expect((await shelf.zoteroSent.get(one[0]!))?.sent.map((r) => r.libraryName)).toEqual(['My Library', 'Lab Group']);
  });

  it('a refused permission sends nothing and says how to allow it', async () => {
    const z = await start();
    const { db: shelf, saved } = await library();
    const permission = { granted: false, answer: false, asked: 0 };
    const { flow } = flowOn(z, shelf, permission);
    await flow.start(saved);
    expect(flow.current).toMatchObject({ step: 'done', kind: 'permission-missing' });
    if (flow.current.step === 'done') expect(flow.current.message).toContain('choose “Allow”');
    expect(z.requests).toEqual([]);
    expect(await shelf.zoteroSent.count()).toBe(0);
  });

  it('a browser that throws at the request (outside a click) counts as a refusal, not a crash', async () => {
    const z = await start();
    const { db: shelf, saved } = await library();
    const { flow } = flowOn(z, shelf, { granted: false, answer: false, asked: 0 });
    flow.env.requestPermission = () => {
      throw new Error('permissions.request may only be called from a user input handler');
    };
    await flow.start(saved);
    expect(flow.current).toMatchObject({ step: 'done', kind: 'permission-missing' });
  });

  it('Zotero not running: says to open it; once it runs, the same flow sends', async () => {
    const z = await start();
    const { db: shelf, saved } = await library();
    await z.close();
    const { flow } = flowOn(z, shelf, { granted: true, answer: true, asked: 0 });
    await flow.start(saved.slice(0, 2));
    expect(flow.current).toMatchObject({ step: 'done', kind: 'zotero-absent' });
    if (flow.current.step === 'done') expect(flow.current.message).toMatch(/^Zotero is not running.*Open Zotero/);
    await z.listen();
    await flow.start(saved.slice(0, 2));
    await flow.send();
    expect(flow.current).toMatchObject({ step: 'done', kind: 'ok' });
    expect(z.items).toHaveLength(2);
  });

  it('an old Zotero: says which version is needed and sends nothing', async () => {
    const z = await start({ version: '5.0.35' });
    const { db: shelf, saved } = await library();
    const { flow } = flowOn(z, shelf, { granted: true, answer: true, asked: 0 });
    await flow.start(saved);
    expect(flow.current).toMatchObject({ step: 'done', kind: 'zotero-too-old' });
    if (flow.current.step === 'done') expect(flow.current.message).toContain('5.0.36 or newer is needed');
    expect(z.items).toEqual([]);
  });

  it('Cancel before sending sends nothing; Cancel while sending stops after the batch under way', async () => {
    const z = await start();
    const { db: shelf, saved } = await library();
    const { flow } = flowOn(z, shelf, { granted: true, answer: true, asked: 0 });
    await flow.start(saved);
    flow.cancel();
    expect(flow.current).toEqual({ step: 'idle' });
    expect(z.items).toEqual([]);

    flow.env.batchSize = 1;
    await flow.start(saved);
    const sending = flow.send();
    // Stopped at once: each batch is saved whole or not at all, and those not sent are counted.
    flow.cancel();
    await sending;
    expect(flow.current).toMatchObject({ step: 'done', kind: 'cancelled' });
    const report = flow.current.step === 'done' ? flow.current.report! : undefined;
    expect(report!.sent.length + report!.unsent.length).toBe(saved.length);
    expect(z.items).toHaveLength(report!.sent.length);
    expect(await shelf.zoteroSent.count()).toBe(report!.sent.length);
    expect(report!.unsent.length).toBeGreaterThan(0);
  });

  it('notes each batch as soon as Zotero saved it (a page closed mid-send keeps what reached Zotero)', async () => {
    const z = await start();
    const { db: shelf, saved } = await library();
    const counts: Array<Promise<number>> = [];
    // Read as the first batch is reported done, before the next one goes out.
    const { flow } = flowOn(z, shelf, { granted: true, answer: true, asked: 0 }, (s) => {
      if (s.step === 'sending' && s.done === 2) counts.push(shelf.zoteroSent.count());
    });
    flow.env.batchSize = 2;
    await flow.start(saved);
    await flow.send();
    expect(flow.current).toMatchObject({ step: 'done', kind: 'ok' });
    expect(counts).toHaveLength(1);
    expect(await counts[0]).toBeGreaterThanOrEqual(2);
  });

  it('papers given as a function (a view or a tag) are read only after the permission was asked', async () => {
    const z = await start();
    const { db: shelf, saved } = await library();
    const permission = { granted: false, answer: true, asked: 0 };
    const { flow } = flowOn(z, shelf, permission);
    let askedFirst = false;
    await flow.start(() => {
      askedFirst = permission.asked === 1;
      return saved.slice(0, 3);
    });
    expect(askedFirst).toBe(true);
    expect(flow.current).toMatchObject({ step: 'confirm', count: 3 });
  });
});
