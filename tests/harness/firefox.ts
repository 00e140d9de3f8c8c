/**
 * A real Firefox with the built Firefox extension, driven over WebDriver BiDi (Firefox's own
 * remote protocol: no geckodriver, no downloaded browser). huggingface.co is answered from saved
 * pages by BiDi's network interception, as `context.route` does for Chromium.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { ROOT } from './browser';

export const FIREFOX_EXTENSION_DIR = join(ROOT, '.output/firefox-mv2');
export const GECKO_ID = 'hf-papers-shelf@example.org';
/** Fixed in the profile, so the extension's pages have a known address. */
export const EXTENSION_UUID = '6d1a2c3e-0000-4000-8000-0000000000f1';

const USUAL_PATHS = [
  '/usr/bin/firefox-esr',
  '/usr/bin/firefox',
  '/snap/bin/firefox',
  '/Applications/Firefox.app/Contents/MacOS/firefox',
  'C:\\Program Files\\Mozilla Firefox\\firefox.exe',
];

export function requireFirefox(): string {
  const path = process.env.FIREFOX_PATH || USUAL_PATHS.find((p) => existsSync(p));
  if (!path || !existsSync(path)) {
    throw new Error(
      `No Firefox found${path ? ` at ${path}` : ''}. Install it (Debian: apt-get install -y firefox-esr) or point FIREFOX_PATH at a Firefox 140+ binary. Looked in: ${USUAL_PATHS.join(', ')}`,
    );
  }
  return path;
}

export function requireFirefoxBuild() {
  if (!existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No Firefox build in ${FIREFOX_EXTENSION_DIR}: run \`npm run build:firefox\` first.`);
  }
}

type Json = Record<string, unknown>;

export interface Firefox {
  /** Sends a BiDi command; rejects with the browser's error. */
  send<T = Json>(method: string, params: Json): Promise<T>;
  /** Pages served for https://huggingface.co paths (anything else there answers 404). */
  site: Map<string, string>;
  extensionUrl(page: string): string;
  /** Opens a new tab at `url` and waits for it to load; returns its context id. */
  open(url: string): Promise<string>;
  /** Evaluates an expression in the page of `context` (its own world, not the content script's). */
  evaluate<T>(context: string, expression: string): Promise<T>;
  /** Polls `expression` until it is truthy (or throws after `ms`). */
  until<T>(context: string, expression: string, ms?: number): Promise<T>;
  close(): Promise<void>;
}

