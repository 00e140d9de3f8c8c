/**
 * The records of papers sent to Zotero (schema v8) in the JSON backup: absent from the backups of
 * those who never sent (the file is as it always was), carried and merged back for those who did,
 * read the same by the whole-file and the streaming readers. Backups without them import as before.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeBackup } from '../../utils/db/backup';
import { importIncoming } from '../../utils/db/import';
import { ShelfDB } from '../../utils/db/schema';
import { recordSent } from '../../utils/db/zotero';
import { readBackupStream } from '../../utils/import/backup-stream';
import { readImportText } from '../../utils/import/read';
import { ImportError } from '../../utils/import/types';
import type { ZoteroSent } from '../../utils/zotero-sent';
import { awkwardLibrary } from '../fixtures/awkward-library';

const NOW = 1_800_000_000_000;
const MINE: ZoteroSent = { sentAt: NOW - 10, libraryName: 'My Library', target: 'C11', path: ['My Library', 'Reading', 'LLMs'] };
const GROUP: ZoteroSent = { sentAt: NOW - 5, libraryName: 'Lab Group', target: 'L2', path: ['Lab Group'] };

let db: ShelfDB;
let other: ShelfDB;
beforeEach(async () => {
  db = new ShelfDB(`zotero-backup-${Math.random()}`);
  other = new ShelfDB(`zotero-backup-other-${Math.random()}`);
  const { papers, entries, tags } = awkwardLibrary();
  await db.papers.bulkPut(papers);
  await db.entries.bulkPut(entries);
  await db.tags.bulkPut(tags);
});
afterEach(async () => {
  await db.delete();
  await other.delete();
});

const ids = () => db.papers.toCollection().primaryKeys();
const streamOf = (text: string) => new Blob([text]).stream();
const textOf = async (d: ShelfDB, part?: string[]) => (await writeBackup(d, part, { now: NOW })).join('');

describe('Zotero records in the backup', () => {
  it('a library that never sent anything writes the backup it always wrote', async () => {
    const text = await textOf(db);
    expect(text).not.toContain('zoteroSent');
    const read = await readImportText(text, 'backup.json');
    expect(read.kind === 'backup' && 'zoteroSent' in read.backup).toBe(false);
  });

  it('carries each paper’s records; both readers read them; importing restores them, and again changes nothing', async () => {
    const [a, b, c] = await ids();
    await recordSent(db, [a!, b!], MINE);
    await recordSent(db, [b!], GROUP);
    const text = await textOf(db);
    const whole = await readImportText(text, 'backup.json');
    const streamed = await readBackupStream(streamOf(text), 'backup.json');
    if (whole.kind !== 'backup') throw new Error('not read as a backup');
    expect(whole.backup.zoteroSent).toEqual([
      { id: a, sent: [MINE] },
      { id: b, sent: [MINE, GROUP] },
    ]);
    expect(streamed.zoteroSent).toEqual(whole.backup.zoteroSent);
    expect(streamed.papers).toEqual(whole.backup.papers);

    await importIncoming(other, whole, NOW);
    expect(await other.zoteroSent.toArray()).toEqual(await db.zoteroSent.toArray());
    await importIncoming(other, { kind: 'backup', backup: streamed, skipped: [] }, NOW + 1);
    expect(await other.zoteroSent.toArray()).toEqual(await db.zoteroSent.toArray());
    expect(await other.zoteroSent.get(c!)).toBeUndefined();
  });

  it('a backup of some papers carries their records only', async () => {
    const [a, b] = await ids();
    await recordSent(db, [a!, b!], MINE);
    const read = await readImportText(await textOf(db, [b!]), 'part.json');
    expect(read.kind === 'backup' && read.backup.zoteroSent).toEqual([{ id: b, sent: [MINE] }]);
  });

  it('merging keeps, per Zotero library, the later send of either side', async () => {
    const [a] = await ids();
    const later = { ...MINE, sentAt: NOW, target: 'C12', path: ['My Library', 'Vision'] };
    await recordSent(db, [a!], MINE);
    await recordSent(other, [a!], later);
    await recordSent(other, [a!], GROUP);
    const read = await readImportText(await textOf(other), 'backup.json');
    await importIncoming(db, read, NOW);
    expect((await db.zoteroSent.get(a!))?.sent).toEqual([later, GROUP]);
    // The older side's backup into the newer library changes nothing.
    await importIncoming(other, await readImportText(await textOf(db), 'backup.json'), NOW);
    expect((await other.zoteroSent.get(a!))?.sent).toEqual([later, GROUP]);
  });

  it('an older backup (no records) imports as before and keeps the records the library has', async () => {
    const [a] = await ids();
    await recordSent(db, [a!], MINE);
    const old = JSON.parse(await textOf(db));
    delete old.zoteroSent;
    const summary = await importIncoming(other, await readImportText(JSON.stringify(old), 'old.json'), NOW);
    expect(summary.added).toBe(old.papers.length);
    expect(await other.zoteroSent.count()).toBe(0);
    await importIncoming(db, await readImportText(JSON.stringify(old), 'old.json'), NOW);
    expect((await db.zoteroSent.get(a!))?.sent).toEqual([MINE]);
  });

  it('damaged records are refused with where they are damaged, by both readers, and nothing is imported', async () => {
    const [a] = await ids();
    await recordSent(db, [a!], MINE);
    const bad = (await textOf(db)).replace('"libraryName":"My Library"', '"libraryName":7');
    await expect(readImportText(bad, 'bad.json')).rejects.toThrow(/zoteroSent/);
    const streamed = readBackupStream(streamOf(bad), 'bad.json');
    await expect(streamed).rejects.toBeInstanceOf(ImportError);
    await expect(streamed).rejects.toThrow(/zoteroSent/);
    expect(await other.papers.count()).toBe(0);
  });
});
