/**
 * A send to Zotero from a page, in two steps: find Zotero and where it will save (and how many of
 * the papers were sent to that library before), then, once the user said Send, load the papers,
 * send them (utils/zotero/client.ts) and note in the library those that reached Zotero.
 */
import { loadItems } from '../db/queries';
import type { ShelfDB } from '../db/schema';
import { recordSent, sentRecords } from '../db/zotero';
import { findZotero, type SendOptions, sendToZotero, type ZoteroDeps } from '../zotero/client';
import type { Problem, SendOutcome } from '../zotero/outcome';
import { sentBefore, sentRecord } from '../zotero/record';
import type { ZoteroTarget } from '../zotero/target';

export interface SendEnv extends ZoteroDeps {
  db: ShelfDB;
  now?: () => number;
  batchSize?: number;
}

export type Found = { kind: 'ok'; target: ZoteroTarget; version: string; message: string; count: number; alreadySent: number } | Problem;

/** Whether Zotero can take these papers, where they would go, and how many it has had before. Sends nothing. */
export async function prepareSend(ids: readonly string[], env: SendEnv): Promise<Found> {
  const found = await findZotero(env);
  if (found.kind !== 'ok') return found;
  const records = await sentRecords(env.db, ids);
  const alreadySent = ids.filter((id) => sentBefore(records.get(id), found.target)).length;
  return { ...found, count: ids.length, alreadySent };
}

export interface RunOptions {
  /** The target the user was shown: if Zotero's selection changed since, nothing is sent. */
  target: Pick<ZoteroTarget, 'id'>;
  /** Send papers sent to this library before too. */
  force?: boolean;
  signal?: AbortSignal;
  onProgress?: SendOptions['onProgress'];
}

export async function runSend(ids: readonly string[], { target, force, signal, onProgress }: RunOptions, env: SendEnv): Promise<SendOutcome> {
  const [items, records] = await Promise.all([loadItems(env.db, [...ids]), sentRecords(env.db, ids)]);
  let unnoted: string | undefined;
  const outcome = await sendToZotero(items, {
    ...env,
    sentBefore: (id) => records.get(id),
    // Noted batch by batch: a page closed mid-send still knows what reached Zotero.
    onSaved: async (saved, to) => {
      try {
        await recordSent(env.db, saved, sentRecord(to, (env.now ?? Date.now)()));
      } catch (err) {
        unnoted ??= err instanceof Error ? err.message : String(err);
      }
    },
    expected: target,
    ...(force ? { force } : {}),
    ...(signal ? { signal } : {}),
    ...(onProgress ? { onProgress } : {}),
    ...(env.batchSize ? { batchSize: env.batchSize } : {}),
  });
  if (!unnoted) return outcome;
  const message = `${outcome.message} But HF Papers Shelf could not note that they were sent (${unnoted}): sending them again will make copies in Zotero.`;
  return { ...outcome, message };
}
