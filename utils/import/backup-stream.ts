/**
 * Reading a JSON backup of any size as it streams from the file: the text is never held whole,
 * each record of `papers`, `entries` and `tags` is parsed and checked on its own as soon as its
 * closing brace arrives, and the first problem is named with where it is (`papers[12].id`). What
 * comes out is the same backup `readBackup` gives for a small file.
 */
import * as z from 'zod/mini';
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup } from '../backup';
import { ChosenSettingsSchema, EntrySchema, PaperSchema, TagSchema } from '../model';
import { ZoteroSentRowSchema } from '../zotero-sent';
import { formatPath } from './backup';
import { ImportError } from './types';

const RECORDS = { papers: PaperSchema, entries: EntrySchema, tags: TagSchema, zoteroSent: ZoteroSentRowSchema } as const;
type RecordKey = keyof typeof RECORDS;
const HEAD = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.number(),
  exportedAt: z.string(),
  scope: z.enum(['library', 'part']),
  // Read as records when it is a list; anything else lands here and is refused, as readBackup refuses it.
  zoteroSent: z.optional(z.array(ZoteroSentRowSchema)),
  settings: z.optional(ChosenSettingsSchema),
});

export interface StreamOptions {
  /** Bytes read so far (the caller knows the file's size). */
  onProgress?: (bytes: number) => void;
  signal?: AbortSignal;
}

const OPEN = 123; // {
const CLOSE = 125; // }
const OPEN_A = 91; // [
const CLOSE_A = 93; // ]
const QUOTE = 34;
const BACKSLASH = 92;
const COLON = 58;
const COMMA = 44;

