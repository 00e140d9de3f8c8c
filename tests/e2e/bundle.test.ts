/**
 * The content script's budget, on the built extension: what runs on every papers page at load
 * stays ≤ 15 KB minified and carries no Zod (validation happens in the background).
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR } from '../harness/browser';
import { FIREFOX_EXTENSION_DIR } from '../harness/firefox';

const CONTENT_SCRIPT_BUDGET = 15 * 1024;

describe.each([
  ['Chrome (MV3)', EXTENSION_DIR],
  ['Firefox (MV2)', FIREFOX_EXTENSION_DIR],
])('%s content script', (_name, dir) => {
  const file = join(dir, 'papers.js');

  it(`is at most ${CONTENT_SCRIPT_BUDGET} bytes`, () => {
    expect(statSync(file).size).toBeLessThanOrEqual(CONTENT_SCRIPT_BUDGET);
  });

  it('holds no Zod and no JSON parsing of the page', () => {
    const code = readFileSync(file, 'utf8');
    expect(code).not.toMatch(/\$Zod|ZodError|zod/i);
    expect(code).not.toContain('JSON.parse');
  });
});
