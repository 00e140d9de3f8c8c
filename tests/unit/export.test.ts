/**
 * Every export format, read back by a third-party parser: BibTeX by @retorquere/bibtex-parser
 * (Better BibTeX's), CSV by csv-parse, RIS and CSL-JSON by citation.js (rendered through
 * citeproc), over the awkward library. Nothing is compared with a hard-coded file.
 */
import { describe, expect, it } from 'vitest';
import { parse as parseBib } from '@retorquere/bibtex-parser';
import { parse as parseCsv } from 'csv-parse/sync';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-ris';
import '@citation-js/plugin-csl';
import { toBibtex } from '../../utils/export/bibtex';
import { toCsv, CSV_COLUMNS } from '../../utils/export/csv';
import { toRis } from '../../utils/export/ris';
import { toCslItems, toCslJson } from '../../utils/export/csljson';
import { escapeMarkdown, toMarkdown } from '../../utils/export/markdown';
import { citationKeys } from '../../utils/export/common';
import { splitName } from '../../utils/citation';
import type { Item } from '../../utils/model';
import { awkwardLibrary } from '../fixtures/awkward-library';

function items(): Item[] {
  const { papers, entries } = awkwardLibrary();
  const byId = new Map(entries.map((e) => [e.id, e]));
  return papers.map((p) => ({ ...p, entry: byId.get(p.id) }));
}
const ws = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('BibTeX', () => {
  const bib = toBibtex(items());
  const parsed = parseBib(bib, { sentenceCase: false, caseProtection: false, english: false });

  it('parses cleanly, one entry per paper, with unique keys', () => {
    expect(parsed.errors).toEqual([]);
    expect(parsed.entries).toHaveLength(items().length);
    expect(new Set(parsed.entries.map((e) => e.key)).size).toBe(items().length);
  });

  it('keeps every title, abstract and note as written, through LaTeX escaping', () => {
    for (const p of items()) {
      const e = parsed.entries.find((x) => x.fields.eprint === p.id)!;
      expect(ws(e.fields.title!), p.id).toBe(ws(p.title));
      if (p.abstract) expect(ws(String(e.fields.abstract)), p.id).toBe(ws(p.abstract));
      if (p.entry?.note.trim()) expect(ws(String(e.fields.annote)), p.id).toBe(ws(p.entry.note));
      expect([...(e.fields.keywords ?? [])].sort()).toEqual([...(p.entry?.tags ?? [])].sort());
    }
  });

  it('has arXiv fields, year and month, and every author (200 of them) split into family and given names', () => {
    const p = items()[3]!;
    const e = parsed.entries.find((x) => x.fields.eprint === p.id)!;
    expect(e.type).toBe('misc');
    expect(e.fields).toMatchObject({
      archiveprefix: 'arXiv',
      year: '2025',
      month: '9',
      doi: `10.48550/arXiv.${p.id}`,
      url: `https://arxiv.org/abs/${p.id}`,
    });
    expect(e.fields.author).toHaveLength(200);
    expect(e.fields.author![199]).toEqual({ firstName: 'Author199', lastName: 'Ñúñez-199' });
    const b = parsed.entries.find((x) => x.fields.eprint === items()[1]!.id)!;
    expect(b.fields.author).toEqual([
      { firstName: 'Ludwig', prefix: 'van', lastName: 'Beethoven' },
      { firstName: 'Jean-Luc', lastName: 'Picard' },
      { firstName: 'John', lastName: 'Smith' },
      { firstName: 'Hugging', lastName: 'Face' },
    ]);
    const a = parsed.entries.find((x) => x.fields.eprint === items()[0]!.id)!;
    expect(a.fields.author!.map((n) => ('name' in n ? n.name : `${n.firstName} ${n.lastName}`))).toEqual([
      'Ada Lovelace',
      'Alan "The Bomb" Turing',
      "Miles O'Brien",
      'Rock and Roll',
    ]);
  });

  it('protects the capitals of acronyms and names in titles', () => {
    expect(bib).toContain('{GPT-4o,} {LLMs} and {ImageNet-1k:}');
  });
});

describe('citation keys', () => {
  it('are readable, unique, and stable when papers are added', () => {
    const base = [
      { id: '2401.00001', title: 'Attention again', authors: ['Ashish Vaswani'], publishedAt: '2024-01-02' },
      { id: '2401.00002', title: 'The attention story', authors: ['Ashish Vaswani'], publishedAt: '2024-01-05' },
      { id: '2401.00003', title: '数据', authors: ['张伟'] },
    ] as Item[];
    const keys = citationKeys(base);
    expect([...keys.values()]).toEqual(['vaswani2024attention', 'vaswani2024attentiona', 'arxiv2024']);
    const more = citationKeys([{ id: '2405.00009', title: 'Attention later', authors: ['A. Vaswani'], publishedAt: '2024-05-01' } as Item, ...base]);
    for (const [id, key] of keys) expect(more.get(id)).toBe(key);
    expect(more.get('2405.00009')).toBe('vaswani2024attentionb');
  });

  it('split names as the site writes them', () => {
    expect(splitName('Ludwig van Beethoven')).toEqual({ given: 'Ludwig', family: 'van Beethoven' });
    expect(splitName('Smith, John')).toEqual({ given: 'John', family: 'Smith' });
    expect(splitName('Prince')).toEqual({ literal: 'Prince' });
  });
});

