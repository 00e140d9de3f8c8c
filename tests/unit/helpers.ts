import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const FIXTURES = join(import.meta.dirname, '../fixtures');

export function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

/** A saved page as its own Document (for the parser, which takes its document as a parameter). */
export function parseHtml(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

/** Makes the test window show a saved page at a URL (for code that watches the live document). */
export function showPage(html: string, url: string) {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
  const doc = parseHtml(html);
  document.documentElement.innerHTML = doc.documentElement.innerHTML;
  document.body.className = doc.body.className;
}

export const DAILY = 'hf/hf-daily-2026-09-28.excerpt.html';
