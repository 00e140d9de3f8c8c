/**
 * After every request that may have changed the user's data, the sync looks for what changed and
 * stamps it (utils/db/sync-step.ts compares the library with its records, so it needs no list of
 * what each request did). The reply does not wait for it.
 */
import { REQUESTS, type RequestName, type RequestPayload } from '../protocol';
import type { Handlers } from './handlers';
import type { Sync } from './sync';

/** Requests that change nothing that syncs. */
const READS = new Set<RequestName>(['ingest', 'getStates', 'heartbeat', 'pageStates', 'triageInfo']);

export function withSync<H extends Handlers>(handlers: H, sync: Pick<Sync, 'changed'>): H {
  const out = { ...handlers };
  for (const name of Object.keys(REQUESTS) as RequestName[]) {
    if (READS.has(name) || !(name in handlers)) continue;
    const handler = handlers[name] as (payload: unknown) => Promise<unknown>;
    (out as Record<string, unknown>)[name] = async (payload: unknown) => {
      const reply = await handler(payload);
      // An import written by a page names its entries: they may be older than the last look at the library.
      const ids = name === 'libraryChanged' ? (payload as RequestPayload<'libraryChanged'>).ids : [];
      void sync.changed(ids).catch((e) => console.warn('[hfp] sync: stamping the edit failed:', e));
      return reply;
    };
  }
  return out;
}
