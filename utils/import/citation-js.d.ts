// citation.js's BibTeX reader ships without types; these are the two functions we call.
declare module '@citation-js/plugin-bibtex/lib-mjs/input/file.js' {
  export interface BibtexEntry {
    type: string;
    label: string;
    properties: Record<string, string | number>;
  }
  /** Splits a .bib file into entries (throws a SyntaxError naming line and column). */
  export function parse(text: string): BibtexEntry[];
}
declare module '@citation-js/plugin-bibtex/lib-mjs/input/entries.js' {
  import type { BibtexEntry } from '@citation-js/plugin-bibtex/lib-mjs/input/file.js';
  /** BibLaTeX entries to CSL-JSON (LaTeX decoded, names split). */
  export function parse(entries: BibtexEntry[]): Array<Record<string, unknown>>;
}
declare module '@citation-js/core/lib-mjs/util/grammar.js' {
  export const Grammar: unknown;
}
declare module '@citation-js/core/lib-mjs/util/translator.js' {
  export const Translator: unknown;
}
declare module '@citation-js/core/lib-mjs/logger.js' {
  const logger: unknown;
  export default logger;
}
declare module '@citation-js/plugin-ris/lib-mjs/ris.js' {
  /** One RIS record (tag → value, or values when repeated) to CSL-JSON, by the RIS specification's mixed old and new tags. */
  export function parseMixed(record: Record<string, string | string[]>): Record<string, unknown>;
}
