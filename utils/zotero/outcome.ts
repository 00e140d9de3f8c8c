/**
 * What came of talking to Zotero, for the user: every outcome carries a message that says what
 * happened and what to do. Pure: the lead's UI shows `message` and stores `report.sent`.
 */
import type { Reply } from './connector';
import { MIN_ZOTERO } from './version';
import { type ZoteroTarget, targetLabel } from './target';

export type ProblemKind = 'zotero-absent' | 'zotero-too-old' | 'permission-missing' | 'refused' | 'error' | 'cancelled';

export interface Problem {
  kind: ProblemKind;
  message: string;
}

/** Paper ids by what became of them; every paper asked for is in exactly one list. */
export interface SendReport {
  /** Saved in Zotero: store a record for these (record.ts). */
  sent: string[];
  /** Sent to this library before and skipped (no `force`). */
  alreadySent: string[];
  /** Not saved: Zotero said so, or the send stopped before them. Safe to send again. */
  unsent: string[];
  /** Zotero did not answer in time: they may or may not be in Zotero. */
  uncertain: string[];
}

export type TargetOutcome = { kind: 'ok'; target: ZoteroTarget; version: string; message: string } | Problem;

export type SendOutcome = ({ kind: 'ok' } | Problem) & { message: string; report: SendReport; target?: ZoteroTarget; version?: string };

export const papers = (n: number) => `${n} paper${n === 1 ? '' : 's'}`;
const were = (n: number) => (n === 1 ? 'was' : 'were');

export const PERMISSION_MISSING: Problem = {
  kind: 'permission-missing',
  message:
    'HF Papers Shelf needs your permission to reach Zotero on this computer (127.0.0.1): it was not given. ' +
    'Send again and choose “Allow” when the browser asks; nothing else changes.',
};

export const CANCELLED: Problem = { kind: 'cancelled', message: 'Sending stopped, as you asked.' };

export function tooOld(version: string): Problem {
  return {
    kind: 'zotero-too-old',
    message: `Zotero ${version} is too old to receive papers (${MIN_ZOTERO} or newer is needed). Update Zotero (Help › Check for Updates…), then send again.`,
  };
}

/** A reply that is not a success, as the problem to show. `step` names what was being done ("saving papers 1–50"). */
export function problemOf(reply: Exclude<Reply, { kind: 'ok' }>, step: string): Problem {
  switch (reply.kind) {
    case 'unreachable':
      return {
        kind: 'zotero-absent',
        message: 'Zotero is not running, or is still starting. Open Zotero, wait until its window appears, then send again.',
      };
    case 'not-zotero':
      return {
        kind: 'zotero-absent',
        message: `Another program answers on Zotero’s port (23119, status ${reply.status}), so Zotero cannot. Close that program, restart Zotero, then send again.`,
      };
    case 'timeout':
      return {
        kind: 'error',
        message: `Zotero did not answer within ${reply.ms < 1000 ? `${reply.ms} ms` : `${Math.round(reply.ms / 1000)} s`} while ${step}. If a Zotero window is asking something, answer it, then send again.`,
      };
    case 'failed':
      return failed(reply, step);
  }
}

function failed(reply: Extract<Reply, { kind: 'failed' }>, step: string): Problem {
  const said = reply.error ?? (reply.text || `status ${reply.status}`);
  // Zotero answers 404 "No endpoint found" for an endpoint it does not have yet.
  if (reply.status === 404) return tooOld(reply.version);
  if (reply.error === 'CONNECTOR_VERSION_OUTDATED')
    return {
      kind: 'refused',
      message: `Zotero ${reply.version} refused the papers as coming from an outdated connector. Update HF Papers Shelf, then send again.`,
    };
  if (reply.body && typeof reply.body === 'object' && (reply.body as { libraryEditable?: unknown }).libraryEditable === false)
    return {
      kind: 'refused',
      message: 'The library selected in Zotero is read-only. Select My Library or a collection you can edit, then send again.',
    };
  if (reply.error === 'COLLECTION_NOT_FOUND')
    return { kind: 'refused', message: 'The collection selected in Zotero no longer exists. Select another one in Zotero, then send again.' };
  if (reply.status >= 500)
    return {
      kind: 'error',
      message: `Zotero ${reply.version} failed while ${step} (${said}). Its error log (Help › Report Errors…) says why; send again once it is fixed.`,
    };
  return {
    kind: 'refused',
    message: `Zotero ${reply.version} refused the request while ${step} (${reply.status}: ${said}). Update Zotero and HF Papers Shelf, then send again.`,
  };
}

export function readOnlyTarget(target: ZoteroTarget): Problem {
  return {
    kind: 'refused',
    message: `“${targetLabel(target)}” is read-only in Zotero. Select My Library or a collection you can edit in Zotero, then send again.`,
  };
}

/** The summary of a send that went through. */
export function sentMessage(report: SendReport, target: ZoteroTarget, tagNote: string): string {
  const where = targetLabel(target);
  const skipped = report.alreadySent.length;
  if (!report.sent.length && skipped)
    return `Already in Zotero: ${skipped === 1 ? 'this paper was' : `these ${skipped} papers were`} sent to ${target.libraryName} before. Choose “Send again” to add ${skipped === 1 ? 'it' : 'them'} anyway.`;
  const head = `Sent ${papers(report.sent.length)} to Zotero: ${where}.${tagNote}`;
  return skipped ? `${head} ${papers(skipped)} already sent to ${target.libraryName} before ${were(skipped)} skipped.` : head;
}

/** The summary of a send that stopped: the problem, then what did and did not get there. */
export function stoppedMessage(problem: Problem, report: SendReport): string {
  const parts = [problem.message];
  if (report.sent.length) parts.push(`${papers(report.sent.length)} reached Zotero.`);
  if (report.uncertain.length) parts.push(`${papers(report.uncertain.length)} may or may not have: look in Zotero before sending them again.`);
  if (report.unsent.length) parts.push(`${papers(report.unsent.length)} ${were(report.unsent.length)} not sent.`);
  return parts.join(' ');
}
