/**
 * CSV, as this extension writes it (every column back: the user's status, dates and priority
 * too) and as spreadsheets and Zotero write it (columns found by name: an arXiv id, a URL or DOI,
 * a title…). Papa Parse reads the file (quotes, line breaks in cells, the delimiter).
 */
import Papa from 'papaparse';
import { arxivRefIn, eprintRef, type ArxivRef } from '../ids';
import { githubUrl, safeHttpUrl } from '../links';
import { type Entry, EntrySchema, IsoDay, Priority, Status } from '../model';
import { oneLine } from '../text';
import { Collector } from './collect';
import { noteText } from './note';
import { progressTicker } from './progress';
import { ImportError, type ListedPaper, type ReadOptions, type ReadResult } from './types';

/** What a column holds, by the names it goes by (lower case, `_` as a space). */
const COLUMNS = {
  id: ['arxiv id', 'arxiv', 'arxivid', 'eprint'],
  links: ['hf url', 'arxiv url', 'pdf url', 'url', 'link', 'doi', 'extra'],
  title: ['title'],
  authors: ['authors', 'author'],
  abstract: ['abstract', 'abstract note', 'summary'],
  published: ['published', 'date'],
  year: ['publication year', 'year'],
  featured: ['featured'],
  upvotes: ['upvotes'],
  comments: ['comments'],
  github: ['github'],
  stars: ['github stars'],
  project: ['project page'],
  status: ['status'],
  tags: ['tags', 'manual tags', 'keywords'],
  note: ['note', 'notes'],
  priority: ['priority'],
  bookmarked: ['bookmarked at'],
  statusAt: ['status changed at'],
  updated: ['updated at'],
} as const;
type Column = keyof typeof COLUMNS;

const norm = (h: string) =>
  h
    .trim()
    .toLowerCase()
    .replace(/[_\s]+/g, ' ');

/** Which column each field is in; whether this is the extension's own CSV (it has `updated_at`). */
export function mapColumns(header: string[]): { at: Partial<Record<Column, number[]>>; ours: boolean } {
  const at: Partial<Record<Column, number[]>> = {};
  header.forEach((h, i) => {
    for (const [col, names] of Object.entries(COLUMNS) as Array<[Column, readonly string[]]>) {
      if (names.includes(norm(h))) at[col] = [...(at[col] ?? []), i];
    }
  });
  return { at, ours: !!at.id && !!at.updated };
}

/** True when a first line looks like a CSV header this reader understands. */
export function looksLikeCsvHeader(line: string): boolean {
  const cells = Papa.parse<string[]>(line, { preview: 1 }).data[0] ?? [];
  const { at } = mapColumns(cells);
  return cells.length > 1 && !!(at.id || at.links || at.title);
}

/** A spreadsheet-safe cell back as written: the apostrophe the export put before `=`, `+`, `-`, `@` taken off. */
const unformula = (cell: string) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

const time = (s: string) => {
  const ms = /^\d{4}-\d{2}-\d{2}T/.test(s) ? Date.parse(s) : Number.NaN;
  return Number.isInteger(ms) && ms >= 0 ? ms : undefined;
};
const count = (s: string) => (/^\d+$/.test(s) ? Number(s) : undefined);

/** "Vaswani, Ashish" → "Ashish Vaswani", as the site writes names (other tools' CSVs only). */
const flip = (name: string) => (/^[^,]+, [^,]+$/.test(name) ? name.split(', ').reverse().join(' ') : name);

