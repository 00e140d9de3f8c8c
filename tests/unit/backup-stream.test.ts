/**
 * The streaming backup reader against the whole-file one: the same backup out of every way the
 * file may be cut into chunks, and the same refusals, each naming where the file is damaged.
 */
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backupJson } from '../../utils/backup';
import { readBackup } from '../../utils/import/backup';
import { readBackupStream } from '../../utils/import/backup-stream';
import { ImportError } from '../../utils/import/types';
import { awkwardLibrary } from '../fixtures/awkward-library';

function streamOf(text: string, sizes: number[]): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let at = 0;
  let k = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      const n = Math.max(1, sizes[k++ % sizes.length]!);
      controller.enqueue(bytes.slice(at, at + n));
      at += n;
    },
  });
}

function backupText(lines: boolean) {
  const { papers, entries, tags } = awkwardLibrary();
  const b = {
    format: 'hf-papers-shelf-backup',
    version: 1,
    exportedAt: '2026-12-01T00:00:00.000Z',
    scope: 'library',
    papers,
    entries,
    tags,
    settings: { badge: false },
  };
  if (!lines) return backupJson(b as never);
  // As utils/db/backup.ts writes it: a record a line.
  return JSON.stringify(b).replace(/\},\{"id"/g, '},\n{"id"');
}

const read = (text: string, sizes = [65536]) => readBackupStream(streamOf(text, sizes), 'test.json');
const error = async (text: string, sizes?: number[]) => {
  const e = await read(text, sizes).catch((err: unknown) => err);
  expect(e).toBeInstanceOf(ImportError);
  return (e as Error).message;
};

describe('readBackupStream', () => {
  it('reads the same backup as the whole-file reader, however the file is cut into chunks', async () => {
    for (const lines of [false, true]) {
      const text = backupText(lines);
      const whole = readBackup(JSON.parse(text));
      await fc.assert(
        fc.asyncProperty(fc.array(fc.integer({ min: 1, max: 97 }), { minLength: 1, maxLength: 8 }), async (sizes) => {
          expect(await read(text, sizes)).toEqual(whole);
        }),
        { numRuns: 60, seed: 12031 },
      );
      expect(await read(`\uFEFF  ${text}\n\n`, [1])).toEqual(whole);
    }
  });

  it('refuses what the whole-file reader refuses, saying where', async () => {
    const text = backupText(true);
    const b = JSON.parse(text);
    b.papers[3].id = 'not-an-id';
    expect(await error(JSON.stringify(b), [5])).toMatch(/damaged at papers\[3\]\.id: expected an arXiv id/);
    expect(await error(text.slice(0, text.length / 2), [300])).toMatch(/cut short/);
    expect(await error(`${text}{}`)).toMatch(/more after the end/);
    expect(await error(JSON.stringify({ ...JSON.parse(text), version: 9 }))).toMatch(/newer HF Papers Shelf/);
    expect(await error(JSON.stringify({ ...JSON.parse(text), format: 'other' }))).toMatch(/not an HF Papers Shelf backup/);
    expect(await error('[{"id":"2409.12345"}]')).toMatch(/holds a list/);
    expect(await error(JSON.stringify({ ...JSON.parse(text), papers: ['x'] }))).toMatch(/papers\[0\]: expected a record/);
    expect(await error(text.replace('"entries":[', '"entries":[{"id":'), [7])).toMatch(/damaged/);
    const noScope = JSON.parse(text);
    delete noScope.scope;
    expect(await error(JSON.stringify(noScope))).toMatch(/damaged at scope/);
  });

  it('stops when asked, and tells how far it read', async () => {
    const seen: number[] = [];
    const text = backupText(true);
    await readBackupStream(streamOf(text, [1000]), 't', { onProgress: (b) => seen.push(b) });
    expect(seen.at(-1)).toBe(new TextEncoder().encode(text).length);
    const stop = new AbortController();
    stop.abort();
    await expect(readBackupStream(streamOf(text, [1000]), 't', { signal: stop.signal })).rejects.toThrow();
  });
});
