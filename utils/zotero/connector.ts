/**
 * One request to Zotero's connector server, as Zotero's own browser connector makes it
 * (zotero-connectors, src/common/connector.js `callMethod`): a JSON POST to
 * `/connector/<method>` with `X-Zotero-Connector-API-Version`. Zotero drops a browser's request
 * without that header, unanswered. `X-Zotero-Version` is the sender's own version, which Zotero up
 * to 7.0.19 compared with the Zotero Connector's to prompt for an update: we are not the connector,
 * so we do not send it. The answer is sorted here; what it means for the user is in outcome.ts.
 */
import * as z from 'zod/mini';
import '../model';

/** Zotero's fixed port (its `httpServer.port` preference). Tests pass their stand-in's address. */
export const ZOTERO_URL = 'http://127.0.0.1:23119';
/** The optional host permission to ask for: match patterns ignore the port, in Chrome and Firefox. */
export const ZOTERO_PERMISSION = 'http://127.0.0.1/*';
/** The API version Zotero 7.0.20 and later speak; saves from an older one are refused (400 CONNECTOR_VERSION_OUTDATED). */
export const CONNECTOR_API_VERSION = 3;

export type Fetch = (url: string, init: { method: string; headers: Record<string, string>; body: string; signal: AbortSignal }) => Promise<Response>;

export type Reply =
  /** Zotero answered below 400; `version` is its `X-Zotero-Version`. */
  | { kind: 'ok'; status: number; version: string; body: unknown }
  /** Zotero answered 400 or more; `error` is the code of a JSON answer (`SESSION_EXISTS`…), `text` a plain one. */
  | { kind: 'failed'; status: number; version: string; error?: string; text: string; body: unknown }
  /** An answer without `X-Zotero-Version`: another program holds Zotero's port. */
  | { kind: 'not-zotero'; status: number }
  /** No answer: nothing listens (Zotero closed or starting), the connection was dropped, or the browser blocked it. */
  | { kind: 'unreachable'; detail: string }
  /** No answer in time: Zotero may still be working on it. */
  | { kind: 'timeout'; ms: number };

const ErrorBody = z.object({ error: z.string() });

function parseBody(text: string, contentType: string): unknown {
  if (!text || !contentType.includes('application/json')) return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export async function callZotero(fetch: Fetch, url: string, method: string, data: unknown, timeoutMs: number): Promise<Reply> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  try {
    const res = await fetch(`${url}/connector/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Zotero-Connector-API-Version': String(CONNECTOR_API_VERSION) },
      body: JSON.stringify(data),
      signal: abort.signal,
    });
    const text = await res.text();
    const version = res.headers.get('X-Zotero-Version');
    if (!version) return { kind: 'not-zotero', status: res.status };
    const body = parseBody(text, res.headers.get('Content-Type') ?? '');
    if (res.status < 400) return { kind: 'ok', status: res.status, version, body };
    const coded = z.safeParse(ErrorBody, body);
    return {
      kind: 'failed',
      status: res.status,
      version,
      text: typeof body === 'string' ? body.trim() : '',
      body,
      ...(coded.success ? { error: coded.data.error } : {}),
    };
  } catch (e) {
    if (abort.signal.aborted) return { kind: 'timeout', ms: timeoutMs };
    return { kind: 'unreachable', detail: e instanceof Error ? e.message : String(e) };
  } finally {
    clearTimeout(timer);
  }
}
