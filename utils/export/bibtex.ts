/**
 * BibTeX: one `@misc` entry per paper, as arXiv itself exports them (eprint, archivePrefix), with
 * the DOI arXiv registers, the abstract, and the user's tags (`keywords`) and note (`annote`,
 * which bibliography styles do not print). Keys come from common.ts. Text is escaped for LaTeX;
 * non-ASCII letters are kept as UTF-8, which BibTeX 0.99d, biber and every modern reader accept.
 */
import { arxivDoi, arxivUrl } from '../links';
import { citationKeys } from './common';
import { paperDate, splitName } from '../citation';
import type { Item } from '../model';
import { oneLine, paragraphs } from '../text';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * LaTeX's special characters as commands. Braces become commands too: BibTeX counts `\{` as a
 * brace, so a lone one would unbalance the field and swallow the rest of the file.
 */
const SPECIAL: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\textbraceleft{}',
  '}': '\\textbraceright{}',
  '%': '\\%',
  '&': '\\&',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '^': '\\textasciicircum{}',
  '~': '\\textasciitilde{}',
  // In LaTeX's default (OT1) encoding a bare < or > prints as ¡ or ¿.
  '<': '\\textless{}',
  '>': '\\textgreater{}',
};

export function escapeLatex(text: string): string {
  if (!/[\\{}%&$#_^~<>]/.test(text)) return text;
  return text.replace(/[\\{}%&$#_^~<>]/g, (c) => SPECIAL[c]!);
}

/** Words with a capital after their first letter (LLMs, GPT-4, ImageNet) keep their case in every style. */
export function bibTitle(title: string): string {
  return oneLine(title)
    .split(' ')
    .map((w) => (/\p{Lu}/u.test(w.slice(1)) ? `{${escapeLatex(w)}}` : escapeLatex(w)))
    .join(' ');
}

export function bibName(raw: string): string {
  const n = splitName(raw);
  if (n.literal || !n.family) return `{${escapeLatex(oneLine(n.literal ?? raw))}}`;
  const protect = (s: string) => (/\band\b/i.test(s) ? `{${escapeLatex(s)}}` : escapeLatex(s));
  return n.given ? `${protect(n.family)}, ${protect(n.given)}` : protect(n.family);
}

export function toBibtex(items: Item[]): string {
  const keys = citationKeys(items);
  const out: string[] = [];
  for (const p of items) {
    const date = paperDate(p);
    const fields: Array<[string, string | undefined]> = [
      ['title', `{${bibTitle(p.title)}}`],
      ['author', p.authors.length ? `{${p.authors.map(bibName).join(' and ')}}` : undefined],
      ['year', date ? `{${date.year}}` : undefined],
      ['month', date ? MONTHS[date.month - 1] : undefined],
      ['eprint', `{${p.id}}`],
      ['archivePrefix', '{arXiv}'],
      ['doi', `{${arxivDoi(p.id)}}`],
      ['url', `{${arxivUrl(p.id)}}`],
      ['abstract', p.abstract?.trim() ? `{${escapeLatex(paragraphs(p.abstract))}}` : undefined],
      // Readers take keywords verbatim (a list to filter by, not text to typeset): only what would
      // break the list (braces, commas) is left out.
      ['keywords', p.entry?.tags.length ? `{${p.entry.tags.map((t) => oneLine(t.replace(/[{},]/g, ' '))).join(', ')}}` : undefined],
      ['annote', p.entry?.note.trim() ? `{${escapeLatex(paragraphs(p.entry.note))}}` : undefined],
    ];
    const body = fields
      .filter((f): f is [string, string] => f[1] !== undefined)
      .map(([k, v]) => `  ${k} = ${v}`)
      .join(',\n');
    out.push(`@misc{${keys.get(p.id)},\n${body}\n}\n`);
  }
  return out.join('\n');
}
