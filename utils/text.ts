/** Text as the extension shows, stores and writes it: on one line, in paragraphs, or clipped. */

/**
 * Text on one line: runs of whitespace, line breaks included, become one space, and the ends are
 * trimmed. Most text needs nothing done; it is returned as it is, without a copy (10,000
 * abstracts are 13 MB).
 */
export function oneLine(s: string): string {
  // Any whitespace but a plain space, two spaces, or a space at either end.
  return /[^\S ]| {2}|^ | $/.test(s) ? s.replace(/\s+/g, ' ').trim() : s;
}

/** Longer text (abstract, note): its line breaks kept, never a blank line, other whitespace runs one space. */
export function paragraphs(s: string): string {
  if (!/\s\s|[\t\r\f\v]|^\s|\s$/.test(s)) return s;
  return s
    .split(/\r\n|\r|\n/)
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

/** At most `n` characters, an ellipsis marking a cut. */
export const clip = (s: string, n = 60) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
