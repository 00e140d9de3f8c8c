/**
 * arXiv ids as numbers that sort by month, so the ids of a shard are coded as small gaps.
 * `2409.12345` → 2409·110,000 + 12,345; a four-digit number (ids before 2015) is put after the
 * five-digit range of its month (2409·110,000 + 100,000 + n), so every id PAPER_ID_RE accepts
 * has its own number and comes back as written.
 */
import { PAPER_ID_RE } from '../ids';

const MONTH = 110_000;

export function paperNumber(id: string): number {
  if (!PAPER_ID_RE.test(id)) throw new RangeError(`not an arXiv id: ${id}`);
  const month = Number(id.slice(0, 4));
  const digits = id.slice(5);
  return month * MONTH + (digits.length === 5 ? Number(digits) : 100_000 + Number(digits));
}

export function paperIdOf(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 10_000 * MONTH) throw new RangeError(`not a paper number: ${n}`);
  const month = Math.floor(n / MONTH);
  const rest = n - month * MONTH;
  const digits = rest < 100_000 ? String(rest).padStart(5, '0') : String(rest - 100_000).padStart(4, '0');
  return `${String(month).padStart(4, '0')}.${digits}`;
}