export async function readCsv(text: string, opts: ReadOptions = {}): Promise<ReadResult> {
  // The delimiter is the header's: guessed from the whole file, rows of "; "-joined lists could win.
  const delimiter = Papa.parse<string[]>(/^[^\r\n]*/.exec(text)![0]).meta.delimiter;
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false, delimiter });
  const broken = parsed.errors.find((e) => e.type === 'Quotes');
  if (broken) {
    throw new ImportError(
      `The CSV file is damaged at row ${(broken.row ?? 0) + 1}: a quoted cell is never closed (the file may be cut short). Nothing was imported.`,
    );
  }
  const [header = [], ...rows] = parsed.data;
  const { at, ours } = mapColumns(header);
  if (!at.id && !at.links && !at.title) {
    throw new ImportError(
      `The CSV file has no column of arXiv ids, links or titles (its columns: ${header.slice(0, 8).join(', ')}). Nothing was imported.`,
    );
  }
  const out = new Collector('row');
  const tick = progressTicker(rows.length, opts);
  for (const [i, row] of rows.entries()) {
    await tick(i + 1);
    if (row.length === 1 && !row[0]!.trim()) continue;
    const where = `row ${i + 2}`;
    if (row.length !== header.length) {
      out.skip(where, `it has ${row.length} cells, the header ${header.length}`, 'unreadable');
      continue;
    }
    const cells = (col: Column) => (at[col] ?? []).map((c) => unformula(row[c] ?? '')).filter((v) => v.trim());
    const cell = (col: Column) => cells(col)[0] ?? '';
    const bad = (col: string, value: string, expected: string) => {
      out.skip(where, `${col} “${oneLine(value).slice(0, 40)}” is not ${expected}; left out`, 'ignored-value');
      return undefined;
    };
    const check = <T>(col: Column, read: (s: string) => T | undefined, expected: string): T | undefined => {
      const raw = cell(col).trim();
      return raw ? (read(raw) ?? bad(col, raw, expected)) : undefined;
    };
    const ref: ArxivRef | undefined =
      cells('id')
        .map((v) => eprintRef(v))
        .find(Boolean) ??
      cells('links')
        .map((v) => arxivRefIn(v))
        .find(Boolean);
    // The extension joins lists with "; "; other tools with ";" and maybe a space.
    const list = (col: Column) =>
      cell(col)
        .split(ours ? '; ' : /;\s*/)
        .map((v) => (ours ? v.trim() : oneLine(v)))
        .filter(Boolean);
    const day = (s: string) => (ours ? (IsoDay.safeParse(s).success ? s : undefined) : /^\d{4}-\d{2}-\d{2}/.exec(s)?.[0]);
    const fields = {
      title: ours ? cell('title') : oneLine(cell('title')),
      authors: ours ? list('authors') : list('authors').map(flip),
      abstract: cell('abstract').trim(),
      publishedAt: check('published', day, 'a date YYYY-MM-DD'),
      featuredAt: check('featured', day, 'a date YYYY-MM-DD'),
      upvotes: check('upvotes', count, 'a count'),
      comments: check('comments', count, 'a count'),
      githubRepo: check('github', githubUrl, 'a link'),
      githubStars: check('stars', count, 'a count'),
      projectPage: check('project', safeHttpUrl, 'a link'),
    };
    const year = Number(/^\d{4}/.exec(cell('year') || cell('published'))?.[0]) || undefined;
    const status = check('status', (s) => (Status.safeParse(s).success ? (s as Status) : undefined), 'to-read, reading or read');
    const priority = check('priority', (s) => (Priority.safeParse(Number(s)).success && /^\d$/.test(s) ? Number(s) : undefined), 'a priority 0 to 3');
    const note = ours ? cell('note') : noteText(cell('note'));
    const user: Omit<ListedPaper, 'paper'> = {
      tags: list('tags'),
      ...(note ? { note } : {}),
      ...(status ? { status } : {}),
      ...(priority ? { priority } : {}),
    };
    if (ours) {
      const entry = ownEntry(ref?.id ?? '', user, {
        bookmarkedAt: check('bookmarked', time, 'a time'),
        statusAt: check('statusAt', time, 'a time'),
        updatedAt: check('updated', time, 'a time'),
        saved: !!status,
      });
      if (entry !== undefined) user.entry = entry;
    }
    out.take(where, ref, { fields, year, user }, 'no arXiv id (arXiv id, arXiv or Hugging Face link, or DOI)');
  }
  const filled = rows.filter((row) => row.length > 1 || row[0]?.trim()).length;
  return out.finish(`None of the ${filled} CSV rows names an arXiv paper (an arXiv id, link or DOI).`);
}

/**
 * The extension's own row: a whole entry when it was written with one (merged as a backup's
 * entry, the newer change winning); `null` for a paper only seen; otherwise nothing (the row's
 * data then fills gaps, as another tool's would).
 */
function ownEntry(
  id: string,
  user: Omit<ListedPaper, 'paper'>,
  t: { bookmarkedAt?: number; statusAt?: number; updatedAt?: number; saved: boolean },
): Entry | null | undefined {
  if (t.updatedAt === undefined) return user.tags.length || user.note || user.priority || t.saved ? undefined : null;
  const entry = {
    id,
    ...(t.bookmarkedAt !== undefined && t.saved ? { bookmarkedAt: t.bookmarkedAt } : {}),
    status: user.status ?? 'to-read',
    statusAt: t.statusAt ?? t.updatedAt,
    tags: user.tags,
    note: user.note ?? '',
    priority: user.priority ?? 0,
    updatedAt: t.updatedAt,
  };
  return EntrySchema.safeParse(entry).success ? entry : undefined;
}