export async function readBackupStream(
  stream: ReadableStream<Uint8Array>,
  name: string,
  { onProgress, signal }: StreamOptions = {},
): Promise<Backup> {
  const out: Record<RecordKey, unknown[]> = { papers: [], entries: [], tags: [], zoteroSent: [] };
  /** `zoteroSent` is optional: present in the result only when the file has it, as readBackup reads it. */
  let hasSent = false;
  const head: Record<string, unknown> = {};
  let depth = 0;
  let inString = false;
  let escaped = false;
  /** At depth 1: the last key read, and whether its value is due. */
  let key: string | undefined;
  let afterColon = false;
  /** The text captured so far (a key, a top-level value, a record of one of the arrays) in the chunks before this one. */
  let pieces: string[] = [];
  let capturing: 'value' | 'record' | undefined;
  /** The value captured is a number, true, false or null (it ends at a comma, a brace or a space). */
  let primitive = false;
  let readingKey = false;
  let bytes = 0;
  let seenEnd = false;

  // The same messages as the whole-file reader (import/backup.ts), which the README quotes.
  const fail = (message: string): never => {
    throw new ImportError(`${message} Nothing was imported.`);
  };
  const endValue = (text: string) => {
    capturing = undefined;
    afterColon = false;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      fail(`The backup is damaged at "${key}".`);
    }
    head[key!] = value;
    if (key === 'format' && value !== BACKUP_FORMAT)
      fail('This JSON file is not an HF Papers Shelf backup (its "format" is not "hf-papers-shelf-backup").');
    if (key === 'version' && typeof value === 'number' && value > BACKUP_VERSION) {
      fail(
        `This backup was made by a newer HF Papers Shelf (backup format ${value}; this version reads format ${BACKUP_VERSION}). Update the extension, then import it again.`,
      );
    }
  };
  const endRecord = (text: string) => {
    const list = key as RecordKey;
    const at = out[list].length;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      fail(`The backup is damaged at ${list}[${at}] (not valid JSON).`);
    }
    const parsed = RECORDS[list].safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      fail(`The backup is damaged at ${formatPath([list, at, ...issue.path])}: ${issue.message}.`);
    }
    out[list].push(parsed.data);
  };

  const decoder = new TextDecoder('utf-8', { fatal: false });
  const reader = stream.getReader();
  let first = true;
  for (;;) {
    signal?.throwIfAborted();
    const { done, value } = await reader.read();
    let text = done ? decoder.decode() : decoder.decode(value, { stream: true });
    if (value) bytes += value.byteLength;
    if (first && text) {
      text = text.replace(/^\uFEFF/, '');
      first = false;
    }
    let from = 0;
    /** The captured text up to `end` (exclusive), across the chunks it spans. */
    const taken = (end: number) => {
      const whole = pieces.join('') + text.slice(from, end);
      pieces = [];
      return whole;
    };
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (inString) {
        if (escaped) escaped = false;
        else if (c === BACKSLASH) escaped = true;
        else if (c === QUOTE) {
          inString = false;
          if (readingKey) {
            key = taken(i);
            readingKey = false;
          }
        }
        continue;
      }
      if (c <= 32) {
        // Whitespace ends a number, true, false or null.
        if (capturing === 'value' && depth === 1 && primitive) endValue(taken(i));
        continue;
      }
      if (seenEnd) fail('There is more after the end of the backup.');
      if (depth === 0) {
        if (c === OPEN_A) fail('This JSON file holds a list, not an HF Papers Shelf backup.');
        if (c !== OPEN) fail('This file is not a JSON backup.');
        depth = 1;
        continue;
      }
      if (depth === 1 && !capturing) {
        if (c === QUOTE && !afterColon) {
          inString = true;
          readingKey = true;
          from = i + 1;
        } else if (c === COLON) afterColon = true;
        else if (c === COMMA) afterColon = false;
        else if (c === CLOSE) {
          depth = 0;
          seenEnd = true;
        } else if (afterColon) {
          if (c === OPEN_A && key !== undefined && key in RECORDS) {
            depth = 2;
            hasSent ||= key === 'zoteroSent';
          } else {
            capturing = 'value';
            primitive = c !== QUOTE && c !== OPEN && c !== OPEN_A;
            from = i;
            if (c === QUOTE) inString = true;
            else if (!primitive) depth = 2;
          }
        } else fail('The backup is damaged (not valid JSON).');
        continue;
      }
      if (capturing === 'value' && depth === 1) {
        // After a string or a number: the value ends here.
        if (c === COMMA || c === CLOSE) {
          endValue(taken(i));
          if (c === CLOSE) {
            depth = 0;
            seenEnd = true;
          }
        } else if (!primitive) fail(`The backup is damaged after "${key}".`);
        continue;
      }
      if (depth === 2 && !capturing && c !== OPEN && c !== COMMA && c !== CLOSE_A) {
        fail(`The backup is damaged at ${key}[${out[key as RecordKey].length}]: expected a record.`);
      }
      if (c === QUOTE) inString = true;
      else if (c === OPEN || c === OPEN_A) {
        if (depth === 2 && !capturing) {
          capturing = 'record';
          from = i;
        }
        depth++;
      } else if (c === CLOSE || c === CLOSE_A) {
        depth--;
        if (capturing === 'record' && depth === 2) {
          endRecord(taken(i + 1));
          capturing = undefined;
        } else if (capturing === 'value' && depth === 1) endValue(taken(i + 1));
        else if (depth === 1) afterColon = false;
      }
    }
    if (capturing || readingKey) {
      pieces.push(text.slice(from));
    }
    onProgress?.(bytes);
    if (done) break;
  }
  if (!seenEnd) fail(`${name} is not valid JSON: it ends before the backup does. The file looks cut short (truncated).`);
  const parsedHead = HEAD.safeParse(head);
  if (!parsedHead.success) {
    if (head.format !== BACKUP_FORMAT) fail('This JSON file is not an HF Papers Shelf backup (its "format" is not "hf-papers-shelf-backup").');
    const issue = parsedHead.error.issues[0]!;
    fail(`The backup is damaged at ${formatPath(issue.path) || 'its top level'}: ${issue.message}.`);
  }
  if (head.version !== BACKUP_VERSION) fail(`This backup has no valid "version" (found ${JSON.stringify(head.version) ?? 'nothing'}).`);
  const sent = hasSent ? { zoteroSent: out.zoteroSent } : {};
  return { ...parsedHead.data, version: BACKUP_VERSION, papers: out.papers, entries: out.entries, tags: out.tags, ...sent } as Backup;
}
