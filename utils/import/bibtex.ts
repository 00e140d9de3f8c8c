/**
 * A BibTeX or biblatex file's arXiv papers, as the tools write them: arXiv's own (`eprint`,
 * `archivePrefix`), biblatex (`eprinttype`, `eprintclass`), DBLP (`journal = {CoRR}`, `volume =
 * {abs/…}`), Google Scholar (`journal = {arXiv preprint arXiv:…}`), Zotero, Mendeley (its
 * `mendeley-tags`), Paperpile, arXiv URLs and DOIs. citation.js reads the file (its grammar, LaTeX
 * decoding, name splitting). Loaded only when a BibTeX file is imported.
 */
import { parse as parseFile, type BibtexEntry } from '@citation-js/plugin-bibtex/lib-mjs/input/file.js';
import { parse as toCsl } from '@citation-js/plugin-bibtex/lib-mjs/input/entries.js';
import { type ArxivRef, eprintRef, idsIn, oldStyleIdIn } from '../ids';
import { clip, oneLine } from '../text';
import { cslDay, cslNames, cslYear, splitList } from './csl';
import { Collector } from './collect';
import { progressTicker } from './progress';
import { ImportError, type ReadOptions, type ReadResult } from './types';

/** Fields that may name the paper in passing (a URL, a DOI, "arXiv preprint arXiv:…"), most specific first. */
const TEXT_FIELDS = ['doi', 'url', 'ee', 'journal', 'journaltitle', 'note', 'howpublished', 'number', 'pages', 'eid'];

const isArxiv = (s: string | undefined) => !s || /^\s*arxiv\s*$/i.test(s);

export function arxivRefOf(entry: BibtexEntry): ArxivRef | undefined {
  const p = Object.fromEntries(Object.entries(entry.properties).map(([k, v]) => [k, String(v)]));
  const cls = p.primaryclass ?? p.eprintclass;
  // An eprint of another archive (`eprinttype = {pubmed}`) is not an arXiv id.
  if (p.eprint && isArxiv(p.archiveprefix ?? p.eprinttype)) {
    const ref = eprintRef(p.eprint, cls);
    if (ref) return ref;
  }
  for (const field of ['arxivid', 'arxiv']) {
    const ref = p[field] ? eprintRef(p[field], cls) : undefined;
    if (ref) return ref;
  }
  // DBLP: `journal = {CoRR}, volume = {abs/2302.06984}` (old-style: `volume = {cs.DS/0310049}`).
  if (/\bcorr\b/i.test(p.journal ?? p.journaltitle ?? '') && p.volume) {
    const ref = eprintRef(p.volume.replace(/^abs\//i, ''));
    if (ref) return ref;
  }
  for (const field of TEXT_FIELDS) {
    const text = p[field];
    if (text === undefined) continue;
    // Elsewhere a bare number is a page or an issue, not an id: it must look like arXiv's.
    const id = idsIn(text.replace(/^\d{4}\.\d{4,5}$/, ''))[0];
    if (id) return { id };
    const old = oldStyleIdIn(text);
    if (old) return { id: old, oldStyle: true };
  }
  return undefined;
}

/** An entry that says it is an arXiv paper without saying which (Paperpile's `journal = "arXiv [cs.CL]"`). */
function mentionsArxiv(entry: BibtexEntry): boolean {
  const p = entry.properties;
  return ['archiveprefix', 'eprinttype', 'journal', 'journaltitle', 'publisher'].some((f) => /arxiv/i.test(String(p[f] ?? '')));
}

/** CSL rich text (from LaTeX \emph, \textbf, sub/superscripts) as plain text. */
const plain = (s: unknown) => (typeof s === 'string' ? oneLine(s.replace(/<\/?(?:i|b|sup|sub|span[^>]*)>/g, '')) || undefined : undefined);

function userData(entry: BibtexEntry, csl: Record<string, unknown>): { tags: string[]; note?: string } {
  const p = entry.properties;
  // Mendeley writes the paper's keywords and the user's tags in `keywords`, and the user's alone in `mendeley-tags`.
  const tags = p['mendeley-tags'] !== undefined ? splitList(String(p['mendeley-tags']), /[,;]/) : splitList(csl.keyword, /[,;]/);
  const raw = typeof csl.annote === 'string' ? csl.annote : (p.annotation ?? p.annote);
  const note = typeof raw === 'string' ? raw.trim() : undefined;
  return note ? { tags, note } : { tags };
}

export async function readBibtex(text: string, opts: ReadOptions = {}): Promise<ReadResult> {
  let entries: BibtexEntry[];
  try {
    entries = parseFile(text);
  } catch (err) {
    throw new ImportError(`The BibTeX file could not be read: ${String((err as Error).message).split('\n')[0]}. Nothing was imported.`);
  }
  const out = new Collector('entry');
  const tick = progressTicker(entries.length, opts);
  for (const [i, entry] of entries.entries()) {
    await tick(i + 1);
    const where = `entry ${clip(entry.label || '(no key)', 40)}`;
    let csl: Record<string, unknown>;
    try {
      csl = toCsl([entry])[0] ?? {};
    } catch (err) {
      out.skip(where, `unreadable: ${(err as Error).message}`, 'unreadable');
      continue;
    }
    const fields = { title: plain(csl.title), authors: cslNames(csl.author), abstract: plain(csl.abstract), publishedAt: cslDay(csl.issued) };
    const noId = mentionsArxiv(entry) ? 'names arXiv but no arXiv id (eprint, arXiv URL or DOI)' : 'no arXiv id (eprint, arXiv URL or DOI)';
    out.take(where, arxivRefOf(entry), { fields, year: cslYear(csl.issued), user: userData(entry, csl) }, noId);
  }
  return out.finish(`None of the ${entries.length} BibTeX entries names an arXiv paper (an eprint field, an arXiv URL or DOI, DBLP's CoRR volume).`);
}
