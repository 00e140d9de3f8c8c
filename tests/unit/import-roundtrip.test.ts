/**
 * Every list format this extension writes reads back: CSV, RIS and CSL-JSON exports of the
 * awkward library and of 300 generated papers, imported into an empty library, give back all
 * that the format carries, exactly, and importing them again changes nothing. What each carries:
 *
 * - CSV: everything in its columns. Title, authors, abstract, published and featured days,
 *   upvotes, comments, GitHub link and stars, project page (links as the export writes them);
 *   and the user's entry whole: bookmarked or not, status and its time (for saved papers),
 *   tags, note (line breaks too), priority, last change. A paper only seen stays only seen.
 *   Not carried: the organisation (the CSV has its display name only), submitter, thumbnail,
 *   AI summary and keywords, author count, when and where the paper was seen; a tag or name
 *   holding "; " (the list separator); a cell written as `'=…` comes back as `=…`.
 * - RIS: title and abstract on one line, authors (as "Family, Given": "Smith, John" comes back
 *   as "John Smith"), the publication day, tags (none holding ";": Zotero splits there), the
 *   note on one line. No status, priority or dates: every paper comes back saved, to read.
 * - CSL-JSON: title on one line, authors (as RIS), the day, the abstract, tags (none holding
 *   ","), the note (`annote`, line breaks kept). No status, priority or dates, as RIS.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ShelfDB } from '../../utils/db/schema';
import { withoutRev } from '../../utils/db/rev';
import { importIncoming } from '../../utils/db/import';
import { readImportText } from '../../utils/import/read';
import Papa from 'papaparse';
import { toCsv } from '../../utils/export/csv';
import { toRis } from '../../utils/export/ris';
import { toCslJson } from '../../utils/export/csljson';
import { splitName } from '../../utils/citation';
import { githubUrl, safeHttpUrl } from '../../utils/links';
import type { Entry, Item, Paper } from '../../utils/model';
import { oneLine } from '../../utils/text';
import { awkwardLibrary } from '../fixtures/awkward-library';
import { generatedLibrary } from '../fixtures/generated-library';

let db: ShelfDB;
beforeEach(() => {
  db = new ShelfDB(`roundtrip-${Math.random()}`);
});
afterEach(() => db.delete());

const NOW = 9_000_000_000_000;

type Lib = { papers: Paper[]; entries: Entry[] };
const items = ({ papers, entries }: Lib): Item[] => {
  const byId = new Map(entries.map((e) => [e.id, e]));
  return papers.map((p) => ({ ...p, entry: byId.get(p.id) }));
};

/** Undefined, empty text and empty lists dropped, so "absent" and "empty" compare equal. */
const prune = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '' && !(Array.isArray(v) && !v.length)));
const canonical = (name: string) => {
  const n = splitName(name);
  return n.literal ?? [n.given, n.family].filter(Boolean).join(' ');
};
const saved = (e: Entry | undefined) => e?.bookmarkedAt !== undefined;

/** What a format carries of a paper and its entry: applied to the library before, and to the one imported. */
const CARRIED = {
  csv: (p: Paper, e: Entry | undefined) => ({
    paper: prune({
      title: p.title,
      authors: p.authors,
      abstract: p.abstract?.trim(),
      publishedAt: p.publishedAt,
      featuredAt: p.featuredAt,
      upvotes: p.upvotes,
      comments: p.comments,
      githubRepo: githubUrl(p.githubRepo),
      githubStars: p.githubStars,
      projectPage: safeHttpUrl(p.projectPage),
    }),
    entry: e
      ? prune({
          bookmarkedAt: e.bookmarkedAt,
          status: saved(e) ? e.status : undefined,
          statusAt: saved(e) ? e.statusAt : undefined,
          tags: e.tags,
          note: e.note,
          priority: e.priority,
          updatedAt: e.updatedAt,
        })
      : null,
  }),
  ris: (p: Paper, e: Entry | undefined) => ({
    paper: prune({
      title: oneLine(p.title),
      authors: p.authors.map(canonical),
      abstract: p.abstract && oneLine(p.abstract),
      publishedAt: p.publishedAt,
    }),
    entry: prune({ tags: e?.tags, note: e?.note && oneLine(e.note) }),
  }),
  csljson: (p: Paper, e: Entry | undefined) => ({
    paper: prune({ title: oneLine(p.title), authors: p.authors.map(canonical), abstract: p.abstract?.trim(), publishedAt: p.publishedAt }),
    entry: prune({ tags: e?.tags, note: e?.note.trim() }),
  }),
};
type Format = keyof typeof CARRIED;
const WRITE: Record<Format, (items: Item[]) => string> = { csv: toCsv, ris: toRis, csljson: toCslJson };
const NAME: Record<Format, string> = { csv: 'library.csv', ris: 'library.ris', csljson: 'library.csl.json' };

