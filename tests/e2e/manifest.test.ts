/**
 * What the built extension asks of the browser, checked against what the README promises:
 * a permission not on the README's list fails this test; so do a looser CSP, remote code, or
 * a store package missing its id, icons, name or description.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR, ROOT } from '../harness/browser';
import { FIREFOX_EXTENSION_DIR, GECKO_ID } from '../harness/firefox';

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const manifest = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));

/** The first column of the README's permissions table: `contextMenus`, host `https://huggingface.co/*`, … */
function promised(): Set<string> {
  const section = README.split(/^## Permissions$/m)[1]!.split(/^## /m)[0]!;
  return new Set([...section.matchAll(/^\| (?:host )?`([^`]+)`/gm)].map((m) => m[1]!));
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));
}

describe.each([
  ['Chrome (MV3)', EXTENSION_DIR],
  ['Firefox (MV2)', FIREFOX_EXTENSION_DIR],
])('%s build', (_name, dir) => {
  const m = manifest(dir);

  it('asks only for the permissions the README lists and justifies', () => {
    const required = [...(m.permissions ?? []), ...(m.host_permissions ?? [])];
    const optional = [...(m.optional_permissions ?? []), ...(m.optional_host_permissions ?? [])];
    expect(promised().size).toBeGreaterThan(0);
    for (const p of [...required, ...optional]) expect(promised(), `"${p}" is not in the README's permissions table`).toContain(p);
    const hosts = required.filter((p: string) => p.includes('://') || p === '<all_urls>');
    expect(hosts).toEqual(['https://huggingface.co/*']);
    // Zotero's connector server, asked for on the first "Send to Zotero" only.
    expect(optional).toEqual(['http://127.0.0.1/*']);
    expect(m.content_scripts.flatMap((c: { matches: string[] }) => c.matches)).toEqual(['https://huggingface.co/papers*']);
  });

  it('runs only its own code: a strict CSP, no remote scripts, no eval of our own', () => {
    const csp = typeof m.content_security_policy === 'string' ? m.content_security_policy : m.content_security_policy.extension_pages;
    expect(csp).toBe("script-src 'self'; object-src 'self'");
    for (const f of files(dir).filter((f) => f.endsWith('.js') || f.endsWith('.html'))) {
      const text = readFileSync(f, 'utf8');
      expect(text, f).not.toMatch(/<script[^>]+src=["']https?:/);
      expect(text, f).not.toMatch(/import\(\s*["']https?:|importScripts\(\s*["']https?:/);
      expect(text, f).not.toMatch(/\beval\(/);
    }
  });

  it('is store-ready: name, description, version, icons', () => {
    expect(m.name).toBe('HF Papers Shelf');
    expect(m.description.length).toBeGreaterThan(20);
    expect(m.description.length).toBeLessThanOrEqual(132); // the Chrome Web Store's limit
    expect(m.version).toMatch(/^\d+\.\d+\.\d+$/);
    for (const size of ['16', '32', '48', '128']) {
      expect(m.icons?.[size], `icon ${size}`).toBeDefined();
      expect(statSync(join(dir, m.icons[size])).size).toBeGreaterThan(100);
    }
  });
});

it('the Firefox build carries its add-on id and data-collection statement', () => {
  const m = manifest(FIREFOX_EXTENSION_DIR);
  expect(m.browser_specific_settings.gecko).toMatchObject({ id: GECKO_ID, data_collection_permissions: { required: ['none'] } });
  expect(m.background.persistent).toBe(false);
});
