/**
 * A BibTeX file's arXiv papers. citation.js reads the file (its grammar, LaTeX decoding, name
 * splitting); this keeps the entries that name an arXiv paper and skips the others, saying why.
 * Loaded only when a BibTeX file is imported: it stays out of the popup and the content script.
 */
import { parse as parseFile, type BibtexEntry } from '@citation-js/plugin-bibtex/lib-mjs/input/file.js';
import { parse as toCsl } from '@citation-js/plugin-bibtex/lib-mjs/input/entries.js';
import { idsIn } from '../ids';
import type { PaperFields } from '../model';
import { clip, oneLine } from '../text';
import { ImportError, type ListedPaper, type Skip } from './types';

interface CslName {
  given?: string;
  family?: string;
  literal?: string;
  'non-dropping-particle'?: string;
  'dropping-particle'?: string;
  suffix?: string;
}

/** Where an entry may name its arXiv id, most specific first. */
const ID_FIELDS = ['eprint', 'arxivid', 'arxiv', 'doi', 'url', 'journal', 'note', 'howpublished', 'number', 'pages'];

export function arxivIdOf(entry: BibtexEntry): string | undefined {
  const props = entry.properties;
  for (const field of ID_FIELDS) {
    const value = props[field];
    if (value === undefined) continue;
    const text = String(value);
    // A bare id is taken from eprint-like fields only; elsewhere it must look like arXiv's.
    const id = field === 'eprint' || field === 'arxivid' || field === 'arxiv' ? idsIn(text)[0] : idsIn(text.replace(/^\d{4}\.\d{4,5}$/, ''))[0];
    if (id) return id;
  }
  return undefined;
}

/** CSL rich text (from LaTeX \emph, \textbf, sub/superscripts) as plain text. */
const plain = (s: unknown) => (typeof s === 'string' ? oneLine(s.replace(/<\/?(?:i|b|sup|sub|span[^>]*)>/g, '')) : undefined);

function nameOf(n: CslName): string {
  if (n.literal) return n.literal.trim();
  const family = [n['non-dropping-particle'], n.family].filter(Boolean).join(' ');
  return oneLine([n.given, n['dropping-particle'], family, n.suffix].filter(Boolean).join(' '));
}

function isoDay(issued: unknown): string | undefined {
  const parts = (issued as { 'date-parts'?: number[][] } | undefined)?.['date-parts']?.[0];
  if (!parts || parts.length < 3) return undefined;
  const [y, m, d] = parts as [number, number, number];
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function readBibtex(text: string): { items: ListedPaper[]; skipped: Skip[] } {
  let entries: BibtexEntry[];
  try {
    entries = parseFile(text);
  } catch (err) {
    throw new ImportError(`The BibTeX file could not be read: ${String((err as Error).message).split('\n')[0]}. Nothing was imported.`);
  }
  const items: ListedPaper[] = [];
  const skipped: Skip[] = [];
  const seen = new Set<string>();
  for (const entry of entries) {
    const where = `entry ${clip(entry.label || '(no key)', 40)}`;
    const id = arxivIdOf(entry);
    if (!id) {
      skipped.push({ where, why: 'no arXiv id (eprint, arXiv URL or DOI)' });
      continue;
    }
    if (seen.has(id)) {
      skipped.push({ where, why: `arXiv ${id} appears twice; the first entry was used` });
      continue;
    }
    let csl: Record<string, unknown>;
    try {
      csl = toCsl([entry])[0] ?? {};
    } catch (err) {
      skipped.push({ where, why: `unreadable: ${(err as Error).message}` });
      continue;
    }
    seen.add(id);
    const paper: PaperFields = { id };
    const title = plain(csl.title);
    if (title) paper.title = title;
    const authors = ((csl.author as CslName[] | undefined) ?? []).map(nameOf).filter(Boolean);
    if (authors.length) paper.authors = authors;
    const abstract = plain(csl.abstract);
    if (abstract) paper.abstract = abstract;
    const day = isoDay(csl.issued);
    if (day) paper.publishedAt = day;
    const keywords =
      typeof csl.keyword === 'string'
        ? csl.keyword
            .split(/[,;]/)
            .map((t) => t.trim())
            .filter(Boolean)
        : [];
    const note =
      typeof csl.annote === 'string' ? csl.annote : typeof entry.properties.annotation === 'string' ? entry.properties.annotation : undefined;
    items.push({ paper, tags: keywords, ...(note?.trim() ? { note: note.trim() } : {}) });
  }
  if (!items.length) {
    throw new ImportError(
      `None of the ${entries.length} BibTeX entries names an arXiv paper (an eprint field, an arXiv URL or DOI). Nothing was imported.`,
    );
  }
  return { items, skipped };
}
