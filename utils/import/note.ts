/** A note from another tool as the library keeps notes: plain text, its paragraphs kept. */

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? whole;
    const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/**
 * Zotero writes notes as HTML (`<div class="zotero-note znv1"><p>…</p></div>`); the library's
 * notes are text. Only a note that starts as Zotero's do is read as HTML: a note of ours that
 * merely contains `<b>` stays as written.
 */
export function noteText(raw: string): string {
  if (!/^\s*<(?:p|div|h[1-6]|ul|ol|blockquote|pre)[\s>]/i.test(raw)) return raw.trim();
  const text = decode(
    raw
      .replace(/\s*\n\s*/g, ' ')
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/(?:p|div|h[1-6]|blockquote|pre|ul|ol)>/gi, '\n\n')
      .replace(/<\/li>/gi, '\n')
      .replace(/<li[^>]*>/gi, '- ')
      .replace(/<[^>]*>/g, ''),
  );
  return text
    .split('\n')
    .map((l) => l.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
