// @vitest-environment node
/**
 * The Zotero client against the stand-in Zotero, over real HTTP on 127.0.0.1 (Node's fetch, sent
 * with a browser's User-Agent and an extension's Origin, so Zotero's browser gate applies). The
 * real Zotero cannot run here; the stand-in follows its source (tests/harness/ZOTERO-PROTOCOL.md).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { Item } from '../../utils/model';
import { findZotero, type SendOptions, sendToZotero } from '../../utils/zotero/client';
import type { Fetch } from '../../utils/zotero/connector';
import { sentRecord, type ZoteroSent } from '../../utils/zotero/record';
import { awkwardLibrary } from '../fixtures/awkward-library';
import { type StandinOptions, ZoteroStandin } from '../harness/zotero-standin';

const browserFetch: Fetch = (url, init) =>
  fetch(url, {
    ...init,
    headers: { ...init.headers, 'User-Agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0', Origin: 'chrome-extension://hfpapersshelf' },
  });

function saved(): Item[] {
  const { papers, entries } = awkwardLibrary();
  const byId = new Map(entries.map((e) => [e.id, e]));
  return papers.map((p) => ({ ...p, entry: byId.get(p.id) })).filter((p) => p.entry?.bookmarkedAt !== undefined);
}

let zotero: ZoteroStandin | undefined;
afterEach(() => zotero?.close());
async function start(options: StandinOptions = {}) {
  zotero = await ZoteroStandin.start(options);
  return zotero;
}

function opts(z: { url: string }, extra: Partial<SendOptions> = {}): SendOptions {
  return { fetch: browserFetch, hasPermission: () => true, url: z.url, sentBefore: () => undefined, ...extra };
}

const paths = (z: ZoteroStandin) => z.requests.map((r) => r.path.replace('/connector/', ''));

describe('sending to Zotero', () => {
  it('shows where Zotero will save, then saves every paper there with its tags and note, each readable by a citation parser', async () => {
    const z = await start({ selected: 'C11' });
    const found = await findZotero(opts(z));
    expect(found).toMatchObject({ kind: 'ok', version: '9.0.6', target: { id: 'C11', path: ['My Library', 'Reading', 'LLMs'] } });
    expect(found.message).toBe('Zotero will save to My Library › Reading › LLMs.');

    const papers = saved();
    const out = await sendToZotero(papers, opts(z));
    expect(out.kind).toBe('ok');
    expect({ ...out.report, sent: [...out.report.sent].sort() }).toEqual({
      sent: papers.map((p) => p.id).sort(),
      alreadySent: [],
      unsent: [],
      uncertain: [],
    });
    expect(out.message).toBe(`Sent ${papers.length} papers to Zotero: My Library › Reading › LLMs. Your tags went with them.`);
    expect(z.items).toHaveLength(papers.length);
    for (const p of papers) {
      const item = z.items.find((i) => i.connectorKey === p.id)!;
      expect(item.problems, p.id).toEqual([]);
      expect(item).toMatchObject({ itemType: 'preprint', libraryID: 1, collections: [11] });
      expect(item.fields.title).toBe(p.title.replace(/\s+/g, ' ').trim());
      expect(item.tags).toEqual((p.entry?.tags ?? []).map((tag) => ({ tag, type: 0 })));
      expect(item.notes).toHaveLength(p.entry?.note.trim() ? 1 : 0);
    }
    for (const r of z.requests) {
      expect(r.answer).not.toBe('dropped');
      expect(r.headers['content-type']).toBe('application/json');
      expect(r.headers['x-zotero-connector-api-version']).toBe('3');
      expect(r.headers['x-zotero-version']).toBeUndefined();
    }
  });

  it('keeps the user’s tags when Zotero drops automatic tags', async () => {
    const z = await start({ automaticTags: false });
    const p = saved().find((x) => x.entry?.tags.length)!;
    await sendToZotero([p], opts(z));
    expect(z.items[0]!.tags.map((t) => t.tag)).toEqual(p.entry!.tags);
  });

  it('sends a large selection in batches of papers with the same tags, each batch its own session', async () => {
    const z = await start();
    const base = saved()[0]!;
    const many: Item[] = Array.from({ length: 120 }, (_, i) => ({
      ...base,
      id: `2510.${String(10000 + i)}`,
      entry: { ...base.entry!, id: `2510.${String(10000 + i)}`, tags: i % 3 ? ['RL'] : ['RL', 'Vision'] },
    }));
    const progress: number[] = [];
    const out = await sendToZotero(many, opts(z, { batchSize: 50, onProgress: (done) => progress.push(done) }));
    expect(out.kind).toBe('ok');
    expect(out.report.sent).toHaveLength(120);
    const saves = z.requests.filter((r) => r.path.endsWith('saveItems')).map((r) => r.data as { sessionID: string; items: unknown[] });
    expect(saves.map((s) => s.items.length)).toEqual([40, 50, 30]);
    expect(new Set(saves.map((s) => s.sessionID)).size).toBe(3);
    expect(progress).toEqual([40, 90, 120]);
    for (const item of z.items)
      expect(item.tags.map((t) => t.tag)).toEqual((Number(String(item.connectorKey).slice(5)) - 10000) % 3 ? ['RL'] : ['RL', 'Vision']);
  });

  it('says a paper was already sent to this library instead of making a duplicate, unless asked to send it again', async () => {
    const z = await start({ selected: 'C12' });
    const papers = saved().slice(0, 3);
    const before = new Map<string, ZoteroSent[]>([
      [papers[0]!.id, [sentRecord({ id: 'C10', libraryID: 1, libraryName: 'My Library', path: ['My Library', 'Reading'], readOnly: false }, 1)]],
      [papers[1]!.id, [sentRecord({ id: 'L7', libraryID: 7, libraryName: 'Other Group', path: ['Other Group'], readOnly: false }, 1)]],
    ]);
    const out = await sendToZotero(papers, opts(z, { sentBefore: (id) => before.get(id) }));
    expect(out.report).toMatchObject({ sent: [papers[1]!.id, papers[2]!.id].sort(), alreadySent: [papers[0]!.id] });
    expect(out.message).toContain('1 paper already sent to My Library before was skipped.');
    expect(z.items.map((i) => i.connectorKey)).not.toContain(papers[0]!.id);

    const only = await sendToZotero([papers[0]!], opts(z, { sentBefore: (id) => before.get(id) }));
    expect(only).toMatchObject({ kind: 'ok', report: { sent: [], alreadySent: [papers[0]!.id] } });
    expect(only.message).toBe('Already in Zotero: this paper was sent to My Library before. Choose “Send again” to add it anyway.');
    expect(paths(z).filter((p) => p === 'saveItems')).toHaveLength(2);

    const again = await sendToZotero([papers[0]!], opts(z, { sentBefore: (id) => before.get(id), force: true }));
    expect(again.report.sent).toEqual([papers[0]!.id]);
    expect(z.items.filter((i) => i.connectorKey === papers[0]!.id)).toHaveLength(1);
  });

  it('sends nothing when Zotero’s selection changed since it was shown', async () => {
    const z = await start({ selected: 'C11' });
    const out = await sendToZotero(saved(), opts(z, { expected: { id: 'C10' } }));
    expect(out.kind).toBe('refused');
    expect(out.message).toContain('changed to “My Library › Reading › LLMs”');
    expect(z.items).toEqual([]);
  });

  it('saves into My Library when a read-only group is selected, as Zotero switches to it', async () => {
    const z = await start({ selected: 'C20' });
    const out = await sendToZotero(saved().slice(0, 1), opts(z));
    expect(out).toMatchObject({ kind: 'ok', target: { id: 'L1', path: ['My Library'] } });
    expect(z.items[0]).toMatchObject({ libraryID: 1, collections: [] });
  });
});

describe('when Zotero cannot take the papers', () => {
  it('asks for the permission, and sends no request, when it is missing', async () => {
    const z = await start();
    const out = await sendToZotero(saved(), opts(z, { hasPermission: async () => false }));
    expect(out.kind).toBe('permission-missing');
    expect(out.message).toContain('choose “Allow”');
    expect(out.report.unsent).toHaveLength(saved().length);
    expect((await findZotero(opts(z, { hasPermission: () => false }))).kind).toBe('permission-missing');
    expect(z.requests).toEqual([]);
  });

  it('says to start Zotero when nothing listens, and sends once Zotero has started', async () => {
    const z = await start();
    await z.close();
    const off = await sendToZotero(saved(), opts(z));
    expect(off.kind).toBe('zotero-absent');
    expect(off.message).toBe('Zotero is not running, or is still starting. Open Zotero, wait until its window appears, then send again.');
    expect(off.report.sent).toEqual([]);
    await z.listen();
    const on = await sendToZotero(saved(), opts(z));
    expect(on.kind).toBe('ok');
    expect(z.items).toHaveLength(saved().length);
  });

  it('says another program holds the port when the answer is not Zotero’s', async () => {
    const other = createServer((_, res) => res.writeHead(404).end('nope'));
    await new Promise<void>((ok) => other.listen(0, '127.0.0.1', ok));
    const out = await findZotero(opts({ url: `http://127.0.0.1:${(other.address() as AddressInfo).port}` }));
    other.close();
    expect(out.kind).toBe('zotero-absent');
    expect(out.message).toContain('Another program answers on Zotero’s port');
  });

  it('says to update a Zotero older than 5.0.36, and sends nothing to it', async () => {
    const z = await start({ version: '5.0.30' });
    const out = await sendToZotero(saved(), opts(z));
    expect(out.kind).toBe('zotero-too-old');
    expect(out.message).toBe(
      'Zotero 5.0.30 is too old to receive papers (5.0.36 or newer is needed). Update Zotero (Help › Check for Updates…), then send again.',
    );
    expect(paths(z)).toEqual(['ping']);
  });

  it('sends journal articles and tags as one string to the Zotero versions that need them', async () => {
    for (const [version, itemType] of [
      ['5.0.36', 'journalArticle'],
      ['7.0.32', 'preprint'],
    ] as const) {
      const z = await start({ version });
      const out = await sendToZotero(saved(), opts(z));
      expect(out.kind, version).toBe('ok');
      const update = z.requests.find((r) => r.path.endsWith('updateSession') && (r.data as { tags: unknown }).tags !== '')!;
      expect(typeof (update.data as { tags: unknown }).tags).toBe('string');
      for (const item of z.items) expect([item.itemType, item.problems], version).toEqual([itemType, []]);
      expect(z.items.find((i) => i.connectorKey === '2509.10002')!.tags.map((t) => t.tag)).toEqual(['Diffusion', 'RL & robotics']);
      await z.close();
    }
  });

  it('reports a failed batch as not sent, and only the batches Zotero saved as sent', async () => {
    const z = await start();
    const papers = saved();
    z.failSaves.add(1);
    const out = await sendToZotero(papers, opts(z, { batchSize: 2 }));
    expect(out.kind).toBe('error');
    const saves = z.requests
      .filter((r) => r.path.endsWith('saveItems'))
      .map((r) => (r.data as { items: Array<{ id: string }> }).items.map((i) => i.id));
    expect(saves).toHaveLength(2);
    expect(out.report.sent).toEqual(saves[0]);
    expect(out.report.unsent).toHaveLength(papers.length - 2);
    expect(out.report.unsent).toEqual(expect.arrayContaining(saves[1]!));
    expect(out.report.uncertain).toEqual([]);
    expect(z.items.map((i) => i.connectorKey).sort()).toEqual(out.report.sent.sort());
    expect(out.message).toContain(`2 papers reached Zotero. ${papers.length - 2} papers were not sent.`);
  });

  it('reports papers whose save got no answer as uncertain, not as sent', async () => {
    const z = await start();
    z.hang.add('/connector/saveItems');
    const untagged = saved().filter((p) => !p.entry?.tags.length);
    const out = await sendToZotero(untagged, opts(z, { saveTimeoutMs: 300 }));
    expect(out.kind).toBe('error');
    expect(out.report).toEqual({ sent: [], alreadySent: [], unsent: [], uncertain: untagged.map((p) => p.id) });
    expect(out.message).toContain('may or may not have');
  });

  it('reports papers saved as sent even when their tags could not be added, and says so', async () => {
    const z = await start();
    z.hang.add('/connector/updateSession');
    const tagged = saved().filter((p) => p.entry?.tags.join() === 'Diffusion,RL & robotics');
    const out = await sendToZotero(tagged, opts(z, { timeoutMs: 300 }));
    expect(out.kind).toBe('error');
    expect(out.report).toEqual({ sent: tagged.map((p) => p.id), alreadySent: [], unsent: [], uncertain: [] });
    expect(out.message).toContain(`The last ${tagged.length} papers saved may lack their tags`);
    expect(z.items.map((i) => i.tags)).toEqual(tagged.map(() => []));
  });

  it('says what to do when Zotero does not answer at all', async () => {
    const z = await start();
    z.hang.add('/connector/ping');
    const out = await findZotero(opts(z, { timeoutMs: 300 }));
    expect(out).toMatchObject({
      kind: 'error',
      message: expect.stringContaining('did not answer within 300 ms while checking that Zotero is running'),
    });
  });
});
