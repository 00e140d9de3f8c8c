/**
 * Which Zotero versions can take our papers, and in what form. Each threshold is the first
 * release whose source has the feature (tests/harness/ZOTERO-PROTOCOL.md names the commits).
 */

/** Save sessions (`sessionID`) and `/connector/updateSession`: Zotero 5.0.36, February 2018. */
export const MIN_ZOTERO = '5.0.36';
/** The `preprint` item type (schema 15): Zotero 6.0. Older versions fail a whole save on an unknown type. */
const PREPRINT_FROM = '6.0';
/** `updateSession` takes tags as an array; before 8.0 only as one comma-separated string (an array fails with 500). */
const TAG_ARRAY_FROM = '8.0';

/** Numeric parts of a version ("7.0.20", "5.0.97-beta.3+ab12" → [5, 0, 97]); undefined if it has none. */
function parts(version: string): number[] | undefined {
  const m = /^\d+(?:\.\d+)*/.exec(version.trim());
  return m ? m[0].split('.').map(Number) : undefined;
}

/** Negative, zero or positive as `a` is older than, the same as or newer than `b` (missing parts count as 0). */
export function compareVersions(a: string, b: string): number {
  const x = parts(a) ?? [];
  const y = parts(b) ?? [];
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d) return d;
  }
  return 0;
}

/** What a running Zotero can take, from the `X-Zotero-Version` it answers with. */
export interface ZoteroAbilities {
  version: string;
  /** Items go as `preprint`; otherwise as `journalArticle` with arXiv as the journal (as the RIS export writes them). */
  preprint: boolean;
  /** Session tags go as an array, so a tag may contain a comma. */
  tagArray: boolean;
}

/** Undefined when the version is unreadable or older than MIN_ZOTERO. */
export function abilities(version: string): ZoteroAbilities | undefined {
  if (!parts(version) || compareVersions(version, MIN_ZOTERO) < 0) return undefined;
  return {
    version,
    preprint: compareVersions(version, PREPRINT_FROM) >= 0,
    tagArray: compareVersions(version, TAG_ARRAY_FROM) >= 0,
  };
}
