/**
 * Import: the JSON backup round trip, merging (newer wins, tags unioned, idempotent), BibTeX
 * and id lists, and a corpus of malformed files, each rejected with a message naming the
 * problem while the library stays byte-identical.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ShelfDB } from '../../utils/db/schema';
import { backupJson, BACKUP_FORMAT } from '../../utils/backup';
import { makeBackup, writeBackup } from '../../utils/db/backup';
import { withoutRev } from '../../utils/db/rev';
import { toBibtex } from '../../utils/export/bibtex';
import { importIncoming } from '../../utils/db/import';
import { describeImport } from '../../utils/import/summary';
import { readImportFile, readImportText } from '../../utils/import/read';
import { ImportError } from '../../utils/import/types';
import { setBookmarks, addTags, setNote } from '../../utils/db/library';
import { setSettings } from '../../utils/db/settings';
import { awkwardLibrary } from '../fixtures/awkward-library';

let db: ShelfDB;
let other: ShelfDB;
beforeEach(() => {
  db = new ShelfDB(`import-${Math.random()}`);
  other = new ShelfDB(`import-other-${Math.random()}`);
});
afterEach(async () => {
  await db.delete();
  await other.delete();
});

async function fill(target: ShelfDB) {
  const { papers, entries, tags } = awkwardLibrary();
  await target.papers.bulkPut(papers);
  await target.entries.bulkPut(entries);
  await target.tags.bulkPut(tags);
  await setSettings(target, { badge: false });
}

/** Every table, sorted, as one string: "byte-identical" means this is equal. */
async function dump(target: ShelfDB): Promise<string> {
  // `rev` is the database's bookkeeping (utils/db/rev.ts): when a record was written, not what it holds.
  const tables = await Promise.all(
    [target.papers, target.entries, target.tags, target.settings].map(async (t) => (await t.toArray()).map(withoutRev)),
  );
  return JSON.stringify(tables);
}

const importText = async (target: ShelfDB, text: string, now = 9e12) => importIncoming(target, await readImportText(text, 'test file'), now);

