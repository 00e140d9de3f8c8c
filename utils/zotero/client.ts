/**
 * "Send to Zotero": papers into the running Zotero desktop app through its connector server, the
 * way Zotero's browser connector saves them. Pure: the caller injects `fetch` and says whether the
 * optional host permission is granted (without it the browser blocks every request, which looks
 * exactly like Zotero being absent, so the client must be told).
 *
 * A send is: ping (is it Zotero, which version), getSelectedCollection (where it will save), then
 * per batch saveItems with a fresh session id and updateSession with the user's tags and that
 * target. Tags go through updateSession because Zotero saves an item's own tags as automatic tags,
 * and drops them altogether when the user turned automatic tags off; a session's tags are the
 * user's own. A session's tags apply to all its items, so a batch holds papers with the same tags.
 */
import type { Item } from '../model';
import { callZotero, type Fetch, ZOTERO_URL } from './connector';
import { toZoteroItem, zoteroTags } from './items';
import {
  CANCELLED,
  PERMISSION_MISSING,
  type Problem,
  type SendOutcome,
  type SendReport,
  type TargetOutcome,
  papers,
  problemOf,
  readOnlyTarget,
  sentMessage,
  stoppedMessage,
  tooOld,
} from './outcome';
import { sentBefore, type ZoteroSent } from './record';
import { readTarget, type ZoteroTarget, targetLabel } from './target';
import { abilities, type ZoteroAbilities } from './version';

export interface ZoteroDeps {
  fetch: Fetch;
  /** Whether the optional permission for http://127.0.0.1/* is granted (connector.ts ZOTERO_PERMISSION). */
  hasPermission: () => boolean | Promise<boolean>;
  /** Zotero's address; only tests change it. */
  url?: string;
  /** For ping, getSelectedCollection and updateSession; Zotero's connector waits 15 s. */
  timeoutMs?: number;
  /** For one batch of saveItems. */
  saveTimeoutMs?: number;
  newSessionId?: () => string;
}

export interface SendOptions extends ZoteroDeps {
  /** The paper's records of earlier sends (record.ts), as stored with its entry. */
  sentBefore: (id: string) => readonly ZoteroSent[] | undefined;
  /** Send papers already sent to this library too (the user chose "Send again"). */
  force?: boolean;
  /** The target the user was shown (findZotero); if Zotero's selection changed since, nothing is sent. */
  expected?: Pick<ZoteroTarget, 'id'>;
  /** Papers per saveItems request: one database transaction in Zotero, all saved or none. */
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
  /** Each batch Zotero saved, as soon as it did (to note it: a page closed mid-send keeps what reached Zotero). */
  onSaved?: (ids: string[], target: ZoteroTarget) => Promise<void> | void;
  /** Stops the send between batches: the batch under way finishes (Zotero saves it whole or not at all). */
  signal?: AbortSignal;
}

export const BATCH_SIZE = 50;

type Found = { kind: 'ok'; target: ZoteroTarget; abilities: ZoteroAbilities };

async function connect(deps: ZoteroDeps): Promise<Found | Problem> {
  if (!(await deps.hasPermission())) return PERMISSION_MISSING;
  const url = deps.url ?? ZOTERO_URL;
  const timeout = deps.timeoutMs ?? 15_000;
  const ping = await callZotero(deps.fetch, url, 'ping', {}, timeout);
  if (ping.kind !== 'ok') return problemOf(ping, 'checking that Zotero is running');
  const able = abilities(ping.version);
  if (!able) return tooOld(ping.version);
  // As the connector's save window asks: a read-only selection makes Zotero switch to My Library.
  const selected = await callZotero(deps.fetch, url, 'getSelectedCollection', { switchToReadableLibrary: true }, timeout);
  if (selected.kind !== 'ok') return problemOf(selected, 'asking where Zotero will save');
  const target = readTarget(selected.body);
  if (!target)
    return {
      kind: 'error',
      message: `Zotero ${ping.version} did not say where it will save, in a form HF Papers Shelf knows. Update HF Papers Shelf, then send again.`,
    };
  if (target.readOnly) return readOnlyTarget(target);
  return { kind: 'ok', target, abilities: able };
}

