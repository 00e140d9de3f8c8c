/**
 * An import's outcome said so people can read it: one line of counts ("120 papers imported: 100
 * added, 20 unchanged · 143 entries name no arXiv paper · 4 duplicates"), and the details grouped
 * by reason, each group with its full list, for the page to show on demand.
 */
import { someIds } from './outcome';
import type { OldStylePaper, Skip, SkipReason, TitleCandidate } from './types';

/** What an import reports (utils/db/import.ts's ImportSummary is one). */
export interface ImportCounts {
  added: number;
  updated: number;
  unchanged: number;
  skipped: Skip[];
  kind?: string;
  candidates?: TitleCandidate[];
  oldStyle?: OldStylePaper[];
}

export interface SkipGroup {
  reason: SkipReason;
  /** "143 entries name no arXiv paper (120 can be looked up by title on Hugging Face)" */
  title: string;
  items: Skip[];
}

export interface DescribedImport {
  line: string;
  groups: SkipGroup[];
}

const UNITS: Record<string, [string, string]> = {
  bibtex: ['entry', 'entries'],
  ris: ['record', 'records'],
  csv: ['row', 'rows'],
  csljson: ['item', 'items'],
  papermemory: ['paper', 'papers'],
  text: ['line', 'lines'],
  lookup: ['title', 'titles'],
};

const ORDER: SkipReason[] = ['no-arxiv', 'old-style', 'duplicate', 'unreadable', 'ignored-value'];

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function groupTitle(reason: SkipReason, items: Skip[], s: ImportCounts): string {
  const [one, many] = UNITS[s.kind ?? ''] ?? ['entry', 'entries'];
  const n = items.length;
  switch (reason) {
    case 'no-arxiv': {
      const c = s.candidates?.length ?? 0;
      const lookup = c ? ` (${c} can be looked up by title on Hugging Face)` : '';
      return `${plural(n, one, many)} name${n === 1 ? 's' : ''} no arXiv paper${lookup}`;
    }
    case 'old-style': {
      const ids = s.oldStyle?.length ? ` (${someIds(s.oldStyle)})` : '';
      return `${plural(n, 'old-style arXiv id', 'old-style arXiv ids')}${ids}: Hugging Face lists only papers from 2007 on`;
    }
    case 'duplicate':
      return plural(n, 'duplicate', 'duplicates');
    case 'unreadable':
      return `${plural(n, one, many)} could not be read`;
    case 'ignored-value':
      return `${plural(n, 'value', 'values')} not understood and left out`;
  }
}

export function describeImport(s: ImportCounts): DescribedImport {
  const total = s.added + s.updated + s.unchanged;
  const counts = [`${s.added} added`, s.updated ? `${s.updated} updated` : '', s.unchanged ? `${s.unchanged} unchanged` : ''].filter(Boolean);
  const byReason = new Map<SkipReason, Skip[]>();
  for (const k of s.skipped) {
    const reason = k.reason ?? 'unreadable';
    const group = byReason.get(reason);
    if (group) group.push(k);
    else byReason.set(reason, [k]);
  }
  const groups = ORDER.filter((r) => byReason.has(r)).map((reason) => {
    const items = byReason.get(reason)!;
    return { reason, title: groupTitle(reason, items, s), items };
  });
  const line = [`${plural(total, 'paper', 'papers')} imported: ${counts.join(', ')}`, ...groups.map((g) => g.title)].join(' · ');
  return { line, groups };
}
