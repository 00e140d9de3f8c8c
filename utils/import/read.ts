/**
 * Reading a file the user chose to import: which kind it is, told by its content (the name's
 * extension only decides between readers when the content says nothing), and what it holds,
 * checked. Nothing here touches the library: a file that cannot be read is rejected whole, with
 * a message that names the problem and where it is. The citation readers load only when used.
 */
import type { Backup } from '../backup';
import { BACKUP_FORMAT } from '../backup';
import { arxivRefIn, idsIn } from '../ids';
import { clip } from '../text';
import { readBackup } from './backup';
import { OLD_STYLE_WHY } from './outcome';
import { ImportError, type ListedPaper, type OldStylePaper, type ReadOptions, type ReadResult, type Skip, type TitleCandidate } from './types';

export type ListKind = 'bibtex' | 'text' | 'csv' | 'ris' | 'csljson' | 'papermemory' | 'lookup';

export type Incoming =
  | { kind: 'backup'; backup: Backup; skipped: Skip[] }
  | { kind: ListKind; items: ListedPaper[]; skipped: Skip[]; candidates?: TitleCandidate[]; oldStyle?: OldStylePaper[] };

/** The largest file read whole (every kind but the JSON backup, which is read as it streams, at any size). */
export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;
/** Parsed records take about this much memory per byte of the file they came from. */
const MEMORY_PER_BYTE = 1.6;

type FileLike = {
  name: string;
  size: number;
  text(): Promise<string>;
  /** A browser's File streams; test doubles may not. */
  stream?(): ReadableStream<Uint8Array>;
  slice?(start: number, end: number): { text(): Promise<string> };
};

export interface FileReadOptions extends ReadOptions {
  signal?: AbortSignal;
  /** Bytes the page can still take (from the browser, where it says): a backup that needs more is refused before anything is read. */
  memoryRoom?: number;
}