describe('JSON backup', () => {
  it('round trip: every kind of field → JSON → empty profile → import → identical', async () => {
    await fill(db);
    const json = backupJson(await makeBackup(db));
    const summary = await importText(other, json);
    expect(await dump(other)).toBe(await dump(db));
    expect(summary).toMatchObject({ added: 11, updated: 0, unchanged: 0, skipped: [] });
  });

  it('is written a chunk of records at a time, one a line, with progress; an abort stops it', async () => {
    await fill(db);
    const steps: number[] = [];
    const parts = await writeBackup(db, undefined, { now: 1, onProgress: (p) => steps.push(p.done) });
    expect(JSON.parse(parts.join(''))).toEqual(JSON.parse(backupJson(await makeBackup(db, undefined, 1))));
    expect(parts.join('').split('\n').length).toBeGreaterThan(10);
    expect(steps.at(-1)).toBe(await db.papers.count());
    const stop = new AbortController();
    stop.abort();
    await expect(writeBackup(db, undefined, { signal: stop.signal })).rejects.toThrow();
  });

  it('holds every paper once, in id order, past several chunks of records', async () => {
    const ids = Array.from({ length: 4500 }, (_, i) => `2501.${String(10_000 + ((i * 7919) % 90_000)).padStart(5, '0')}`);
    await db.papers.bulkPut(ids.map((id, i) => ({ id, title: `Paper ${i}`, authors: [], firstSeenAt: 1, lastSeenAt: 1 })));
    const steps: number[] = [];
    const b = JSON.parse((await writeBackup(db, undefined, { onProgress: (p) => steps.push(p.done) })).join(''));
    expect(b.papers.map((p: { id: string }) => p.id)).toEqual([...new Set(ids)].sort());
    expect(steps).toEqual([2000, 4000, 4500]);
  });

  it('is self-describing and versioned', async () => {
    await fill(db);
    const b = JSON.parse(backupJson(await makeBackup(db, undefined, Date.UTC(2026, 10, 25))));
    expect(b).toMatchObject({
      format: BACKUP_FORMAT,
      version: 1,
      exportedAt: '2026-11-25T00:00:00.000Z',
      scope: 'library',
      settings: { badge: false },
    });
    expect(b.papers).toHaveLength(11);
    expect(b.entries).toHaveLength(10);
    expect(b.tags).toHaveLength(5);
  });

  it('a part: only its papers, their entries and the tags they use', async () => {
    await fill(db);
    const b = await makeBackup(db, ['2509.10002', '2509.10005']);
    expect(b.papers.map((p) => p.id)).toEqual(['2509.10002', '2509.10005']);
    expect(b.tags.map((t) => t.name).sort()).toEqual(['<b>tag</b>', 'Diffusion', 'RL & robotics', '中文']);
    expect(b.scope).toBe('part');
  });

  it('merges: the newer change wins per paper, tags are unioned, importing again changes nothing', async () => {
    const A = '2601.00001';
    const B = '2601.00002';
    await setBookmarks(
      other,
      {
        ids: [A, B],
        on: true,
        papers: [
          { id: A, title: 'A' },
          { id: B, title: 'B' },
        ],
      },
      1000,
    );
    await addTags(other, [A], ['old-tag'], 1001);
    await setNote(other, B, 'note in the backup (older)', 1002);
    const backup = backupJson(await makeBackup(other));
    // The library: A's note changed later, B's note changed later, a tag on A.
    await setBookmarks(
      db,
      {
        ids: [A, B],
        on: true,
        papers: [
          { id: A, title: 'A' },
          { id: B, title: 'B' },
        ],
      },
      500,
    );
    await setNote(db, A, 'note from before the backup', 600);
    await setNote(db, B, 'note in the library (newer)', 5000);
    await addTags(db, [B], ['mine'], 5001);
    const summary = await importText(db, backup, 9000);
    expect(summary).toMatchObject({ added: 0, updated: 2, unchanged: 0 });
    const [a, b] = await db.entries.bulkGet([A, B]);
    expect(a).toMatchObject({ note: '', tags: ['old-tag'] }); // the backup's A was newer (a tag at 1001)
    expect(b).toMatchObject({ note: 'note in the library (newer)', tags: ['mine'] });
    expect(b!.updatedAt).toBe(5001);
    const before = await dump(db);
    expect(await importText(db, backup, 9500)).toMatchObject({ added: 0, updated: 0, unchanged: 2 });
    expect(await dump(db)).toBe(before);
  });

  it('keeps the library’s spelling and colour of a tag it already has', async () => {
    await fill(other);
    await addTags(db, ['2509.10002'], ['DIFFUSION'], 1);
    await db.tags.update('diffusion', { color: '#000000' });
    await importText(db, backupJson(await makeBackup(other)));
    expect(await db.tags.get('diffusion')).toMatchObject({ name: 'DIFFUSION', color: '#000000' });
    expect((await db.entries.get('2509.10004'))!.tags).toEqual(['DIFFUSION', 'RL & robotics']);
  });
});

