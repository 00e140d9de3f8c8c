/**
 * Reading a file the user chose to import: which kind it is (our JSON backup, BibTeX, a list of
 * arXiv ids or links), and what it holds, checked. Nothing here touches the library: a file that
 * cannot be read is rejected whole, with a message that names the problem and where it is.
 */
import type { Backup } from '../backup';
import { idsIn, oldStyleIdIn } from '../ids';
import { clip } from '../text';
import { readBackup } from './backup';
import { ImportError, type ListedPaper, type Skip } from './types';

export type Incoming = { kind: 'backup'; backup: Backup; skipped: Skip[] } | { kind: 'bibtex' | 'text'; items: ListedPaper[]; skipped: Skip[] };

export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;

export async function readImportFile(file: { name: string; size: number; text(): Promise<string> }): Promise<Incoming> {
  if (file.size > MAX_IMPORT_BYTES) {
    throw new ImportError(
      `${file.name} is ${(file.size / 1024 / 1024).toFixed(0)} MB; the largest file this imports is ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`,
    );
  }
  if (!file.size) throw new ImportError(`${file.name} is empty.`);
  return readImportText(await file.text(), file.name);
}

export async function readImportText(raw: string, name = 'The file'): Promise<Incoming> {
  const text = raw.replace(/^\uFEFF/, '');
  if (looksBinary(text)) {
    throw new ImportError(`${name} is not a text file. Import a JSON backup, a BibTeX file (.bib) or a text list of arXiv ids.`);
  }
  const first = /\S/.exec(text)?.[0];
  if (first === '{' || first === '[') return { kind: 'backup', backup: readBackup(parseJson(text, name)), skipped: [] };
  if (/^\s*@\s*[a-zA-Z]+\s*[{(]/m.test(text)) {
    const { readBibtex } = await import('./bibtex');
    return { kind: 'bibtex', ...readBibtex(text) };
  }
  return { kind: 'text', ...readIdList(text, name) };
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
export function readIdList(text: string, name = 'The file'): { items: ListedPaper[]; skipped: Skip[] } {
  const seen = new Set<string>();
  const items: ListedPaper[] = [];
  const skipped: Skip[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((line, i) => {
    const body = line.replace(/(^|\s)#.*$/, '').trim();
    if (!body) return;
    const ids = idsIn(body);
    if (!ids.length) {
      const old = oldStyleIdIn(body);
      skipped.push({
        where: `line ${i + 1}`,
        why: old
          ? `${old} is an old-style arXiv id; Hugging Face lists papers by new-style ids only`
          : `no arXiv id or paper link in “${clip(body)}”`,
      });
      return;
    }
    for (const id of ids) {
      if (seen.has(id)) continue;
      seen.add(id);
      items.push({ paper: { id }, tags: [] });
    }
  });
  if (!items.length) {
    throw new ImportError(
      `${name} holds no arXiv id or Hugging Face paper link. A text import takes one per line, such as 2409.12345 or https://arxiv.org/abs/2409.12345.`,
    );
  }
  return { items, skipped };
}
