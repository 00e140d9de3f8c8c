/**
 * Generated malformed imports (fast-check): a real backup cut short, a field of every record
 * kind given a wrong type or removed, a newer format, other JSON, binary data, text and BibTeX
 * with no paper in them; this extension's CSV, RIS and CSL-JSON exports and PaperMemory's memory
 * with every record broken, or the file itself (cut inside a quoted cell, a damaged data
 * version). Each is rejected with a message that says what is wrong, and the library is
 * byte-identical afterwards. Files with only some records broken are imported without them:
 * each broken one is reported where it is, and the library ends exactly as if they had never
 * been in the file. CI runs 2,000 and 150 cases; `npm run fuzz` runs FUZZ_RUNS.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import * as fc from 'fast-check';
import { ShelfDB } from '../../utils/db/schema';
import { backupJson } from '../../utils/backup';
import { makeBackup } from '../../utils/db/backup';
import { importIncoming } from '../../utils/db/import';
import { readImportText } from '../../utils/import/read';
import { ImportError } from '../../utils/import/types';
import { awkwardLibrary } from '../fixtures/awkward-library';
import { withoutRev } from '../../utils/db/rev';
import { toCsv } from '../../utils/export/csv';
import { damaged, type Kind, whereOf, awkwardItems } from './import-corrupt';

const RUNS = Number(process.env.FUZZ_RUNS) || 2000;
const KINDS: Kind[] = ['csv', 'ris', 'csljson', 'papermemory'];
const COUNTS = Object.fromEntries(KINDS.map((k) => [k, damaged(k, new Set(), 0).count])) as Record<Kind, number>;
const everyRecord = (kind: Kind) => new Set(Array.from({ length: COUNTS[kind] }, (_, i) => i));

/** The extension's CSV, cut somewhere inside the first quoted cell of its first row. */
function cutInQuotes(n: number): string {
  const csv = toCsv(awkwardItems());
  const quote = csv.indexOf('"', csv.indexOf('\r\n'));
  return csv.slice(0, quote + 1 + (n % 30));
}
let db: ShelfDB;
let valid: string;
let before: string;

async function dump(target: ShelfDB): Promise<string> {
  return JSON.stringify(await Promise.all([target.papers, target.entries, target.tags, target.settings, target.fills].map((t) => t.toArray())));
}

/** As dump(), without `rev` (when a record was written, utils/db/rev.ts): two libraries written apart compare by what they hold. */
async function held(target: ShelfDB): Promise<string> {
  const tables = [target.papers, target.entries, target.tags, target.settings, target.fills];
  return JSON.stringify(await Promise.all(tables.map(async (t) => (await t.toArray()).map((r) => withoutRev(r as object)))));
}

beforeAll(async () => {
  db = new ShelfDB(`fuzz-import-${Math.random()}`);
  const { papers, entries, tags } = awkwardLibrary();
  await db.papers.bulkPut(papers);
  await db.entries.bulkPut(entries);
  await db.tags.bulkPut(tags);
  valid = backupJson(await makeBackup(db));
  before = await dump(db);
});
afterAll(() => db.delete());

/** Values of the wrong type for a field, by what the field is. */
const WRONG: Record<string, unknown[]> = {
  string: [42, null, true, [], {}, ['x']],
  number: ['12', null, [], {}, -1.5, 'NaN'],
  array: ['a, b', 7, null, {}, [1, 2]],
};

type Bad = { kind: 'json'; value: unknown } | { kind: 'text'; text: string };

/** One invalid change to the backup's object; `pick` chooses the record and field. */
function breakBackup(pick: number, pick2: number, how: number): Bad {
  const b = JSON.parse(valid);
  const fields: Array<[string, string, string]> = [
    ['papers', 'id', 'id'],
    ['papers', 'title', 'string'],
    ['papers', 'authors', 'array'],
    ['papers', 'firstSeenAt', 'number'],
    ['papers', 'lastSeenAt', 'number'],
    ['papers', 'publishedAt', 'day'],
    ['papers', 'upvotes', 'count'],
    ['entries', 'id', 'id'],
    ['entries', 'status', 'status'],
    ['entries', 'tags', 'array'],
    ['entries', 'note', 'string'],
    ['entries', 'priority', 'priority'],
    ['entries', 'updatedAt', 'number'],
    ['tags', 'name', 'string'],
    ['tags', 'key', 'string'],
  ];
  const [table, field, type] = fields[pick % fields.length]!;
  const rows = b[table] as Array<Record<string, unknown>>;
  const row = rows[pick2 % rows.length]!;
  if (how % 3 === 0 && !['publishedAt', 'upvotes'].includes(field)) {
    delete row[field]; // a required field missing
  } else {
    const wrong =
      type === 'id'
        ? ['2409.1234567', 'arXiv:2409.12345', 'hep-th/9901001', '', 12345, null][how % 6]
        : type === 'day'
          ? ['2025-13-45x', '09/28/2025', 20250928, ''][how % 4]
          : type === 'count'
            ? [-1, 1.5, '12', null][how % 4]
            : type === 'status'
              ? ['done', 'READ', '', 3][how % 4]
              : type === 'priority'
                ? [4, -1, 1.5, 'high'][how % 4]
                : WRONG[type]![how % WRONG[type]!.length];
    row[field] = wrong;
  }
  return { kind: 'json', value: b };
}

