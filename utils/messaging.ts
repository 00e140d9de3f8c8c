/**
 * Sending a request to the background from any context (content script, popup, library page).
 * Kept free of Zod so the content script stays small: validation happens where requests land.
 */
import { browser } from 'wxt/browser';
import type { ErrorCode, Envelope, Replies, Reply, RequestInput, RequestName } from './protocol';

export type RequestOutput<K extends RequestName> = Replies[K];

export class RequestError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Chrome stops an idle background worker; a request that arrives while it restarts, or whose
 * worker dies before answering, fails with one of these. Every request is idempotent, so it is
 * sent again.
 */
const TRANSIENT = /Receiving end does not exist|Could not establish connection|message (port|channel) closed|No SW|no reply/i;

export async function request<K extends RequestName>(type: K, payload: RequestInput<K>): Promise<RequestOutput<K>> {
  const envelope: Envelope<K> = { hfp: 1, type, payload };
  for (let attempt = 0; ; attempt++) {
    try {
      const reply = (await browser.runtime.sendMessage(envelope)) as Reply<RequestOutput<K>> | undefined;
      if (!reply) throw new Error('no reply from the background');
      if (reply.ok) return reply.value;
      throw new RequestError(reply.code, reply.message);
    } catch (err) {
      // 50, 100, 200, 400, 800 ms: a worker restarting on a busy machine has 1.5 s to come back.
      if (err instanceof RequestError || attempt >= 5 || !TRANSIENT.test(String(err))) throw err;
      await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
    }
  }
}