export async function launchFirefox(): Promise<Firefox> {
  const binary = requireFirefox();
  requireFirefoxBuild();
  const profile = mkdtempSync(join(tmpdir(), 'hfp-firefox-'));
  writeFileSync(
    join(profile, 'user.js'),
    [
      `user_pref("extensions.webextensions.uuids", ${JSON.stringify(JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }))});`,
      'user_pref("browser.shell.checkDefaultBrowser", false);',
      'user_pref("datareporting.policy.dataSubmissionEnabled", false);',
      'user_pref("app.update.enabled", false);',
      'user_pref("browser.startup.homepage_override.mstone", "ignore");',
    ].join('\n'),
  );
  const proc: ChildProcess = spawn(
    binary,
    ['--headless', '--no-remote', '--profile', profile, '--remote-debugging-port=0', '--remote-allow-system-access'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const endpoint = await new Promise<string>((resolve, reject) => {
    let log = '';
    const timer = setTimeout(() => reject(new Error(`Firefox did not start its remote protocol in 30 s:\n${log}`)), 30_000);
    const read = (chunk: Buffer) => {
      log += chunk;
      const m = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(log);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    proc.stderr!.on('data', read);
    proc.stdout!.on('data', read);
    proc.on('exit', (code) => reject(new Error(`Firefox exited (${code}) before starting:\n${log}`)));
  });

  const ws = new WebSocket(`${endpoint}/session`);
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  let next = 0;
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void; method: string }>();
  const site = new Map<string, string>();

  const send = <T>(method: string, params: Json) =>
    new Promise<T>((resolve, reject) => {
      const id = ++next;
      waiting.set(id, { resolve: resolve as (v: unknown) => void, reject, method });
      ws.send(JSON.stringify({ id, method, params }));
    });

  ws.on('message', (data) => {
    const m = JSON.parse(String(data)) as {
      id?: number;
      type: string;
      result?: unknown;
      error?: string;
      message?: string;
      method?: string;
      params?: Json;
    };
    if (m.id !== undefined && waiting.has(m.id)) {
      const w = waiting.get(m.id)!;
      waiting.delete(m.id);
      if (m.type === 'success') w.resolve(m.result);
      else w.reject(new Error(`${w.method}: ${m.error}: ${m.message}`));
    } else if (m.method === 'network.beforeRequestSent' && (m.params as { isBlocked?: boolean }).isBlocked) {
      const request = (m.params as { request: { request: string; url: string } }).request;
      const url = new URL(request.url);
      const page = site.get(url.pathname + url.search) ?? site.get(url.pathname);
      void send('network.provideResponse', {
        request: request.request,
        statusCode: page === undefined ? 404 : 200,
        reasonPhrase: page === undefined ? 'Not Found' : 'OK',
        headers: [{ name: 'content-type', value: { type: 'string', value: 'text/html; charset=utf-8' } }],
        body: { type: 'string', value: page ?? '' },
      }).catch(() => undefined);
    }
  });

  await send('session.new', { capabilities: {} });
  await send('webExtension.install', { extensionData: { type: 'path', path: FIREFOX_EXTENSION_DIR } });
  await send('session.subscribe', { events: ['network.beforeRequestSent'] });
  await send('network.addIntercept', {
    phases: ['beforeRequestSent'],
    urlPatterns: [{ type: 'pattern', protocol: 'https', hostname: 'huggingface.co' }],
  });

  const evaluate = async <T>(context: string, expression: string): Promise<T> => {
    const r = await send<{ type: string; result?: { value?: unknown }; exceptionDetails?: { text: string } }>('script.evaluate', {
      expression,
      target: { context },
      awaitPromise: true,
      resultOwnership: 'none',
      serializationOptions: { maxObjectDepth: 4 },
    });
    if (r.type === 'exception') throw new Error(`in the page: ${r.exceptionDetails?.text}`);
    return deserialize(r.result) as T;
  };

  return {
    send,
    site,
    extensionUrl: (page) => `moz-extension://${EXTENSION_UUID}/${page}`,
    async open(url) {
      const { context } = await send<{ context: string }>('browsingContext.create', { type: 'tab' });
      await send('browsingContext.navigate', { context, url, wait: 'complete' });
      return context;
    },
    evaluate,
    async until(context, expression, ms = 10_000) {
      const end = Date.now() + ms;
      for (;;) {
        const value = await evaluate<unknown>(context, expression).catch(() => undefined);
        if (value) return value as never;
        if (Date.now() > end) throw new Error(`Timed out after ${ms} ms waiting for: ${expression}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    async close() {
      await send('session.end', {}).catch(() => undefined);
      ws.close();
      proc.kill();
      await new Promise((r) => (proc.exitCode !== null ? r(undefined) : proc.once('exit', r)));
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** BiDi's remote values (`{ type: 'number', value: 3 }`, lists, objects) as plain values. */
function deserialize(v: unknown): unknown {
  const r = v as { type?: string; value?: unknown } | undefined;
  if (!r || typeof r !== 'object') return r;
  switch (r.type) {
    case 'array':
      return (r.value as unknown[]).map(deserialize);
    case 'object':
      return Object.fromEntries(
        (r.value as Array<[unknown, unknown]>).map(([k, val]) => [typeof k === 'string' ? k : deserialize(k), deserialize(val)]),
      );
    case 'undefined':
      return undefined;
    default:
      return r.value;
  }
}
