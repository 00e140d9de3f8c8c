/** "Today, at a glance": what the digest's lines say of the latest visit. */
import { sinceLabel } from '../db/visits';

/** "since Tue 14:05", or nothing before the first visit. */
export function sinceText(at: number | undefined, now = Date.now()): string {
  return at === undefined ? '' : ` since ${sinceLabel(at, now)}`;
}
