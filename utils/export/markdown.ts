/**
 * A reading list to paste into notes: grouped by status (to read, reading, read) or by tag,
 * each paper a line with its links, tags and note. Text from the site or the user is escaped,
 * so a title never turns into a link, an image or HTML where the Markdown is rendered.
 */
import { arxivUrl, hfUrl, pdfUrl } from '../links';
import { statusOf } from './common';
import { paperDate } from '../citation';
import { STATUS_LABEL, STATUSES, type Item, type Status } from '../model';
import { oneLine } from '../text';

export type MarkdownGrouping = 'status' | 'tag';

const GROUPS = STATUSES.map((s): [Status, string] => [s, STATUS_LABEL[s]]);

/** Markdown's punctuation, and `<`/`>` so no HTML passes; line breaks become spaces. */
export function escapeMarkdown(text: string): string {
  return oneLine(text).replace(/[\\`*_{}[\]()<>#+!|~&]/g, (c) => `\\${c}`);
}

function authors(p: Item): string {
  const total = Math.max(p.authors.length, p.authorCount ?? 0);
  if (!p.authors.length) return total ? `${total} authors` : '';
  const shown = p.authors.slice(0, 3).map(escapeMarkdown).join(', ');
  return total > 3 ? `${shown} et al.` : shown;
}

function entry(p: Item): string {
  const year = paperDate(p)?.year;
  const meta = [authors(p), year ? `(${year})` : ''].filter(Boolean).join(' ');
  const tags = (p.entry?.tags ?? []).map((t) => `#${t.replace(/[^\p{L}\p{N}_/-]+/gu, '-')}`).join(' ');
  const parts = [`[${escapeMarkdown(p.title)}](${hfUrl(p.id)})`, meta, `[arXiv](${arxivUrl(p.id)}) · [PDF](${pdfUrl(p.id)})`, tags].filter(Boolean);
  let line = `- ${parts.join(' — ')}`;
  const note = p.entry?.note.trim();
  if (note)
    line +=
      '\n' +
      note
        .split(/\r?\n/)
        .map((l) => `  > ${escapeMarkdown(l)}`)
        .join('\n');
  return line;
}

export function toMarkdown(items: Item[], opts: { groupBy?: MarkdownGrouping; title?: string; date?: string } = {}): string {
  const heading = `# ${opts.title ?? 'Reading list'}${opts.date ? ` (${opts.date})` : ''}\n`;
  const sections: Array<[string, Item[]]> = [];
  if (opts.groupBy === 'tag') {
    const byTag = new Map<string, Item[]>();
    const untagged: Item[] = [];
    for (const p of items) {
      const tags = p.entry?.tags ?? [];
      if (!tags.length) untagged.push(p);
      for (const t of tags) byTag.set(t, [...(byTag.get(t) ?? []), p]);
    }
    for (const t of [...byTag.keys()].sort((a, b) => a.localeCompare(b))) sections.push([escapeMarkdown(t), byTag.get(t)!]);
    if (untagged.length) sections.push(['No tag', untagged]);
  } else {
    for (const [status, label] of GROUPS) sections.push([label, items.filter((p) => statusOf(p) === status)]);
    sections.push(['Not saved', items.filter((p) => statusOf(p) === undefined)]);
  }
  const body = sections
    .filter(([, list]) => list.length)
    .map(([label, list]) => `## ${label} (${list.length})\n\n${list.map(entry).join('\n')}\n`)
    .join('\n');
  return `${heading}\n${body || '_Nothing to list._\n'}`;
}
