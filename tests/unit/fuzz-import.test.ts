/**
 * Generated malformed imports (fast-check): a real backup cut short, a field of every record
 * kind given a wrong type or removed, a newer format, other JSON, binary data, text and BibTeX
 * with no paper in them. Each is rejected with a message that says what is wrong, and the
 * library is byte-identical afterwards. CI runs 2,000 cases; `npm run fuzz` runs FUZZ_RUNS.
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

const RUNS = Number(process.env.FUZZ_RUNS) || 2000;
let db: ShelfDB;
let valid: string;
let before: string;

async function dump(target: ShelfDB): Promise<string> {
  return JSON.stringify(await Promise.all([target.papers, target.entries, target.tags, target.settings, target.fills].map((t) => t.toArray())));
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
