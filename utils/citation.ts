/**
 * What every citation of a paper needs, whatever it is written to (an export file, Zotero): its
 * authors' names split into given and family parts, and its date. Pure functions.
 */
import type { Item } from './model';
import { oneLine } from './text';

export interface PersonName {
  given?: string;
  family?: string;
  /** A name that cannot be split (one word, an organisation). */
  literal?: string;
}

/** Lower-case particles that belong to the family name ("Ludwig van Beethoven"). */
const PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'dos', 'du', 'la', 'le', 'ten', 'ter', 'bin', 'al', 'el']);

/**
 * "Given Family" as the site writes names. The family name is the last word with the particles
 * before it; a name of one word, or one already "Family, Given", is kept as the user gave it.
 */
export function splitName(raw: string): PersonName {
  const name = oneLine(raw);
  if (name.includes(',')) {
    const [family, ...given] = name.split(',');
    return { family: family!.trim(), given: given.join(',').trim() || undefined };
  }
  const words = name.split(' ');
  if (words.length < 2) return { literal: name };
  let i = words.length - 1;
  while (i > 1 && PARTICLES.has(words[i - 1]!)) i--;
  return { given: words.slice(0, i).join(' '), family: words.slice(i).join(' ') };
}

export interface PaperDate {
  year: number;
  month: number;
  day?: number;
}

/** The publication day, else the month the arXiv id names (2409.12345: September 2024). */
export function paperDate(p: Pick<Item, 'id' | 'publishedAt'>): PaperDate | undefined {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(p.publishedAt ?? '');
  if (d) return { year: Number(d[1]), month: Number(d[2]), day: Number(d[3]) };
  const m = /^(\d{2})(\d{2})\./.exec(p.id);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return { year: 2000 + Number(m[1]), month: Number(m[2]) };
  return undefined;
}