/** Whether Zotero can take papers, and where they would go: to show before sending. Sends nothing. */
export async function findZotero(deps: ZoteroDeps): Promise<TargetOutcome> {
  const found = await connect(deps);
  if (found.kind !== 'ok') return found;
  return { kind: 'ok', target: found.target, version: found.abilities.version, message: `Zotero will save to ${targetLabel(found.target)}.` };
}

interface Batch {
  items: Item[];
  tags: string[];
}

/** Papers with the same tags together, in the order first met, at most `size` a batch. */
export function batchesOf(items: readonly Item[], size: number): Batch[] {
  const groups = new Map<string, Batch>();
  for (const p of items) {
    const tags = zoteroTags(p);
    const key = tags.join('\n');
    const group = groups.get(key) ?? { items: [], tags };
    group.items.push(p);
    groups.set(key, group);
  }
  return [...groups.values()].flatMap((g) => {
    const out: Batch[] = [];
    for (let i = 0; i < g.items.length; i += size) out.push({ items: g.items.slice(i, i + size), tags: g.tags });
    return out;
  });
}

export async function sendToZotero(items: readonly Item[], options: SendOptions): Promise<SendOutcome> {
  const unique = [...new Map(items.map((p) => [p.id, p])).values()];
  const report: SendReport = { sent: [], alreadySent: [], unsent: [], uncertain: [] };
  const found = await connect(options);
  if (found.kind !== 'ok') return { ...found, report: { ...report, unsent: unique.map((p) => p.id) } };
  const { target, abilities: able } = found;
  const base = { target, version: able.version };
  if (options.expected && options.expected.id !== target.id) {
    const message = `The collection selected in Zotero changed to “${targetLabel(target)}”. Check it, then send again to save there.`;
    return { kind: 'refused', message, report: { ...report, unsent: unique.map((p) => p.id) }, ...base };
  }

  const fresh: Item[] = [];
  for (const p of unique) {
    if (!options.force && sentBefore(options.sentBefore(p.id), target)) report.alreadySent.push(p.id);
    else fresh.push(p);
  }
  const batches = batchesOf(fresh, Math.max(1, options.batchSize ?? BATCH_SIZE));
  const newId = options.newSessionId ?? (() => crypto.randomUUID());
  const url = options.url ?? ZOTERO_URL;
  let done = 0;
  for (const [n, batch] of batches.entries()) {
    if (options.signal?.aborted) {
      for (const rest of batches.slice(n)) report.unsent.push(...rest.items.map((p) => p.id));
      return { ...CANCELLED, message: stoppedMessage(CANCELLED, report), report, ...base };
    }
    const ids = batch.items.map((p) => p.id);
    const step = `saving ${papers(ids.length)}`;
    const sessionID = newId();
    const zoteroItems = batch.items.map((p) => toZoteroItem(p, able));
    const save = await callZotero(options.fetch, url, 'saveItems', { sessionID, items: zoteroItems }, options.saveTimeoutMs ?? 60_000);
    let problem: Problem | undefined;
    if (save.kind === 'ok') {
      report.sent.push(...ids);
      await options.onSaved?.(ids, target);
      // Before Zotero 8 a session's tags are one string, split at commas.
      const tags = able.tagArray ? batch.tags : batch.tags.join(',');
      const update = await callZotero(options.fetch, url, 'updateSession', { sessionID, target: target.id, tags }, options.timeoutMs ?? 15_000);
      if (update.kind !== 'ok') {
        const p = problemOf(update, `adding tags to ${papers(ids.length)}`);
        problem = {
          kind: p.kind,
          message: `${p.message} The last ${papers(ids.length)} saved may lack their tags or sit outside “${targetLabel(target)}”.`,
        };
      }
    } else {
      // No answer to a save: Zotero may have saved the batch before it went quiet. A refusal or a 500 saved nothing
      // (Zotero saves a request's items in one transaction).
      (save.kind === 'timeout' || save.kind === 'unreachable' ? report.uncertain : report.unsent).push(...ids);
      problem = problemOf(save, step);
    }
    if (problem) {
      for (const rest of batches.slice(n + 1)) report.unsent.push(...rest.items.map((p) => p.id));
      return { ...problem, message: stoppedMessage(problem, report), report, ...base };
    }
    done += ids.length;
    options.onProgress?.(done, fresh.length);
  }
  const tagged = batches.some((b) => b.tags.length) ? ' Your tags went with them.' : '';
  return { kind: 'ok', message: sentMessage(report, target, tagged), report, ...base };
}
