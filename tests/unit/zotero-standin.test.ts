// @vitest-environment node
/**
 * The stand-in Zotero refuses what Zotero refuses, with Zotero's status and text (each case is
 * in tests/harness/ZOTERO-PROTOCOL.md with its source), and catches malformed items: a stand-in
 * that accepted anything would let the client tests pass for nothing.
 */
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { toZoteroItem } from '../../utils/zotero/items';
import { awkwardLibrary } from '../fixtures/awkward-library';
import { type StandinOptions, ZoteroStandin } from '../harness/zotero-standin';

let zotero: ZoteroStandin | undefined;
afterEach(async () => {
  await zotero?.close();
  zotero = undefined;
});
async function start(options: StandinOptions = {}) {
  zotero = await ZoteroStandin.start(options);
  return zotero;
}

const API = { 'X-Zotero-Connector-API-Version': '3' };
const BROWSER = { 'User-Agent': 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0', Origin: 'moz-extension://abc' };
const JSON_TYPE = { 'Content-Type': 'application/json' };

async function post(z: ZoteroStandin, method: string, body: unknown, headers: Record<string, string> = { ...API, ...JSON_TYPE }) {
  const res = await fetch(`${z.url}/connector/${method}`, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, text, version: res.headers.get('X-Zotero-Version'), api: res.headers.get('X-Zotero-Connector-API-Version') };
}

/** A request Node's fetch will not make: any Host header, any framing. */
function raw(z: ZoteroStandin, path: string, headers: Record<string, string>, body?: string): Promise<{ status: number; text: string }> {
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port: z.port, path, method: 'POST', headers }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c)).on('end', () => ok({ status: res.statusCode!, text }));
    });
    req.on('error', fail);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

const paper = () => {
  const { papers } = awkwardLibrary();
  return toZoteroItem(papers[0]!, { preprint: true });
};

describe('the stand-in Zotero refuses what Zotero refuses', () => {
  it('answers with its version headers, and the API version its release speaks', async () => {
    const z = await start();
    expect(await post(z, 'ping', {})).toMatchObject({ status: 200, version: '9.0.6', api: '3' });
    const old = await ZoteroStandin.start({ version: '7.0.19' });
    expect(await post(old, 'ping', {})).toMatchObject({ status: 200, version: '7.0.19', api: '2' });
    await old.close();
  });

  it('closes a browser’s request without the connector API header, unanswered', async () => {
    const z = await start();
    await expect(post(z, 'ping', {}, { ...BROWSER, ...JSON_TYPE })).rejects.toThrow();
    expect(z.requests[0]!.answer).toBe('dropped');
    expect(await post(z, 'ping', {}, { ...BROWSER, ...JSON_TYPE, ...API })).toMatchObject({ status: 200 });
  });

  it('refuses a foreign Host, a body without Content-Length, a wrong method, type or JSON, and unknown paths', async () => {
    const z = await start();
    expect(await raw(z, '/connector/ping', { Host: 'evil.example:23119', ...API, ...JSON_TYPE }, '{}')).toEqual({
      status: 400,
      text: 'Invalid Host header\n',
    });
    expect(await raw(z, '/connector/ping', { 'Transfer-Encoding': 'chunked', ...API, ...JSON_TYPE }, '{}')).toEqual({
      status: 400,
      text: 'Content-length not provided\n',
    });
    const get = await fetch(`${z.url}/connector/saveItems`, { headers: API });
    expect([get.status, await get.text()]).toEqual([400, 'Endpoint does not support method\n']);
    expect(await post(z, 'saveItems', '{}', { ...API, 'Content-Type': 'text/plain' })).toMatchObject({
      status: 400,
      text: 'Endpoint does not support content-type\n',
    });
    expect(await post(z, 'saveItems', '{"items": [', { ...API, ...JSON_TYPE })).toMatchObject({ status: 400, text: 'Invalid JSON provided\n' });
    expect(await post(z, 'saveStuff', {})).toMatchObject({ status: 404, text: 'No endpoint found\n' });
    expect(await raw(z, '/connector/saveItems', { ...API, 'Content-Length': '0' }, '')).toEqual({ status: 500, text: '' });
  });

  it('refuses a reused session, an unknown one, and a save from an outdated connector', async () => {
    const z = await start();
    expect(await post(z, 'saveItems', { sessionID: 's1', items: [paper()] })).toMatchObject({ status: 201, text: '' });
    expect(await post(z, 'saveItems', { sessionID: 's1', items: [paper()] })).toMatchObject({ status: 409, text: '{"error":"SESSION_EXISTS"}' });
    expect(await post(z, 'updateSession', { target: 'L1' })).toMatchObject({ status: 400, text: '{"error":"SESSION_ID_NOT_PROVIDED"}' });
    expect(await post(z, 'updateSession', { sessionID: 'nope', target: 'L1' })).toMatchObject({ status: 400, text: '{"error":"SESSION_NOT_FOUND"}' });
    expect(await post(z, 'updateSession', { sessionID: 's1', target: 'C404' })).toMatchObject({
      status: 400,
      text: '{"error":"COLLECTION_NOT_FOUND"}',
    });
    expect(await post(z, 'updateSession', { sessionID: 's1' })).toMatchObject({ status: 500 });
    expect(await post(z, 'updateSession', { sessionID: 's1', target: 'L2' })).toMatchObject({ status: 500 });
    expect(await post(z, 'saveItems', { sessionID: 's2', items: [paper()] }, { ...JSON_TYPE, 'X-Zotero-Connector-API-Version': '2' })).toMatchObject({
      status: 400,
      text: '{"error":"CONNECTOR_VERSION_OUTDATED"}',
    });
    expect(z.items).toHaveLength(1);
  });

  it('takes session tags as an array only from Zotero 8; before, a string split at commas', async () => {
    for (const [version, tags, status, stored] of [
      ['9.0.6', ['a, b', 'c'], 200, ['a, b', 'c']],
      ['9.0.6', 'a, b,c', 200, ['a', 'b', 'c']],
      ['7.0.32', ['a', 'b'], 500, []],
      ['7.0.32', 'a, b ,c', 200, ['a', 'b', 'c']],
    ] as const) {
      const z = await start({ version });
      await post(z, 'saveItems', { sessionID: 's', items: [paper()] });
      expect((await post(z, 'updateSession', { sessionID: 's', target: 'C10', tags })).status, `${version} ${tags}`).toBe(status);
      expect(z.items[0]!.tags.map((t) => t.tag)).toEqual(stored);
      await z.close();
    }
  });

  it('has no updateSession before 5.0.36 and no preprint type before 6.0', async () => {
    const z = await start({ version: '5.0.96' });
    expect(await post(z, 'saveItems', { sessionID: 's', items: [paper()] })).toMatchObject({ status: 500 });
    expect(z.items).toEqual([]);
    const older = await ZoteroStandin.start({ version: '5.0.35' });
    expect(await post(older, 'updateSession', { sessionID: 's', target: 'L1' })).toMatchObject({ status: 404, text: 'No endpoint found\n' });
    await older.close();
  });

  it('never answers getSelectedCollection without a body, as Zotero’s two-argument endpoint throws unseen', async () => {
    const z = await start();
    const answer = raw(z, '/connector/getSelectedCollection', { ...API, 'Content-Length': '0' }, '');
    await expect(Promise.race([answer, new Promise((ok) => setTimeout(() => ok('no answer'), 300))])).resolves.toBe('no answer');
    expect(z.requests[0]!.answer).toBe('hung');
    answer.catch(() => undefined);
  });
});

