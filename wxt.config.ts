import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { PAPERS_PAGES } from './utils/pages';
import { ZOTERO_PERMISSION } from './utils/zotero/connector';

// WXT's dev mode opens Debian's Chromium (or CHROMIUM_PATH); the tests' harness finds it the same way.
const chromium = [
  process.env.CHROMIUM_PATH,
  process.env.CHROME_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
].find((p) => p && existsSync(p));
const CSP = "script-src 'self'; object-src 'self'";

export default defineConfig({
  // Explicit imports everywhere: a reader sees where each name comes from.
  imports: false,
  manifest: ({ browser, manifestVersion }) => ({
    name: 'HF Papers Shelf',
    description: 'Bookmark, tag and track papers from Hugging Face Daily Papers; export to BibTeX, CSV, RIS, CSL-JSON and Markdown.',
    permissions: ['contextMenus', 'unlimitedStorage', 'storage'],
    host_permissions: ['https://huggingface.co/*'],
    // Zotero's connector server, asked for on the first "Send to Zotero" (utils/zotero/connector.ts). WXT drops
    // optional_host_permissions from MV2 manifests, and Firefox MV2 takes hosts in optional_permissions.
    ...(manifestVersion === 3 ? { optional_host_permissions: [ZOTERO_PERMISSION] } : { optional_permissions: [ZOTERO_PERMISSION] }),
    action: { default_title: 'HF Papers Shelf' },
    // Only the extension's own files run on its pages: no eval, no remote code, no inline script.
    content_security_policy: manifestVersion === 3 ? { extension_pages: CSP } : CSP,
    // entrypoints/papers.ts, built as an unlisted script (see there why).
    content_scripts: [{ matches: [PAPERS_PAGES], js: ['papers.js'], css: ['papers.css', 'papers-triage.css'], run_at: 'document_idle' }],
    // The content script's second part (the card's menu, the reader of cards without data), which
    // papers.js imports on first use. Reachable by huggingface.co pages only; in Chrome under a
    // per-session address (use_dynamic_url), so no page can probe for the extension by it.
    web_accessible_resources:
      manifestVersion === 3
        ? [{ resources: ['papers-later.js'], matches: ['https://huggingface.co/*'], use_dynamic_url: true }]
        : ['papers-later.js'],
    commands: {
      'toggle-bookmark': {
        suggested_key: { default: 'Alt+Shift+B' },
        description: 'Bookmark the paper on this page (or the focused card)',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'hf-papers-shelf@example.org',
              // 140 (the current ESR) is the first to read data_collection_permissions.
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  // terser shaves ~5% more than esbuild off the content script, which has a 15 KB budget.
  vite: () => ({
    plugins: [preact()],
    resolve: {
      // citation.js's BibTeX reader needs three helpers of its core, not core's Node-only fetching.
      alias: [{ find: /^@citation-js\/core$/, replacement: resolve(import.meta.dirname, 'utils/import/citation-core.ts') }],
    },
    build: {
      minify: process.env.HFP_NO_MINIFY ? false : 'terser',
      // ES2020 output and arrow/method shorthands: ~100 bytes less of the content script, same code.
      terserOptions: { ecma: 2020, compress: { passes: 3, unsafe_arrows: true, unsafe_methods: true }, format: { comments: false } },
      rollupOptions: {
        // zod's sources carry comments Rollup cannot place; harmless, and noisy on every build.
        onwarn(warning, warn) {
          if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('node_modules/zod')) return;
          warn(warning);
        },
      },
    },
  }),
  hooks: {
    // papers-later.js is imported by the content script: an ES module, not the IIFE WXT builds
    // unlisted scripts as (its default export is what the script's `main` returns).
    'vite:build:extendConfig'(entrypoints, config) {
      if (entrypoints.length !== 1 || entrypoints[0]!.name !== 'papers-later') return;
      (config.build!.lib as { formats: string[] }).formats = ['es'];
      config.plugins = config.plugins!.filter((p) => (p as { name?: string } | null)?.name !== 'wxt:iife-footer');
    },
  },
  webExt: {
    binaries: chromium ? { chrome: chromium } : undefined,
    // Without a display (CI, containers) Chromium must run headless.
    chromiumArgs: process.env.DISPLAY ? [] : ['--headless=new', '--no-sandbox', '--disable-gpu'],
    startUrls: ['https://huggingface.co/papers'],
  },
});
