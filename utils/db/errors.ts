import type { ErrorCode } from '../protocol';

/** Storage failures are named so the user can act on them (free disk space, retry). */
export function describeError(err: unknown): { code: ErrorCode; message: string } {
  const e = err as { name?: string; message?: string; inner?: { name?: string } } | undefined;
  const name = e?.inner?.name ?? e?.name ?? '';
  if (name === 'QuotaExceededError') {
    return { code: 'quota', message: 'The disk is full: nothing was saved. Free some space and try again.' };
  }
  if (/^(Abort|Database|Transaction|Open|InvalidState|Unknown|Data|Constraint|ReadOnly|VersionError)/.test(name)) {
    return { code: 'storage', message: `The library could not be written (${name}): nothing was changed.` };
  }
  return { code: 'internal', message: e?.message || String(err) };
}
