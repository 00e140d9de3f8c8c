/**
 * What an import says afterwards (one line of counts, details grouped by reason), and the
 * progress it reports while reading and saving a large file.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ShelfDB } from '../../utils/db/schema';
import { importIncoming } from '../../utils/db/import';
import { readImportText } from '../../utils/import/read';
import { describeImport } from '../../utils/import/summary';
import type { ImportProgress } from '../../utils/import/types';
import { toBibtex } from '../../utils/export/bibtex';
import { toCsv } from '../../utils/export/csv';
import { generatedLibrary } from '../fixtures/generated-library';
import { fixture } from './helpers';

let db: ShelfDB;
beforeEach(() => {
  db = new ShelfDB(`summary-${Math.random()}`);
});
afterEach(() => db.delete());

describe('the summary', () => {
  it('one line of counts by reason, in the file’s own words (entries, rows, records), and every skipped one listed by group', async () => {
    const summary = await importIncoming(db, await readImportText(fixture('import/dblp.bib'), 'dblp.bib'), 1e12);
    const { line, groups } = describeImport(summary);
    expect(line).toBe(
      '4 papers imported: 4 added · 2 entries name no arXiv paper (2 can be looked up by title on Hugging Face)' +
        ' · 1 old-style arXiv id (cs.DS/0310049): Hugging Face lists only papers from 2007 on · 1 duplicate',
    );
    expect(groups.map((g) => [g.reason, g.items.map((k) => k.where)])).toEqual([
      ['no-arxiv', ['entry DBLP:conf/nips/KrizhevskySH12', 'entry DBLP:conf/nips/VaswaniSPUJGKP17']],
      ['old-style', ['entry DBLP:journals/corr/cs-DS-0310049']],
      ['duplicate', ['entry DBLP:journals/corr/abs-2106-09685']],
    ]);
    const again = describeImport(await importIncoming(db, await readImportText(fixture('import/dblp.bib'), 'dblp.bib'), 2e12));
    expect(again.line.startsWith('4 papers imported: 0 added, 4 unchanged · 2 entries')).toBe(true);
  });

  it('counts in the singular and the plural; values left out and unreadable rows are their own groups', () => {
    const skip = (reason: 'unreadable' | 'ignored-value', i: number) => ({ where: `row ${i}`, why: 'x', reason });
    const { line, groups } = describeImport({
      kind: 'csv',
      added: 1,
      updated: 2,
      unchanged: 0,
      skipped: [
        skip('ignored-value', 2),
        skip('unreadable', 3),
        skip('ignored-value', 4),
        { where: 'row 5', why: 'no arXiv id', reason: 'no-arxiv' },
      ],
      oldStyle: [],
    });
    expect(line).toBe(
      '3 papers imported: 1 added, 2 updated · 1 row names no arXiv paper · 1 row could not be read · 2 values not understood and left out',
    );
    expect(groups.find((g) => g.reason === 'ignored-value')!.items.map((k) => k.where)).toEqual(['row 2', 'row 4']);
  });

  it('names old-style ids by the first few', () => {
    const oldStyle = ['hep-th/9901001', 'math/0601001', 'cs/0310049', 'quant-ph/9508027'].map((id) => ({
      where: id,
      id,
      oldStyle: true as const,
      tags: [],
    }));
    const { line } = describeImport({
      added: 0,
      updated: 0,
      unchanged: 1,
      skipped: oldStyle.map((p) => ({ where: p.where, why: '…', reason: 'old-style' as const })),
      oldStyle,
      kind: 'text',
    });
    expect(line).toBe(
      '1 paper imported: 0 added, 1 unchanged · 4 old-style arXiv ids (hep-th/9901001, math/0601001, cs/0310049 and 1 more): Hugging Face lists only papers from 2007 on',
    );
  });
});

describe('progress', () => {
  it('reading reports every 250 records and pauses so the page can paint; saving reports its start and end', async () => {
    const { papers } = generatedLibrary(1000);
    const bib = toBibtex(papers.map((p) => ({ ...p })));
    const seen: ImportProgress[] = [];
    let pauses = 0;
    const onProgress = (p: ImportProgress) => seen.push(p);
    const incoming = await readImportText(bib, 'big.bib', { onProgress, pause: async () => void pauses++ });
    await importIncoming(db, incoming, 1e12, { onProgress });
    expect(seen).toEqual([
      ...[250, 500, 750, 1000].map((done) => ({ phase: 'reading', done, total: 1000 })),
      { phase: 'saving', done: 0, total: 1000 },
      { phase: 'saving', done: 1000, total: 1000 },
    ]);
    expect(pauses).toBe(4);
  });

  it('without a listener nothing pauses', async () => {
    let pauses = 0;
    const csv = toCsv(generatedLibrary(600).papers);
    const incoming = await readImportText(csv, 'big.csv', { pause: async () => void pauses++ });
    expect(incoming.kind).toBe('csv');
    expect(pauses).toBe(0);
  });
});
