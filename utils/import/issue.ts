/** A schema's complaint about a record, said plainly and with where it is (`tags: expected a list`). */
import type * as z from 'zod/mini';
import { formatPath } from './backup';

const KIND: Record<string, string> = { string: 'text', number: 'a number', boolean: 'true or false', array: 'a list', object: 'an object' };

export function issueText(issue: z.core.$ZodIssue): string {
  const what =
    issue.code === 'invalid_type'
      ? `expected ${KIND[issue.expected] ?? issue.expected}`
      : issue.code === 'invalid_union'
        ? 'not a value of the expected kind'
        : issue.message;
  const at = formatPath(issue.path);
  return at ? `${at}: ${what}` : what;
}
