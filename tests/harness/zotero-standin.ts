/**
 * A stand-in for Zotero's connector server, for tests: a Node HTTP server on 127.0.0.1 that
 * answers /connector/ping, getSelectedCollection, saveItems and updateSession as Zotero's source
 * does (server.js, server_connector.js, saveSession.js: ZOTERO-PROTOCOL.md has the facts and
 * where each is), refuses what Zotero refuses with Zotero's status and text, records the items it
 * saved as Zotero would store them, and checks each with a citation parser. It can play an older
 * Zotero (`version`), a Zotero that is starting or quits (`close`, then `listen`), a failing save
 * (`failSaves`) and a Zotero that never answers (`hang`).
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Answer, atLeast, type ConnectorOptions, StandinConnector } from './zotero-standin-connector';

export type { SavedItem, StandinLibrary } from './zotero-standin-connector';

export interface StandinOptions extends ConnectorOptions {
  /** 0 (default) for a free port; 23119 where the extension itself must find it. */
  port?: number;
}

export interface LoggedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  data: unknown;
  answer: number | 'dropped' | 'hung';
}

const text = (status: number, body: string): Answer => [status, 'text/plain', body];

/** Each endpoint's supportedMethods and supportedDataTypes, and the first version that has it. */
const ENDPOINTS: Record<string, { methods: string[]; types: string[]; since?: string }> = {
  '/connector/ping': { methods: ['GET', 'POST'], types: ['application/json', 'text/plain'] },
  '/connector/getSelectedCollection': { methods: ['POST'], types: ['application/json'] },
  '/connector/saveItems': { methods: ['POST'], types: ['application/json'] },
  '/connector/updateSession': { methods: ['POST'], types: ['application/json'], since: '5.0.36' },
};

export class ZoteroStandin extends StandinConnector {
  readonly requests: LoggedRequest[] = [];
  /** Paths that never get an answer (Zotero busy behind a modal dialog). */
  readonly hang = new Set<string>();
  port: number;
  private server?: Server;

  private constructor(o: StandinOptions) {
    super(o);
    this.port = o.port ?? 0;
  }

  static async start(options: StandinOptions = {}): Promise<ZoteroStandin> {
    const s = new ZoteroStandin(options);
    await s.listen();
    return s;
  }

  get url() {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Zotero starts: its server listens again, on the same port. */
  async listen(): Promise<void> {
    const server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((ok, fail) => server.once('error', fail).listen(this.port, '127.0.0.1', ok));
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
  }

  /** Zotero quits: the port closes, open requests are cut. */
  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise((ok) => server.close(ok));
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const path = (req.url ?? '/').split('?')[0]!;
    const log: LoggedRequest = { method: req.method ?? '', path, headers: req.headers, data: undefined, answer: 'hung' };
    this.requests.push(log);
    const answer = await this.answer(req, path, Buffer.concat(chunks).toString('utf8'), log);
    if (answer === 'hang') return;
    if (answer === 'drop') {
      log.answer = 'dropped';
      req.socket.destroy();
      return;
    }
    const [status, type, body] = answer;
    log.answer = status;
    const api = atLeast(this.version, '7.0.20') ? '3' : '2';
    res.writeHead(status, { 'X-Zotero-Version': this.version, 'X-Zotero-Connector-API-Version': api, ...(type ? { 'Content-Type': type } : {}) });
    res.end(body ?? '');
  }

  /** server.js RequestHandler.handleRequest and _processEndpoint. */
  private async answer(req: IncomingMessage, path: string, raw: string, log: LoggedRequest): Promise<Answer> {
    const h = req.headers;
    const method = req.method ?? '';
    if (!h.host || !/^(?:127\.0\.0\.1|\[::1\]|localhost)(?::[0-9]+)?$/i.test(h.host)) return text(400, 'Invalid Host header\n');
    const endpoint = ENDPOINTS[path];
    if (!endpoint || (endpoint.since && !atLeast(this.version, endpoint.since))) return text(404, 'No endpoint found\n');
    if (method === 'HEAD' || method === 'OPTIONS') return [200];
    if (!['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(method)) return text(501, 'Method not implemented\n');
    if (method !== 'GET' && method !== 'DELETE' && !/^[0-9]+$/.test(h['content-length'] ?? '')) return text(400, 'Content-length not provided\n');
    if (!endpoint.methods.includes(method)) return text(400, 'Endpoint does not support method\n');
    const browser = h['user-agent']?.startsWith('Mozilla/') || 'origin' in h;
    if (
      browser &&
      !h['x-zotero-connector-api-version'] &&
      !h['zotero-allowed-request'] &&
      !(path.endsWith('/ping') && h['sec-fetch-mode'] === 'navigate')
    )
      return 'drop';
    let data: unknown = null;
    const type = h['content-type']?.split(/\s*;/)[0];
    if (method !== 'GET' && type) {
      if (!endpoint.types.includes(type)) return text(400, 'Endpoint does not support content-type\n');
      try {
        data = type === 'application/json' ? (raw ? JSON.parse(raw) : null) : raw;
      } catch {
        return text(400, 'Invalid JSON provided\n');
      }
    }
    log.data = data;
    if (this.hang.has(path)) return 'hang';
    try {
      if (path.endsWith('/ping')) return this.ping(method, data);
      if (path.endsWith('/getSelectedCollection')) return this.selectedCollection(data);
      if (path.endsWith('/saveItems')) return this.saveItems(data, h);
      return this.updateSession(data);
    } catch {
      // An endpoint that throws: Zotero answers a bare 500.
      return [500];
    }
  }
}
