/** Checking a JSON value before it is imported as a backup: format, version, every record. */
import { BACKUP_FORMAT, BACKUP_VERSION, BackupSchema, type Backup } from '../backup';
import { ImportError } from './types';

/**
 * Checks a parsed JSON value: the right format, a version this build reads, every record valid.
 * The first problem is named with where it is (`papers[12].id`).
 */
export function readBackup(value: unknown): Backup {
  const head = value as { format?: unknown; version?: unknown } | null;
  if (!head || typeof head !== 'object' || Array.isArray(head) || head.format !== BACKUP_FORMAT) {
    // A list is CSL-JSON, read elsewhere (read.ts): here only objects come.
    throw new ImportError('This JSON file is not an HF Papers Shelf backup (its "format" is not "hf-papers-shelf-backup").');
  }
  if (typeof head.version !== 'number' || !Number.isInteger(head.version) || head.version < 1) {
    throw new ImportError(`This backup has no valid "version" (found ${JSON.stringify(head.version) ?? 'nothing'}).`);
  }
  if (head.version > BACKUP_VERSION) {
    throw new ImportError(
      `This backup was made by a newer HF Papers Shelf (backup format ${head.version}; this version reads format ${BACKUP_VERSION}). Update the extension, then import it again.`,
    );
  }
  const parsed = BackupSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ImportError(`The backup is damaged at ${formatPath(issue.path) || 'its top level'}: ${issue.message}. Nothing was imported.`);
  }
  return parsed.data;
}

/** `["papers", 12, "id"]` → `papers[12].id` */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i ? '.' : ''}${String(k)}`)).join('');
}
