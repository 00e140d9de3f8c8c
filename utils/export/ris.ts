/**
 * RIS, as Zotero, Mendeley and EndNote import it: one record per paper, tagged lines, CRLF.
 * Type JOUR with arXiv as the source (how Google Scholar and most tools write arXiv papers; the
 * RIS types for preprints are read differently by each importer). Fields are one line each.
 */
import { arxivDoi, arxivUrl, pdfUrl } from '../links';
import { citationKeys } from './common';
import { paperDate, splitName } from '../citation';
import type { Item } from '../model';
import { oneLine } from '../text';

const line = (tag: string, value: string | number | undefined) =>
  value === undefined || value === '' ? '' : `${tag}  - ${oneLine(String(value))}\r\n`;

const pad = (n: number) => String(n).padStart(2, '0');

export function risName(raw: string): string {
  const n = splitName(raw);
  return n.family ? (n.given ? `${n.family}, ${n.given}` : n.family) : (n.literal ?? raw);
}

export function toRis(items: Item[]): string {
  const keys = citationKeys(items);
  let out = '';
  for (const p of items) {
    const d = paperDate(p);
    out += line('TY', 'JOUR');
    out += line('ID', keys.get(p.id));
    out += line('TI', p.title);
    for (const a of p.authors) out += line('AU', risName(a));
    if (d) {
      out += line('PY', d.year);
      out += line('DA', `${d.year}/${pad(d.month)}/${d.day ? pad(d.day) : ''}/`);
    }
    out += line('T2', 'arXiv');
    out += line('PB', 'arXiv');
    out += line('M1', `arXiv:${p.id}`);
    out += line('DO', arxivDoi(p.id));
    out += line('UR', arxivUrl(p.id));
    out += line('L1', pdfUrl(p.id));
    out += line('AB', p.abstract);
    for (const t of p.entry?.tags ?? []) out += line('KW', t);
    out += line('N1', p.entry?.note);
    out += 'ER  - \r\n\r\n';
  }
  return out;
}
