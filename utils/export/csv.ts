/**
 * CSV (RFC 4180: CRLF, quotes doubled), one row per paper, written by Papa Parse. Lists (authors,
 * tags) are joined with "; ". A cell that a spreadsheet would run as a formula (= + - @ at its
 * start) gets a leading apostrophe, as OWASP advises: opening an export never runs anything.
 */
import Papa from 'papaparse';
import { arxivUrl, githubUrl, hfUrl, pdfUrl, safeHttpUrl } from '../links';
import { isoTime, statusOf } from './common';
import type { Item } from '../model';

/** Papa Parse's own pattern ends in `.*$`, which misses a formula followed by a line break. */
const FORMULA = /^[=+\-@\t\r]/;

export const CSV_COLUMNS = [
  'arxiv_id',
  'title',
  'authors',
  'published',
  'featured',
  'upvotes',
  'comments',
  'organization',
  'status',
  'tags',
  'note',
  'priority',
  'bookmarked_at',
  'status_changed_at',
  'updated_at',
  'hf_url',
  'arxiv_url',
  'pdf_url',
  'github',
  'github_stars',
  'project_page',
  'abstract',
] as const;

export function toCsv(items: Item[]): string {
  const rows = items.map((p) => {
    const e = p.entry;
    const saved = statusOf(p) !== undefined;
    const text: Record<(typeof CSV_COLUMNS)[number], string | number> = {
      arxiv_id: p.id,
      title: p.title,
      authors: p.authors.join('; '),
      published: p.publishedAt ?? '',
      featured: p.featuredAt ?? '',
      upvotes: p.upvotes ?? '',
      comments: p.comments ?? '',
      organization: p.organization?.fullname ?? p.organization?.name ?? '',
      status: saved ? e!.status : '',
      tags: e?.tags.join('; ') ?? '',
      note: e?.note ?? '',
      priority: e?.priority ?? '',
      bookmarked_at: isoTime(e?.bookmarkedAt),
      status_changed_at: saved ? isoTime(e!.statusAt) : '',
      updated_at: isoTime(e?.updatedAt),
      hf_url: hfUrl(p.id),
      arxiv_url: arxivUrl(p.id),
      pdf_url: pdfUrl(p.id),
      github: githubUrl(p.githubRepo) ?? '',
      github_stars: p.githubStars ?? '',
      project_page: safeHttpUrl(p.projectPage) ?? '',
      abstract: p.abstract ?? '',
    };
    return CSV_COLUMNS.map((c) => text[c]);
  });
  return `${Papa.unparse({ fields: [...CSV_COLUMNS], data: rows }, { newline: '\r\n', escapeFormulae: FORMULA })}\r\n`;
}
