/**
 * What the extension keeps about a paper sent to Zotero, so that sending it again says so rather
 * than making a duplicate. Zotero itself never deduplicates a connector save.
 *
 * "The same Zotero" is the same library, by the name Zotero gives it ("My Library", a group's
 * name): library ids are numbers local to one Zotero installation, names are what sync carries to
 * every computer. Another collection of the same library is the same Zotero (the item would be a
 * second copy); another library is not (a group gets its own copy).
 */
import * as z from 'zod/mini';
import { type ZoteroSent, ZoteroSentSchema } from '../zotero-sent';
import type { ZoteroTarget } from './target';

export { type ZoteroSent, ZoteroSentSchema };

/** At most one record per library, the latest. */
export const ZoteroSentListSchema = z.array(ZoteroSentSchema);

/** The record of an earlier send of this paper to the target's library, if any. */
export function sentBefore(records: readonly ZoteroSent[] | undefined, target: Pick<ZoteroTarget, 'libraryName'>): ZoteroSent | undefined {
  return records?.find((r) => r.libraryName === target.libraryName);
}

export function sentRecord(target: ZoteroTarget, now: number): ZoteroSent {
  return { sentAt: now, libraryName: target.libraryName, target: target.id, path: target.path };
}

/** The records after a send: the new one replaces the same library's. */
export function withSent(records: readonly ZoteroSent[] | undefined, record: ZoteroSent): ZoteroSent[] {
  return [...(records ?? []).filter((r) => r.libraryName !== record.libraryName), record];
}

/** This library's records and another's (a backup's): per Zotero library, the later send. Merging twice changes nothing. */
export function mergeSent(mine: readonly ZoteroSent[] | undefined, theirs: readonly ZoteroSent[]): ZoteroSent[] {
  let out = [...(mine ?? [])];
  for (const r of theirs) {
    const have = sentBefore(out, r);
    if (!have || have.sentAt < r.sentAt) out = withSent(out, r);
  }
  return out;
}