describe('the stand-in Zotero stores items as Zotero does', () => {
  it('saves all of a request’s items or none: one it cannot take fails the request', async () => {
    const z = await start();
    const bad = { ...paper(), id: 'x', creators: [{ firstName: 'A', lastName: 'B', name: 'C', creatorType: 'author' }] };
    expect(await post(z, 'saveItems', { sessionID: 's', items: [paper(), bad] })).toMatchObject({ status: 500 });
    expect(await post(z, 'saveItems', { sessionID: 't', items: [paper(), { ...paper(), id: 'y', itemType: 'arxivPaper' }] })).toMatchObject({
      status: 500,
    });
    expect(z.items).toEqual([]);
  });

  it('makes tags inside items automatic, and drops them when automatic tags are off', async () => {
    const z = await start();
    await post(z, 'saveItems', { sessionID: 's', items: [{ ...paper(), tags: ['x', { tag: 'y' }, ' '] }] });
    expect(z.items[0]!.tags).toEqual([
      { tag: 'x', type: 1 },
      { tag: 'y', type: 1 },
    ]);
    z.automaticTags = false;
    await post(z, 'saveItems', { sessionID: 't', items: [{ ...paper(), tags: ['x'] }] });
    expect(z.items[1]!.tags).toEqual([]);
  });

  it('updates only the last of items that share a connector id, as Zotero keys its session by it', async () => {
    const z = await start();
    await post(z, 'saveItems', { sessionID: 's', items: [paper(), paper()] });
    await post(z, 'updateSession', { sessionID: 's', target: 'C10', tags: ['t'] });
    expect(z.items.map((i) => i.tags.length)).toEqual([0, 1]);
  });

  it('flags an item whose fields Zotero would move to Extra, or that a citation parser cannot read back', async () => {
    const z = await start();
    const { archiveID: _, repository: __, ...journal } = paper();
    await post(z, 'saveItems', { sessionID: 's', items: [{ ...journal, itemType: 'journalArticle', archiveID: 'arXiv:1', arxiv: { id: 1 } }] });
    expect(z.items[0]!.problems).toEqual(['archiveID (moved to Extra)', 'arxiv (discarded)']);
    await post(z, 'saveItems', {
      sessionID: 't',
      items: [{ ...paper(), title: '   ', creators: [{ lastName: 'Solo', creatorType: 'author' }], date: 'someday' }],
    });
    expect(z.items[1]!.problems).toEqual(['title (empty)', 'date not read']);
  });
});