describe('CSV', () => {
  const csv = toCsv(items());
  const rows = parseCsv(csv, { columns: true, relax_column_count: false }) as Array<Record<string, string>>;

  it('is RFC 4180: a header, one record per paper, CRLF, every field intact', () => {
    expect(csv.split('\r\n')[0]).toBe(CSV_COLUMNS.join(','));
    expect(rows).toHaveLength(items().length);
    for (const [i, p] of items().entries()) {
      const r = rows[i]!;
      const title = /^[=+\-@]/.test(p.title) ? `'${p.title}` : p.title;
      expect(r.title).toBe(title);
      expect(r.authors!.split('; ')).toHaveLength(p.authors.length);
      expect(r.abstract).toBe(p.abstract ?? '');
      expect(r.tags).toBe(p.entry?.tags.join('; ') ?? '');
      expect(r.status).toBe(p.entry?.bookmarkedAt !== undefined ? p.entry.status : '');
    }
  });

  it('never hands a spreadsheet a formula, even one followed by a line break, and drops unsafe links', () => {
    for (const r of rows) for (const v of Object.values(r)) expect(v).not.toMatch(/^[=+\-@]/);
    const note = rows.find((r) => r.note!.includes('=1+2'))!;
    expect(note.note).toBe("'=1+2\nsecond line");
    // Links come only from http(s) URLs; a javascript: one in a title or note stays text.
    for (const r of rows) for (const c of ['github', 'project_page', 'hf_url', 'arxiv_url', 'pdf_url']) expect(r[c]).toMatch(/^(https?:\/\/|$)/);
  });
});

describe('RIS', () => {
  it('is read back by citation.js with every title, author and the DOI', async () => {
    const ris = toRis(items());
    expect(ris.split('ER  - ').length - 1).toBe(items().length);
    const read = (await Cite.async(ris, { forceType: '@ris/file' })).data as Array<{ title: string; author: unknown[]; DOI: string }>;
    expect(read).toHaveLength(items().length);
    for (const [i, p] of items().entries()) {
      expect(ws(read[i]!.title)).toBe(ws(p.title));
      expect(read[i]!.author).toHaveLength(p.authors.length);
      expect(read[i]!.DOI).toBe(`10.48550/arXiv.${p.id}`);
    }
  });
});

describe('CSL-JSON', () => {
  it('renders through citeproc (citation.js) as a bibliography naming every paper', async () => {
    const json = toCslJson(items());
    const cite = new Cite(JSON.parse(json));
    const html = cite.format('bibliography', { format: 'html', template: 'apa', lang: 'en-US' }) as string;
    const text = cite.format('bibliography', { format: 'text', template: 'apa', lang: 'en-US' }) as string;
    expect(text.trim().split('\n')).toHaveLength(items().length);
    for (const p of items()) expect(text).toContain(`10.48550/arXiv.${p.id}`);
    expect(text).toContain('Lovelace, A.');
    expect(text).toContain('10.48550/arXiv.2509.10001');
    // Titles are text in the rendered HTML, never markup.
    expect(html).not.toContain('<script>');
    expect(html).toContain('&#60;script&#62;');
    const csl = toCslItems(items());
    expect(csl[1]!.author![0]).toEqual({ family: 'van Beethoven', given: 'Ludwig' });
    expect(csl[0]).toMatchObject({ type: 'article', publisher: 'arXiv', number: 'arXiv:2509.10001', issued: { 'date-parts': [[2025, 9, 1]] } });
  });
});

describe('Markdown', () => {
  it('groups by status with counts and links, and shows text as text', () => {
    const md = toMarkdown(items(), { date: '2026-11-25' });
    expect(md).toMatch(/^# Reading list \(2026-11-25\)/);
    expect(md).toContain('## To read (3)');
    expect(md).toContain('## Reading (3)');
    expect(md).toContain('## Read (3)');
    expect(md).toContain('## Not saved (2)');
    expect(md).toContain('(https://huggingface.co/papers/2509.10001)');
    expect(md).not.toMatch(/(?<!\\)<script/);
    expect(md).not.toMatch(/\]\(javascript:/);
    expect(escapeMarkdown('[x](javascript:alert(1)) <b>')).toBe('\\[x\\]\\(javascript:alert\\(1\\)\\) \\<b\\>');
  });

  it('groups by tag, untagged last', () => {
    const md = toMarkdown(items(), { groupBy: 'tag' });
    const heads = [...md.matchAll(/^## (.+) \(\d+\)$/gm)].map((m) => m[1]);
    expect(heads).toEqual(['\\<b\\>tag\\</b\\>', 'Diffusion', 'RL \\& robotics', '中文', 'No tag']);
  });
});
