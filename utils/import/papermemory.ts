/**
 * PaperMemory's memory export (`PaperMemory-data-<date>-<time>.json`, options page, "Download
 * memory"): one object keyed by PaperMemory's ids (`Arxiv-2301.00001`, `Arxiv-hep-th_9901001`
 * with `_` for `/`, `OR-ICLR-2022_<forum>`, `ACL-…`, and bare arXiv ids before its data version
 * 208), plus `__dataVersion`. Fields as its validatePaper() describes them (src/shared/js/utils/data.js).
 * An arXiv paper comes over with its tags, note, favourite (as High priority) and added date; a
 * paper from another source, when its PDF link, DOI or BibTeX names an arXiv paper.
 */
import * as z from 'zod/mini';
import { type ArxivRef, eprintRef, PAPER_ID_RE } from '../ids';
import { githubUrl } from '../links';
import { Timestamp } from '../model';
import { clip, oneLine } from '../text';
import { issueText } from './issue';
import { Collector } from './collect';
import { progressTicker } from './progress';
import { ImportError, type ReadOptions, type ReadResult } from './types';

const Text = z.optional(z.string());
export const MemoryPaperSchema = z.object({
  id: Text,
  title: z.string(),
  /** "First Last and First Last". */
  author: Text,
  /** ISO date-time: when it was added to the memory. */
  addDate: Text,
  favorite: z.optional(z.boolean()),
  tags: z.optional(z.array(z.string())),
  note: Text,
  pdfLink: Text,
  md: Text,
  bibtex: Text,
  doi: Text,
  source: Text,
  /** "" when none; `false` in data written before version 509. */
  codeLink: z.optional(z.union([z.string(), z.boolean()])),
  year: z.optional(z.union([z.string(), z.number()])),
});
type MemoryPaper = z.infer<typeof MemoryPaperSchema>;

/** True for a parsed JSON value that is PaperMemory's memory. */
export function isPaperMemory(value: unknown): value is Record<string, unknown> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  if ('__dataVersion' in value) return true;
  return Object.values(value).some((p) => !!p && typeof p === 'object' && ('pdfLink' in p || 'addDate' in p));
}

/** An arXiv link in another source's record: its PDF link, markdown link, DOI, or BibTeX (eprint, arXiv URL, "arXiv:"). */
const LINKED = /(?:arxiv\.org\/(?:abs|pdf|html)\/|arxiv:\s*|10\.48550\/arxiv\.|eprint\s*=\s*[{"]\s*)((?:[a-z-]+(?:\.[a-z-]+)?\/)?\d{4}\.?\d{3,5})/gi;

export function memoryArxivRef(key: string, p: MemoryPaper): ArxivRef | undefined {
  const id = p.id ?? key;
  // PaperMemory's own ids: `Arxiv-2301.00001`, old-style with `_` for `/`; bare ids before data version 208.
  const own = /^Arxiv-(.+)$/i.exec(id)?.[1]?.replace('_', '/') ?? (PAPER_ID_RE.test(id) ? id : undefined);
  if (own) return eprintRef(own);
  for (const text of [p.pdfLink, p.md, p.doi, p.bibtex]) {
    for (const m of (text ?? '').matchAll(LINKED)) {
      const ref = eprintRef(m[1]!);
      if (ref) return ref;
    }
  }
  return undefined;
}

export async function readPaperMemory(value: Record<string, unknown>, opts: ReadOptions = {}): Promise<ReadResult> {
  const version = value.__dataVersion;
  if (version !== undefined && (typeof version !== 'number' || !Number.isFinite(version))) {
    throw new ImportError(`The PaperMemory file is damaged at __dataVersion: expected a number, found ${clip(JSON.stringify(version) ?? '?', 30)}.`);
  }
  const keys = Object.keys(value).filter((k) => !k.startsWith('__'));
  const out = new Collector('paper');
  const tick = progressTicker(keys.length, opts);
  for (const [i, key] of keys.entries()) {
    await tick(i + 1);
    const where = `paper ${clip(key, 50)}`;
    const parsed = MemoryPaperSchema.safeParse(value[key]);
    if (!parsed.success) {
      out.skip(where, `unreadable: ${issueText(parsed.error.issues[0]!)}`, 'unreadable');
      continue;
    }
    const p = parsed.data;
    const added = p.addDate ? Date.parse(p.addDate) : Number.NaN;
    const code = typeof p.codeLink === 'string' && /^https?:\/\/(www\.)?github\.com\//.test(p.codeLink) ? githubUrl(p.codeLink) : undefined;
    const fields = {
      title: oneLine(p.title),
      authors: (p.author ?? '')
        .split(/\s+and\s+/)
        .map((a) => oneLine(a))
        .filter(Boolean),
      githubRepo: code,
    };
    const note = p.note?.trim();
    const user = {
      tags: (p.tags ?? []).map((t) => oneLine(t)).filter(Boolean),
      ...(note ? { note } : {}),
      ...(Timestamp.safeParse(added).success ? { addedAt: added } : {}),
      ...(p.favorite ? { priority: 3 } : {}),
    };
    const year = Number(p.year) || undefined;
    out.take(where, memoryArxivRef(key, p), { fields, year, user }, `no arXiv link (PaperMemory source: ${p.source ?? 'unknown'})`);
  }
  return out.finish(`None of the ${keys.length} PaperMemory papers names an arXiv paper.`);
}
