/**
 * The content script's budget, on the built extension: what runs on every papers page at load
 * stays ≤ 15 KB minified; neither it nor its second part, loaded on first use (the card's menu,
 * the reader of cards without data), carries Zod (validation happens in the background). The
 * second part is an ES module among the web-accessible resources.
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

  it('holds no Zod and no JSON parsing of the page, nor does its second part', () => {
    for (const f of [file, join(dir, 'papers-later.js')]) {
      const code = readFileSync(f, 'utf8');
      expect(code).not.toMatch(/\$Zod|ZodError|zod/i);
      expect(code).not.toContain('JSON.parse');
    }
  });

  // Chrome: huggingface.co only, under a per-session address. Firefox MV2 names no sites; its
  // address carries the install's random UUID, so no page can probe for it either.
  it('loads its second part, an ES module among the web-accessible resources, on first use', () => {
    expect(readFileSync(file, 'utf8')).toContain('"/papers-later.js"');
    expect(readFileSync(join(dir, 'papers-later.js'), 'utf8')).toMatch(/export\s*\{[^}]*\bas default\b/);
    const war = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')).web_accessible_resources;
    if (typeof war[0] === 'string') expect(war).toEqual(['papers-later.js']);
    else expect(war).toEqual([{ resources: ['papers-later.js'], matches: ['https://huggingface.co/*'], use_dynamic_url: true }]);
  });
});
