/**
 * CSL-JSON's names and dates as the library keeps them ("Given Family", `YYYY-MM-DD`): shared by
 * the CSL-JSON reader and by the BibTeX and RIS readers, whose parsers hand over CSL items.
 */
import { oneLine } from '../text';

export interface CslName {
  given?: string;
  family?: string;
  literal?: string;
  'non-dropping-particle'?: string;
  'dropping-particle'?: string;
  suffix?: string;
}

/** `{given: "Ludwig", family: "Beethoven", non-dropping-particle: "van"}` → "Ludwig van Beethoven". */
export function cslName(n: CslName): string {
  if (n.literal) return oneLine(n.literal);
  const family = [n['non-dropping-particle'], n.family].filter(Boolean).join(' ');
  return oneLine([n.given, n['dropping-particle'], family, n.suffix].filter(Boolean).join(' '));
}

export function cslNames(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  return list
    .filter((n): n is CslName => !!n && typeof n === 'object')
    .map(cslName)
    .filter(Boolean);
}

/** `date-parts` as numbers (CSL allows numeric strings, which Zotero wrote for years). */
function dateParts(issued: unknown): number[] {
  const parts = (issued as { 'date-parts'?: unknown } | undefined)?.['date-parts'];
  const first = Array.isArray(parts) ? parts[0] : undefined;
  if (!Array.isArray(first)) return [];
  const out: number[] = [];
  for (const p of first) {
    const n = typeof p === 'number' ? p : typeof p === 'string' && /^\d+$/.test(p.trim()) ? Number(p) : Number.NaN;
    if (!Number.isInteger(n)) break;
    out.push(n);
  }
  return out;
}

/** The full day only (`2025-09-02`): a year or a month alone is no publication day. */
export function cslDay(issued: unknown): string | undefined {
  const [y, m, d] = dateParts(issued);
  if (y === undefined || m === undefined || d === undefined || m < 1 || m > 12 || d < 1 || d > 31 || y < 1000 || y > 9999) return undefined;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function cslYear(issued: unknown): number | undefined {
  const y = dateParts(issued)[0];
  return y !== undefined && y >= 1000 && y <= 9999 ? y : undefined;
}

/** A keyword list as one string (`"RL, diffusion"`): each one trimmed, none empty. */
export function splitList(value: unknown, separators: RegExp): string[] {
  if (typeof value !== 'string') return [];
  return value
    .split(separators)
    .map((t) => oneLine(t))
    .filter(Boolean);
}
