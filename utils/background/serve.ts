import { browser } from 'wxt/browser';
import { REQUESTS, type Reply, type RequestName } from '../protocol';
import type { Handlers } from './handlers';
import { describeError } from '../db/errors';

/**
 * Answers requests: validates the payload against its schema, runs its handler, replies with
 * a value or a coded error. Browsers pass `sendResponse` (answer through it and return true);
 * a caller without one (WXT's fake browser 1.x) gets the promise instead.
 */
export function serve(handlers: Handlers) {
  browser.runtime.onMessage.addListener((message: unknown, _sender: unknown, sendResponse?: (r: Reply<unknown>) => void) => {
    const reply = answer(handlers, message);
    if (!reply) return false;
    if (typeof sendResponse !== 'function') return reply;
    void reply.then(sendResponse);
    return true;
  });
}

export function answer(handlers: Handlers, message: unknown): Promise<Reply<unknown>> | undefined {
  const env = message as { hfp?: unknown; type?: unknown; payload?: unknown } | null;
  if (env?.hfp !== 1 || typeof env.type !== 'string' || !('payload' in env)) return undefined;
  if (!Object.hasOwn(REQUESTS, env.type)) {
    return Promise.resolve({ ok: false, code: 'unknown-type', message: `Unknown request "${env.type}"` });
  }
  const type = env.type as RequestName;
  const start = performance.now();
  const parsed = REQUESTS[type].safeParse(env.payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
    return Promise.resolve({ ok: false, code: 'invalid', message: `Invalid ${type} request${where}: ${issue?.message ?? 'bad payload'}` });
  }
  const handler = handlers[type] as (payload: unknown) => Promise<unknown>;
  return handler(parsed.data).then(
    (value): Reply<unknown> => {
      measure(type, start);
      return { ok: true, value };
    },
    (err: unknown): Reply<unknown> => ({ ok: false, ...describeError(err) }),
  );
}

/** `hfp:<request>`: validation to stored, in the worker (npm run bench reads these). */
let measured = 0;
function measure(type: RequestName, start: number) {
  // A long-lived worker keeps at most 1,000 of them (a count, not a copy of the list per request).
  if (++measured > 1000) {
    performance.clearMeasures();
    measured = 1;
  }
  performance.measure(`hfp:${type}`, { start });
}