const BACKUP_HEAD = /^\s*\{\s*"format"\s*:\s*"hf-papers-shelf-backup"/;

export async function readImportFile(file: FileLike, opts: FileReadOptions = {}): Promise<Incoming> {
  if (!file.size) throw new ImportError(`${file.name} is empty.`);
  if (file.stream && file.slice && BACKUP_HEAD.test((await file.slice(0, 4096).text()).replace(/^\uFEFF/, ''))) {
    const mb = (n: number) => `${Math.round(n / 1024 / 1024).toLocaleString('en')} MB`;
    if (opts.memoryRoom !== undefined && file.size * MEMORY_PER_BYTE > opts.memoryRoom) {
      throw new ImportError(
        `${file.name} is ${mb(file.size)}: reading it needs about ${mb(file.size * MEMORY_PER_BYTE)} of memory, and this browser has ${mb(opts.memoryRoom)} to spare. Close other tabs or windows and import it again. Nothing was imported.`,
      );
    }
    const { readBackupStream } = await import('./backup-stream');
    const total = file.size;
    const backup = await readBackupStream(file.stream(), file.name, {
      signal: opts.signal,
      onProgress: opts.onProgress && ((done) => opts.onProgress!({ phase: 'reading', done, total })),
    });
    return { kind: 'backup', backup, skipped: [] };
  }
  if (file.size > MAX_IMPORT_BYTES) {
    throw new ImportError(
      `${file.name} is ${(file.size / 1024 / 1024).toFixed(0)} MB; the largest file this imports is ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`,
    );
  }
  if (!file.size) throw new ImportError(`${file.name} is empty.`);
  return readImportText(await file.text(), file.name, opts);
}

const ext = (name: string) => /\.([a-z]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
const list = (kind: ListKind, r: ReadResult): Incoming => ({ kind, ...r });

export async function readImportText(raw: string, name = 'The file', opts: ReadOptions = {}): Promise<Incoming> {
  const text = raw.replace(/^\uFEFF/, '');
  if (looksBinary(text)) {
    throw new ImportError(
      `${name} is not a text file. Import a JSON backup, a BibTeX, RIS, CSV or CSL-JSON file, PaperMemory's memory, or a text list of arXiv ids.`,
    );
  }
  const first = /\S/.exec(text)?.[0];
  if (first === '{' || first === '[') return readJson(parseJson(text, name), name, opts);
  const head = text
    .slice(0, 8192)
    .split(/\r\n|\r|\n/)
    .filter((l) => l.trim())
    .slice(0, 5);
  const kind = ext(name);
  // RIS: a record's first line, or tagged lines (a file whose first record lost its TY is still RIS, and damaged).
  const tagged = head.filter((l) => /^[A-Z][A-Z0-9] {1,2}- /.test(l)).length;
  if (head.some((l) => /^TY {1,2}- /.test(l)) || tagged >= 2 || (kind === 'ris' && !/^\s*@/m.test(text))) {
    return list('ris', await (await import('./ris')).readRis(text, opts));
  }
  if (/^\s*@\s*[a-zA-Z]+\s*[{(]/m.test(text) || kind === 'bib') {
    return list('bibtex', await (await import('./bibtex')).readBibtex(text, opts));
  }
  const csv = await import('./csv');
  if ((head[0] && csv.looksLikeCsvHeader(head[0])) || kind === 'csv' || kind === 'tsv') return list('csv', await csv.readCsv(text, opts));
  return list('text', readIdList(text, name));
}

async function readJson(value: unknown, name: string, opts: ReadOptions): Promise<Incoming> {
  // A list of strings is a list of ids or links, as JSON.
  if (Array.isArray(value) && value.length && value.every((v) => typeof v === 'string')) return list('text', readIdList(value.join('\n'), name));
  if (Array.isArray(value)) return list('csljson', await (await import('./csljson')).readCslJson(value, opts));
  const head = value && typeof value === 'object' ? (value as { format?: unknown }) : {};
  if (head.format !== BACKUP_FORMAT) {
    const pm = await import('./papermemory');
    if (pm.isPaperMemory(value)) return list('papermemory', await pm.readPaperMemory(value, opts));
    if (!('format' in head)) {
      throw new ImportError(
        'This JSON file is not an HF Papers Shelf backup (it has no "format"), nor CSL-JSON (a list of items), nor PaperMemory\'s memory. Nothing was imported.',
      );
    }
  }
  return { kind: 'backup', backup: readBackup(value), skipped: [] };
}

/** NUL bytes or many undecodable bytes at the start: an image, an archive, a database. */
function looksBinary(text: string): boolean {
  const head = text.slice(0, 65536);
  if (head.includes('\u0000')) return true;
  const bad = head.match(/\uFFFD/g)?.length ?? 0;
  return bad > 8 && bad > head.length / 100;
}

function parseJson(text: string, name: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    const message = (err as Error).message;
    const truncated = /end of (JSON|data)|Unterminated/i.test(message) ? ' The file looks cut short (truncated).' : '';
    throw new ImportError(`${name} is not valid JSON: ${message}.${truncated} Nothing was imported.`);
  }
}

/** One id or link per line (more are accepted); `#` starts a comment; blank lines are ignored. */
export function readIdList(text: string, name = 'The file'): ReadResult {
  const seen = new Set<string>();
  const out: ReadResult = { items: [], skipped: [], candidates: [], oldStyle: [] };
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((line, i) => {
    const body = line.replace(/(^|\s)#.*$/, '').trim();
    if (!body) return;
    const where = `line ${i + 1}`;
    const ids = idsIn(body);
    if (!ids.length) {
      const old = arxivRefIn(body);
      if (old?.oldStyle && !seen.has(old.id)) {
        seen.add(old.id);
        out.skipped.push({ where, why: OLD_STYLE_WHY(old.id), reason: 'old-style' });
        out.oldStyle.push({ where, id: old.id, oldStyle: true, tags: [] });
      } else if (!old) {
        out.skipped.push({ where, why: `no arXiv id or paper link in “${clip(body)}”`, reason: 'no-arxiv' });
      }
      return;
    }
    for (const id of ids) {
      if (seen.has(id)) continue;
      seen.add(id);
      out.items.push({ paper: { id }, tags: [] });
    }
  });
  if (!out.items.length) {
    throw new ImportError(
      `${name} holds no arXiv id or Hugging Face paper link. A text import takes one per line, such as 2409.12345 or https://arxiv.org/abs/2409.12345.`,
      [],
      out.oldStyle,
    );
  }
  return out;
}
