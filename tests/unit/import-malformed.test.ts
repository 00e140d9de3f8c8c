/**
 * The new kinds of file damaged: each is refused with a message naming the row, line, item or
 * paper, and the library stays byte-identical. Also the rules that find arXiv ids in them
 * (utils/ids.ts: old-style ids, eprint fields) and the CSV's delimiter.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ShelfDB } from '../../utils/db/schema';
import { importIncoming } from '../../utils/db/import';
import { readImportText } from '../../utils/import/read';
import { ImportError } from '../../utils/import/types';
import { arxivRefIn, eprintRef, oldStyleIdIn } from '../../utils/ids';
import { awkwardLibrary } from '../fixtures/awkward-library';

let db: ShelfDB;
beforeEach(async () => {
  db = new ShelfDB(`malformed-${Math.random()}`);
  const { papers, entries, tags } = awkwardLibrary();
  await db.papers.bulkPut(papers);
  await db.entries.bulkPut(entries);
  await db.tags.bulkPut(tags);
});
afterEach(() => db.delete());

const dump = async () => JSON.stringify(await Promise.all([db.papers, db.entries, db.tags, db.settings].map((t) => t.toArray())));

describe('malformed CSV, RIS, CSL-JSON and PaperMemory files', () => {
  const cases: Array<[string, () => string, RegExp]> = [
    [
      'CSV with a quoted cell never closed',
      () => 'arxiv_id,title\r\n2401.00001,"cut short\r\n',
      /CSV file is damaged at row 2: a quoted cell is never closed/,
    ],
    ['CSV whose rows do not fit the header', () => 'arxiv_id,title\n2401.00001,a,b\n', /1 could not be read \(row 2: it has 3 cells, the header 2\)/],
    [
      'RIS with a field before any record',
      () => 'AU  - Doe, J\r\nTY  - JOUR\r\nUR  - https://arxiv.org/abs/2401.00001\r\nER  - \r\n',
      /damaged at line 1: AU comes before any record/,
    ],
    [
      'RIS whose first record lost its TY line',
      () => 'ID  - k\r\nTI  - T\r\nUR  - https://arxiv.org/abs/2401.00001\r\nER  - \r\n',
      /RIS file is damaged at line 1: ID comes/,
    ],
    [
      'RIS cut short',
      () => 'TY  - JOUR\nTI  - T\nUR  - https://arxiv.org/abs/2401.00001\n',
      /could not be read \(record 1 \(line 1\): cut short: it has no ER line\)/,
    ],
    [
      'CSL-JSON with a field of the wrong type',
      () => '[{"id":"k","title":42,"URL":"https://arxiv.org/abs/2401.00001"}]',
      /item 1 \(k\): unreadable: title: /,
    ],
    ['CSL-JSON that is a list of numbers', () => '[1, 2, 3]', /holds a list of 3 CSL-JSON items.*3 could not be read \(item 1: unreadable/],
    [
      'PaperMemory with a damaged data version',
      () => '{"__dataVersion":"x","Arxiv-2401.00001":{"title":"T"}}',
      /PaperMemory file is damaged at __dataVersion/,
    ],
    [
      'PaperMemory whose papers are damaged',
      () => '{"__dataVersion":10100,"Arxiv-2401.00001":{"title":"T","tags":"a,b"}}',
      /paper Arxiv-2401\.00001: unreadable: tags: /,
    ],
  ];
  for (const [name, make, message] of cases) {
    it(`rejects ${name} with a message, the library untouched`, async () => {
      const before = await dump();
      const text = make();
      await expect(readImportText(text, 'test file').then((inc) => importIncoming(db, inc, 1))).rejects.toThrow(message);
      await expect(readImportText(text, 'test file')).rejects.toBeInstanceOf(ImportError);
      expect(await dump()).toBe(before);
    });
  }

  it('refuses JSON that is none of the kinds it reads, saying which those are', async () => {
    await expect(readImportText('{"items": []}', 'x.json')).rejects.toThrow(/not an HF Papers Shelf backup .* nor CSL-JSON .* nor PaperMemory/);
  });
});

describe('arXiv ids in citation fields', () => {
  it('eprint fields: new ids with a prefix or version, old-style ids whole or as number and class', () => {
    expect(eprintRef('arXiv:2302.06984v2')).toEqual({ id: '2302.06984' });
    expect(eprintRef('hep-th/0707.3168')).toEqual({ id: '0707.3168' });
    expect(eprintRef('hep-th/9901001v3')).toEqual({ id: 'hep-th/9901001', oldStyle: true });
    expect(eprintRef('math.AG/0601001')).toEqual({ id: 'math.AG/0601001', oldStyle: true });
    expect(eprintRef('9508027', 'quant-ph')).toEqual({ id: 'quant-ph/9508027', oldStyle: true });
    expect(eprintRef('9508027')).toBeUndefined();
    expect(eprintRef('12345678', 'pubmed')).toBeUndefined();
  });

  it('old-style ids only of arXiv’s archives and of real months, never a path that looks like one', () => {
    expect(oldStyleIdIn('see arXiv:hep-th/9711200v2 and more')).toBe('hep-th/9711200');
    expect(oldStyleIdIn('https://doi.org/10.48550/arXiv.quant-ph/9508027')).toBe('quant-ph/9508027');
    expect(oldStyleIdIn('https://arxiv.org/abs/cs/0310049')).toBe('cs/0310049');
    expect(oldStyleIdIn('https://example.org/items/9901001')).toBeUndefined();
    expect(oldStyleIdIn('hep-th/9913001')).toBeUndefined();
    expect(oldStyleIdIn('xhep-th/9901001')).toBeUndefined();
    expect(arxivRefIn('arXiv:2401.00001 replaces hep-th/9901001')).toEqual({ id: '2401.00001' });
  });
});

describe('CSV delimiters', () => {
  it('takes the header’s delimiter, even when rows hold more semicolons than commas', async () => {
    const header = 'arxiv_id,title,authors,tags';
    const rows = ['2401.00001,A,"A; B; C; D; E; F","x; y; z"', '2401.00002,B,"G; H; I; J",w'];
    const inc = await readImportText([header, ...rows].join('\n'), 'list.csv');
    expect(inc.kind === 'csv' && inc.items.map((i) => [i.paper.id, i.paper.authors, i.tags])).toEqual([
      ['2401.00001', ['A', 'B', 'C', 'D', 'E', 'F'], ['x', 'y', 'z']],
      ['2401.00002', ['G', 'H', 'I', 'J'], ['w']],
    ]);
    const european = await readImportText('arxiv_id;title\n2401.00003;"Semicolons, as Excel writes them in Europe"\n', 'excel.csv');
    expect(european.kind === 'csv' && european.items[0]!.paper).toEqual({ id: '2401.00003', title: 'Semicolons, as Excel writes them in Europe' });
  });
});

describe('RIS continuation lines', () => {
  it('keywords over several lines are several tags, as Zotero reads EndNote’s; a wrapped title is one line', async () => {
    const ris = 'TY  - JOUR\nTI  - A title wrapped\n  over two lines\nKW  - one, two\nthree; four\nUR  - https://arxiv.org/abs/2401.00001\nER  - \n';
    const inc = await readImportText(ris, 'x.ris');
    expect(inc.kind === 'ris' && inc.items[0]).toEqual({
      paper: { id: '2401.00001', title: 'A title wrapped over two lines' },
      tags: ['one, two', 'three', 'four'],
    });
  });
});

describe('JSON lists', () => {
  it('a list of strings is a list of ids or links; a list of objects is CSL-JSON', async () => {
    const ids = await readImportText('["2401.00001", "https://huggingface.co/papers/2401.00002", "hep-th/9901001"]', 'ids.json');
    expect(ids.kind === 'text' && [ids.items.map((i) => i.paper.id), ids.oldStyle?.map((p) => p.id)]).toEqual([
      ['2401.00001', '2401.00002'],
      ['hep-th/9901001'],
    ]);
    expect((await readImportText('[{"URL": "https://arxiv.org/abs/2401.00003"}]', 'x.json')).kind).toBe('csljson');
  });
});