/** The imported library, read as the format sees it (`canonical` names: a name written "Family, Given" comes back "Given Family"). */
async function carriedNow(format: Format, ids: string[]) {
  const [papers, entries] = await Promise.all([db.papers.bulkGet(ids), db.entries.bulkGet(ids)]);
  return ids.map((id, i) => {
    const p = papers[i]!;
    const e = entries[i];
    const view = CARRIED[format](p, e);
    if (format !== 'csv') {
      // Imported as saved papers, to read, without the user's dates: the format has none.
      expect(e).toMatchObject({ bookmarkedAt: NOW, status: 'to-read', priority: 0 });
      view.paper.authors = p.authors.length ? p.authors : undefined;
    }
    return { id, ...view, paper: prune(view.paper) };
  });
}

const expected = (format: Format, lib: Lib) => {
  const byId = new Map(lib.entries.map((e) => [e.id, e]));
  return lib.papers.map((p) => {
    const view = CARRIED[format](p, byId.get(p.id));
    return { id: p.id, ...view, paper: prune({ ...view.paper, authors: format === 'csv' ? p.authors : p.authors.map(canonical) }) };
  });
};

const LIBRARIES: Array<[string, () => Lib]> = [
  ['the awkward library', awkwardLibrary],
  ['300 generated papers', () => generatedLibrary(300)],
];

describe.each(Object.keys(CARRIED) as Format[])('%s export → import', (format) => {
  it.each(LIBRARIES)('%s comes back with all the format carries; a second import changes nothing', async (_, make) => {
    const lib = make();
    const text = WRITE[format](items(lib));
    const summary = await importIncoming(db, await readImportText(text, NAME[format]), NOW);
    expect(summary).toMatchObject({ kind: format, added: lib.papers.length, updated: 0, unchanged: 0, skipped: [] });
    const ids = lib.papers.map((p) => p.id);
    expect(await carriedNow(format, ids)).toEqual(expected(format, lib));
    const before = JSON.stringify(await Promise.all([db.papers.toArray(), db.entries.toArray(), db.tags.toArray()]));
    const again = await importIncoming(db, await readImportText(text, NAME[format]), NOW + 1000);
    expect(again).toMatchObject({ added: 0, updated: 0, unchanged: lib.papers.length });
    expect(JSON.stringify(await Promise.all([db.papers.toArray(), db.entries.toArray(), db.tags.toArray()]))).toBe(before);
  });
});

describe('CSV merging into a library that has the papers', () => {
  it('the newer entry wins whole, tags are unioned; the site’s fields are never overwritten', async () => {
    const lib = awkwardLibrary();
    const csv = toCsv(items(lib));
    await db.papers.bulkPut(lib.papers.map((p) => ({ ...p, title: `site: ${p.id}`, upvotes: 999 })));
    const older = lib.entries.map((e) => ({ ...e, note: 'older note', tags: ['Mine'], updatedAt: e.updatedAt - 1 }));
    const newer = { ...lib.entries[0]!, note: 'newer note', tags: ['Later'], updatedAt: lib.entries[0]!.updatedAt + 1 };
    await db.entries.bulkPut([...older.slice(1), newer]);
    const summary = await importIncoming(db, await readImportText(csv, 'library.csv'), NOW);
    // The first paper's entry is newer here and the CSV adds no tag to it; the seen-only paper has nothing new.
    expect(summary).toMatchObject({ added: 0, updated: 9, unchanged: 2 });
    expect(await db.papers.get('2509.10001')).toMatchObject({ title: 'site: 2509.10001', upvotes: 999 });
    expect(await db.entries.get('2509.10001')).toMatchObject({ note: 'newer note', tags: ['Later'] });
    const second = lib.entries[1]!;
    expect(await db.entries.get(second.id)).toMatchObject({ note: second.note, tags: [...second.tags, 'Mine'], status: second.status });
  });

  it('a row edited in a spreadsheet (same updated_at, other values) is the newer change; importing it again changes nothing', async () => {
    const lib = awkwardLibrary();
    await db.papers.bulkPut(lib.papers);
    await db.entries.bulkPut(lib.entries);
    const rows = Papa.parse<Record<string, string>>(toCsv(items(lib)), { header: true, skipEmptyLines: true }).data;
    // Paper 2 (saved, reading): status, note and priority edited; paper 10 (not saved) left as it was.
    Object.assign(rows[1]!, { status: 'read', note: 'edited in a spreadsheet', priority: '3' });
    const edited = Papa.unparse(rows, { newline: '\r\n' });
    const summary = await importIncoming(db, await readImportText(edited, 'edited.csv'), NOW);
    expect(summary).toMatchObject({ added: 0, updated: 1, unchanged: 10 });
    const e = lib.entries[1]!;
    expect(withoutRev((await db.entries.get(e.id))!)).toEqual({
      ...e,
      status: 'read',
      statusAt: NOW,
      note: 'edited in a spreadsheet',
      priority: 3,
      updatedAt: e.updatedAt + 1,
    });
    expect(withoutRev((await db.entries.get(lib.entries[9]!.id))!)).toEqual(lib.entries[9]);
    expect(await importIncoming(db, await readImportText(edited, 'edited.csv'), NOW + 1)).toMatchObject({ updated: 0, unchanged: 11 });
  });
});