const bad: fc.Arbitrary<Bad> = fc.oneof(
  // A real backup with one field broken.
  fc.tuple(fc.nat(), fc.nat(), fc.nat()).map(([a, b, c]) => breakBackup(a, b, c)),
  // Cut short anywhere.
  fc.nat().map((n): Bad => ({ kind: 'text', text: valid.slice(0, 1 + (n % (valid.length - 2))) })),
  // Its header wrong: a newer format, no format, another kind of file.
  fc.oneof(
    fc.integer({ min: 2, max: 1000 }).map((v): Bad => ({ kind: 'json', value: { ...JSON.parse(valid), version: v } })),
    fc.constantFrom<unknown>('1', 1.5, 0, -3, null).map((v): Bad => ({ kind: 'json', value: { ...JSON.parse(valid), version: v } })),
    fc.constantFrom<unknown>('hf-papers-shelf', 'zotero', null, 1).map((f): Bad => ({ kind: 'json', value: { ...JSON.parse(valid), format: f } })),
    fc
      .jsonValue()
      // Other JSON: not a backup, and (read as text) naming no paper id by chance.
      .filter((v) => !(v && typeof v === 'object' && !Array.isArray(v) && 'format' in v) && !/\d{4}\.\d{4}/.test(JSON.stringify(v)))
      .map((v): Bad => ({ kind: 'json', value: v })),
  ),
  // Not text at all.
  fc.uint8Array({ minLength: 8, maxLength: 400 }).map((bytes): Bad => ({ kind: 'text', text: `\u0000${Buffer.from(bytes).toString('latin1')}` })),
  // A CSV, RIS, CSL-JSON or PaperMemory file with every record broken.
  fc.tuple(fc.constantFrom<Kind>(...KINDS), fc.nat()).map(([kind, how]): Bad => ({ kind: 'text', text: damaged(kind, everyRecord(kind), how).text })),
  // The file itself broken: a CSV cut inside a quoted cell, PaperMemory's data version damaged.
  fc.nat().map((n): Bad => ({ kind: 'text', text: cutInQuotes(n) })),
  fc.constantFrom<unknown>('1', null, [], {}, 'x', Number.NaN).map(
    (v): Bad => ({
      kind: 'text',
      text: damaged('papermemory', new Set(), 0).text.replace(/"__dataVersion":\d+/, `"__dataVersion":${JSON.stringify(v)}`),
    }),
  ),
  // Text or BibTeX that names no new-style arXiv paper.
  fc
    .array(fc.constantFrom('hello', 'see page 12', 'hep-th/9901001', 'https://example.org', '1234.5', '@book{k, title={T}}', '% comment'), {
      minLength: 1,
      maxLength: 20,
    })
    .map((lines): Bad => ({ kind: 'text', text: lines.join('\n') })),
);

it(`rejects ${RUNS} generated malformed imports, each with a message, the library byte-identical`, async () => {
  await fc.assert(
    fc.asyncProperty(bad, async (b) => {
      const text = b.kind === 'json' ? JSON.stringify(b.value) : b.text;
      let error: unknown;
      try {
        await importIncoming(db, await readImportText(text, 'import.json'), 1);
      } catch (err) {
        error = err;
      }
      expect(error, `accepted: ${text.slice(0, 200)}`).toBeInstanceOf(ImportError);
      expect((error as Error).message.length).toBeGreaterThan(20);
      expect(await dump(db)).toBe(before);
    }),
    // CI: one fixed set of cases; `npm run fuzz` (FUZZ_RUNS set) draws new ones each time.
    { numRuns: RUNS, endOnFailure: true, ...(process.env.FUZZ_RUNS ? {} : { seed: 20261125 }) },
  );
}, 600_000);

it(`imports ${Math.max(150, Math.round(RUNS / 13))} files with some records broken without them, each reported where it is`, async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom<Kind>(...KINDS),
      fc.uniqueArray(fc.nat({ max: 10 }), { minLength: 1, maxLength: 6 }),
      fc.nat(),
      async (kind, picks, how) => {
        const broken = new Set(picks.filter((i) => i < COUNTS[kind]));
        const { text, clean } = damaged(kind, broken, how);
        const [target, reference] = [new ShelfDB(`fuzz-a-${Math.random()}`), new ShelfDB(`fuzz-b-${Math.random()}`)];
        try {
          let summary: Awaited<ReturnType<typeof importIncoming>> | undefined;
          try {
            summary = await importIncoming(target, await readImportText(text, `import.${kind}`), 1);
          } catch (err) {
            // Refused whole (a record broken so that the file's structure is): nothing written.
            expect(err, `${kind}: ${String(err)}`).toBeInstanceOf(ImportError);
            expect(await held(target)).toBe(await held(reference));
            return;
          }
          const wheres = summary.skipped.map((k) => k.where);
          for (const i of broken)
            expect(
              wheres.some((w) => w.startsWith(whereOf(kind, i, text))),
              `${kind} record ${i} not reported`,
            ).toBe(true);
          await importIncoming(reference, await readImportText(clean, `import.${kind}`), 1).catch((err) => {
            if (!(err instanceof ImportError)) throw err;
          });
          expect(await held(target)).toBe(await held(reference));
        } finally {
          await Promise.all([target.delete(), reference.delete()]);
        }
      },
    ),
    { numRuns: Math.max(150, Math.round(RUNS / 13)), endOnFailure: true, ...(process.env.FUZZ_RUNS ? {} : { seed: 20261126 }) },
  );
}, 600_000);