describe('BibTeX', () => {
  it('imports the arXiv entries our own export writes, with tags and notes, and saves them', async () => {
    const { papers, entries } = awkwardLibrary();
    const byId = new Map(entries.map((e) => [e.id, e]));
    const bib = toBibtex(papers.map((p) => ({ ...p, entry: byId.get(p.id) })));
    const summary = await importText(db, bib, 5);
    expect(summary.added).toBe(11);
    const p = await db.papers.get('2509.10004');
    expect(p!.title).toBe(papers[3]!.title);
    expect(p!.authors).toHaveLength(200);
    expect(p!.authors[0]).toBe('Author0 Ñúñez-0');
    expect(await db.entries.get('2509.10002')).toMatchObject({ bookmarkedAt: 5, tags: ['Diffusion', 'RL & robotics'], status: 'to-read' });
    expect((await db.entries.get('2509.10001'))!.note).toContain('Note 0: 50% {done}');
  });

  it('finds arXiv ids in eprint, URLs, DOIs and Google Scholar’s journal field; skips other entries, saying why', async () => {
    const bib = String.raw`
@article{vaswani2017attention, title={Attention is all you need}, author={Vaswani, Ashish and Shazeer, Noam}, journal={arXiv preprint arXiv:1706.03762}, year={2017}}
@misc{b, title = {{GPT}-4 \& {\"U}ber}, eprint = {2303.08774}, archivePrefix = {arXiv}}
@online{c, title = {From a URL}, url = {https://arxiv.org/abs/2401.00001v3}}
@article{d, title = {By DOI}, doi = {10.48550/arXiv.2402.00002}}
@book{knuth, title = {The Art of Computer Programming}, author = {Knuth, Donald}, year = 1968}
@misc{old, title = {Old style}, eprint = {hep-th/9901001}}`;
    const incoming = await readImportText(bib);
    expect(incoming.kind).toBe('bibtex');
    const summary = await importIncoming(db, incoming, 7);
    expect(summary.added).toBe(4);
    // An old-style id is its own reason since issue 15 (it used to read "no arXiv id").
    expect(summary.skipped).toEqual([
      { where: 'entry knuth', why: 'no arXiv id (eprint, arXiv URL or DOI)', reason: 'no-arxiv' },
      { where: 'entry old', why: 'hep-th/9901001 is an old-style arXiv id; Hugging Face lists papers by new-style ids only', reason: 'old-style' },
    ]);
    expect(summary.oldStyle).toEqual([{ where: 'entry old', id: 'hep-th/9901001', oldStyle: true, title: 'Old style', tags: [] }]);
    expect(await db.papers.get('1706.03762')).toMatchObject({ title: 'Attention is all you need', authors: ['Ashish Vaswani', 'Noam Shazeer'] });
    expect((await db.papers.get('2303.08774'))!.title).toBe('GPT-4 & Über');
    expect(await db.papers.get('2401.00001')).toBeDefined();
    expect(await db.papers.get('2402.00002')).toBeDefined();
    // The summary the page shows (utils/import/summary.ts replaced describeSummary in issue 15).
    expect(describeImport(summary).line).toBe(
      '4 papers imported: 4 added · 1 entry names no arXiv paper (1 can be looked up by title on Hugging Face) · 1 old-style arXiv id (hep-th/9901001): Hugging Face lists only papers from 2007 on',
    );
  });

  it('never overwrites what the site gave, nor a note the user wrote', async () => {
    await setBookmarks(
      db,
      { ids: ['2303.08774'], on: true, papers: [{ id: '2303.08774', title: 'GPT-4 Technical Report', authors: ['OpenAI'] }] },
      1,
    );
    await setNote(db, '2303.08774', 'mine', 2);
    await importText(db, '@misc{b, title = {Other title}, author = {X, Y}, eprint = {2303.08774}, annote = {theirs}, keywords = {llm}}', 3);
    expect(await db.papers.get('2303.08774')).toMatchObject({ title: 'GPT-4 Technical Report', authors: ['OpenAI'] });
    expect(await db.entries.get('2303.08774')).toMatchObject({ note: 'mine', tags: ['llm'] });
  });
});

describe('a list of ids and links', () => {
  it('takes ids, arXiv and Hugging Face links, one or more per line, and skips the rest with line numbers', async () => {
    const text = [
      '# my list',
      '2409.12345',
      'https://arxiv.org/abs/2410.00001v2 and arXiv:2410.00002',
      'https://arxiv.org/pdf/2410.00003.pdf',
      'https://huggingface.co/papers/2410.00004',
      '',
      'not an id at all',
      'hep-th/9901001',
      '2409.12345',
    ].join('\n');
    const summary = await importText(db, text, 11);
    expect(summary.added).toBe(5);
    expect(summary.skipped).toEqual([
      { where: 'line 7', why: 'no arXiv id or paper link in “not an id at all”', reason: 'no-arxiv' },
      { where: 'line 8', why: 'hep-th/9901001 is an old-style arXiv id; Hugging Face lists papers by new-style ids only', reason: 'old-style' },
    ]);
    expect((await db.entries.toArray()).every((e) => e.bookmarkedAt === 11)).toBe(true);
    expect((await db.papers.get('2410.00004'))!.title).toBe('arXiv:2410.00004');
  });
});

