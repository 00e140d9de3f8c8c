/**
 * CSL-JSON (Zotero, Better BibTeX, citation.js, pandoc, this extension): a JSON list of items,
 * each checked field by field (the fields read here; others are left alone). arXiv papers are
 * named by `number` (`arXiv:2302.06984`, Zotero's archive ID), the DOI, the URL or Zotero's
 * `note` (its Extra field). The user's note is `annote`; `note` is a reference's own remark.
 */
import * as z from 'zod/mini';
import { type ArxivRef, idsIn, oldStyleIdIn } from '../ids';
import { clip, oneLine } from '../text';
import { issueText } from './issue';
import { cslDay, cslNames, cslYear, splitList } from './csl';
import { noteText } from './note';
import { Collector } from './collect';
import { progressTicker } from './progress';
import { ImportError, type ReadOptions, type ReadResult } from './types';

const Text = z.optional(z.string());
const TextOrNumber = z.optional(z.union([z.string(), z.number()]));
const Name = z.object({
  family: Text,
  given: Text,
  literal: Text,
  suffix: Text,
  'non-dropping-particle': Text,
  'dropping-particle': Text,
});
const CslDate = z.object({ 'date-parts': z.optional(z.array(z.array(z.union([z.number(), z.string()])))), literal: Text, raw: Text });

export const CslItemSchema = z.object({
  id: TextOrNumber,
  type: Text,
  title: Text,
  author: z.optional(z.array(Name)),
  issued: z.optional(CslDate),
  abstract: Text,
  DOI: Text,
  URL: Text,
  number: TextOrNumber,
  note: Text,
  annote: Text,
  keyword: Text,
  archive_location: Text,
  'container-title': Text,
  source: Text,
});
type CslItem = z.infer<typeof CslItemSchema>;

/** Most specific first; a bare id is taken from `number` alone (elsewhere it could be a page or an issue). */
export function cslArxivRef(item: CslItem): ArxivRef | undefined {
  const fields = [item.number, item.DOI, item.URL, item.archive_location, item.note, item['container-title']];
  for (const [i, value] of fields.entries()) {
    if (value === undefined) continue;
    const text = String(value);
    const id = idsIn(i === 0 ? text : text.replace(/^\d{4}\.\d{4,5}$/, ''))[0];
    if (id) return { id };
    const old = oldStyleIdIn(text);
    if (old) return { id: old, oldStyle: true };
  }
  return undefined;
}

/** A citation key names an item; Zotero's ids are URIs, so its title does. */
function itemLabel(raw: unknown): string {
  const { id, title } = (raw && typeof raw === 'object' ? raw : {}) as { id?: unknown; title?: unknown };
  if (typeof id === 'string' && !/^https?:/.test(id)) return ` (${clip(oneLine(id), 50)})`;
  return typeof title === 'string' ? ` (“${clip(oneLine(title), 48)}”)` : '';
}

export async function readCslJson(value: unknown, opts: ReadOptions = {}): Promise<ReadResult> {
  if (!Array.isArray(value)) throw new ImportError('This JSON file is not CSL-JSON: CSL-JSON is a list of items.');
  const out = new Collector('item');
  const tick = progressTicker(value.length, opts);
  for (const [i, raw] of value.entries()) {
    await tick(i + 1);
    const label = itemLabel(raw);
    const where = `item ${i + 1}${label}`;
    const parsed = CslItemSchema.safeParse(raw);
    if (!parsed.success) {
      out.skip(where, `unreadable: ${issueText(parsed.error.issues[0]!)}`, 'unreadable');
      continue;
    }
    const item = parsed.data;
    const fields = {
      title: item.title ? oneLine(item.title) : undefined,
      authors: cslNames(item.author),
      abstract: item.abstract?.trim(),
      publishedAt: cslDay(item.issued),
    };
    const note = item.annote ? noteText(item.annote) : '';
    const tags = splitList(item.keyword, /,/);
    const user = note ? { tags, note } : { tags };
    out.take(where, cslArxivRef(item), { fields, year: cslYear(item.issued), user }, 'no arXiv id (arXiv number, URL or DOI)');
  }
  const n = value.length;
  return out.finish(
    `This JSON file holds a list of ${n} CSL-JSON item${n === 1 ? '' : 's'}, none of which names an arXiv paper (an arXiv number, URL or DOI).`,
  );
}
