/**
 * RIS (Zotero, Mendeley, EndNote, this extension): records of tagged lines, `TY` to `ER`. The
 * records are split here, with line numbers, a line that is not a tag continuing the field before
 * it; citation.js's RIS plugin maps each record to CSL (the RIS specification's tags, old and
 * new, its names and dates). Loaded only when a RIS file is imported.
 */
import { parseMixed } from '@citation-js/plugin-ris/lib-mjs/ris.js';
import { type ArxivRef, idsIn, oldStyleIdIn } from '../ids';
import { oneLine } from '../text';
import { cslDay, cslNames, cslYear } from './csl';
import { noteText } from './note';
import { Collector } from './collect';
import { progressTicker } from './progress';
import { ImportError, type ReadOptions, type ReadResult } from './types';

export type RisRecord = Record<string, string | string[]>;

/** `TY  - JOUR`: a tag, two spaces (one is tolerated, as Zotero does), a hyphen, a space and the value. */
const TAG_LINE = /^([A-Z][A-Z0-9]) {1,2}-(?: (.*)|\s*)$/;

interface Located {
  record: RisRecord;
  line: number;
  complete: boolean;
}

export function splitRis(text: string): Located[] {
  const out: Located[] = [];
  let current: Located | undefined;
  let field: string | undefined;
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((raw, i) => {
    const m = TAG_LINE.exec(raw.trimEnd());
    if (!m) {
      // A line that is not a tag continues the field before it (Zotero writes notes over several
      // lines); outside a record it is ignored, as Zotero ignores a file's first lines.
      if (current && field && (raw.trim() || MULTILINE.has(field))) append(current.record, field, raw.trim());
      return;
    }
    const [, tag, value = ''] = m as unknown as [string, string, string?];
    if (tag === 'TY') {
      if (current) out.push(current); // it had no ER: cut short
      current = { record: { TY: value.trim() }, line: i + 1, complete: false };
      field = 'TY';
      return;
    }
    if (!current) {
      if (tag === 'ER') return;
      throw new ImportError(`The RIS file is damaged at line ${i + 1}: ${tag} comes before any record (a record starts with “TY  - ”).`);
    }
    if (tag === 'ER') {
      current.complete = true;
      out.push(current);
      current = undefined;
      field = undefined;
      return;
    }
    add(current.record, tag, value.trim());
    field = tag;
  });
  if (current) out.push(current);
  return out;
}

function add(record: RisRecord, tag: string, value: string) {
  const old = record[tag];
  if (Array.isArray(old)) old.push(value);
  else record[tag] = old === undefined ? value : [old, value];
}

/**
 * Fields whose line breaks are the writer's (Zotero's notes and abstracts; keywords, one a line
 * as EndNote writes them); elsewhere a continuation is a wrapped line.
 */
const MULTILINE = new Set(['N1', 'AB', 'N2', 'KW']);

function append(record: RisRecord, tag: string, more: string) {
  const old = record[tag]!;
  const sep = MULTILINE.has(tag) ? '\n' : ' ';
  const join = (v: string) => (v ? `${v}${sep}${more}` : more);
  if (Array.isArray(old)) old[old.length - 1] = join(old[old.length - 1]!);
  else record[tag] = join(old);
}

const values = (r: RisRecord, tag: string): string[] => [r[tag] ?? []].flat().filter(Boolean);

/** Where a record names its paper: a number (`M1 - arXiv:…`), the DOI, links, the source ("arXiv preprint arXiv:…"). */
const ID_TAGS = ['M1', 'M3', 'AN', 'DO', 'UR', 'L1', 'L2', 'L3', 'L4', 'LK', 'JO', 'JF', 'T2'];

export function risArxivRef(r: RisRecord): ArxivRef | undefined {
  for (const tag of ID_TAGS) {
    for (const text of values(r, tag)) {
      const id = idsIn(text.replace(/^\d{4}\.\d{4,5}$/, ''))[0];
      if (id) return { id };
      const old = oldStyleIdIn(text);
      if (old) return { id: old, oldStyle: true };
    }
  }
  return undefined;
}

export async function readRis(text: string, opts: ReadOptions = {}): Promise<ReadResult> {
  const records = splitRis(text);
  if (!records.length) throw new ImportError('The RIS file holds no record (no line starting with “TY  - ”). Nothing was imported.');
  const out = new Collector('record');
  const tick = progressTicker(records.length, opts);
  for (const [i, { record, line, complete }] of records.entries()) {
    await tick(i + 1);
    const where = `record ${i + 1} (line ${line})`;
    if (!complete) {
      out.skip(where, 'cut short: it has no ER line', 'unreadable');
      continue;
    }
    let csl: Record<string, unknown>;
    try {
      csl = parseMixed(record);
    } catch (err) {
      out.skip(where, `unreadable: ${(err as Error).message}`, 'unreadable');
      continue;
    }
    const fields = {
      title: typeof csl.title === 'string' ? oneLine(csl.title) : undefined,
      authors: cslNames(csl.author),
      abstract: typeof csl.abstract === 'string' ? csl.abstract.trim() : undefined,
      publishedAt: cslDay(csl.issued),
    };
    // Zotero splits keywords at line breaks and semicolons; so does this.
    const tags = values(record, 'KW').flatMap((k) =>
      k
        .split(/[\n;]/)
        .map((t) => oneLine(t))
        .filter(Boolean),
    );
    const note = values(record, 'N1').map(noteText).filter(Boolean).join('\n\n');
    const user = note ? { tags, note } : { tags };
    out.take(where, risArxivRef(record), { fields, year: cslYear(csl.issued), user }, 'no arXiv id (arXiv number, URL or DOI)');
  }
  return out.finish(`None of the ${records.length} RIS records names an arXiv paper (an arXiv number, URL or DOI).`);
}