describe('malformed imports', () => {
  const backup = async () => {
    const src = new ShelfDB(`src-${Math.random()}`);
    await fill(src);
    const json = backupJson(await makeBackup(src));
    await src.delete();
    return json;
  };
  const cases: Array<[string, () => Promise<string> | string, RegExp]> = [
    ['empty JSON object', () => '{}', /not an HF Papers Shelf backup/],
    ['a JSON list (CSL-JSON)', () => '[{"id":"x"}]', /holds a list/],
    ['truncated backup', async () => (await backup()).slice(0, 3000), /not valid JSON.*truncated/s],
    ['a backup from a newer version', async () => (await backup()).replace('"version":1', '"version":7'), /newer HF Papers Shelf \(backup format 7/],
    ['a version that is not a number', async () => (await backup()).replace('"version":1', '"version":"1"'), /no valid "version"/],
    [
      'a paper id of the wrong kind',
      async () => (await backup()).replace('"id":"2509.10003"', '"id":"not-an-id"'),
      /damaged at papers\[2\]\.id: expected an arXiv id/,
    ],
    [
      'a number where text belongs',
      async () => (await backup()).replace('"title":"Seen, never saved"', '"title":42'),
      /damaged at papers\[10\]\.title/,
    ],
    [
      'a status that does not exist',
      async () => (await backup()).replace('"status":"reading"', '"status":"someday"'),
      /damaged at entries\[1\]\.status/,
    ],
    [
      'papers that is not a list',
      async () => (await backup()).replace('"papers":[', '"papers":{"x":[').replace(/\],"entries"/, ']},"entries"'),
      /damaged at papers/,
    ],
    ['BibTeX cut short', () => '@misc{a, title = {Unclosed, eprint = {2401.00001}', /BibTeX file could not be read/],
    ['BibTeX without arXiv entries', () => '@book{k, title = {TAOCP}}', /None of the 1 BibTeX entries names an arXiv paper/],
    ['text without ids', () => 'hello\nworld\n', /holds no arXiv id/],
    ['binary data', () => '\u0000\u0001PNG\u0000'.repeat(100), /not a text file/],
  ];
  for (const [name, make, message] of cases) {
    it(`rejects ${name} with a message, the library untouched`, async () => {
      await fill(db);
      const before = await dump(db);
      const text = await make();
      await expect(readImportText(text, 'test file').then((inc) => importIncoming(db, inc, 1))).rejects.toThrow(message);
      await expect(readImportText(text, 'test file')).rejects.toBeInstanceOf(ImportError);
      expect(await dump(db)).toBe(before);
    });
  }

  it('rejects 50 MB of junk quickly, with a message', async () => {
    await fill(db);
    const before = await dump(db);
    const junk = 'lorem ipsum dolor sit amet 12.34 {[( ]}) ~~ '.repeat(1_200_000);
    expect(junk.length).toBeGreaterThan(50e6);
    const t = performance.now();
    await expect(readImportFile({ name: 'junk.txt', size: junk.length, text: async () => junk })).rejects.toThrow(/junk.txt holds no arXiv id/);
    expect(performance.now() - t).toBeLessThan(20_000);
    expect(await dump(db)).toBe(before);
  });

  it('rejects a file over the size limit before reading it', async () => {
    await expect(readImportFile({ name: 'huge.json', size: 200e6, text: () => Promise.reject(new Error('read')) })).rejects.toThrow(
      /huge.json is 191 MB; the largest/,
    );
  });

  it('writes nothing when the write itself fails half-way (one transaction)', async () => {
    await fill(db);
    const before = await dump(db);
    const json = await backup();
    const other2 = JSON.parse(json);
    for (const e of other2.entries) e.updatedAt += 1e6; // every entry newer: all would be written
    db.entries.hook('updating', (_mods, key) => {
      if (key === '2509.10008') throw new Error('disk gave up');
    });
    await expect(importText(db, JSON.stringify(other2))).rejects.toThrow(/disk gave up/);
    expect(await dump(db)).toBe(before);
  });
});

describe('storage trouble', () => {
  it('an import the disk cannot hold is reported as such, and nothing of it is written', async () => {
    const { importFile } = await import('../../utils/ui/importer');
    const { db: live } = await import('../../utils/db/schema');
    const full = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    live.entries.hook('creating', full);
    try {
      const out = await importFile(new File(['2409.12345\n2409.12346\n'], 'list.txt'));
      expect(out).toMatchObject({ ok: false, message: 'The disk is full: nothing was saved. Free some space and try again.' });
      expect(await live.papers.count()).toBe(0);
      expect(await live.entries.count()).toBe(0);
    } finally {
      live.entries.hook('creating').unsubscribe(full);
    }
  });
});
