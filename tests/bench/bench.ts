/**
 * `npm run bench`: every benchmark of the project, in a real Chromium with the built extension
 * (run `npm run build:chrome` first; the npm script does). Prints one table per area.
 */
import { requireBuild } from '../harness/browser';
import { benchContent } from './content';
import { benchEngine } from './engine';
import { benchLibrary } from './library';
import { benchRelevance } from './relevance';
import { benchUi } from './ui';
import { benchScale } from './scale';
import { benchTriage } from './triage';
import { printScale } from './scale-table';
import { printTable } from './stats';

async function main() {
  const only = process.argv[2];
  // The search engine's figures need no browser (engine.ts: run with --expose-gc for its heap).
  if (!only || only === 'relevance') printTable('Search relevance (10,000 papers, real and look-alike)', benchRelevance(10_000, 200, false));
  if (!only || only === 'engine') {
    for (const n of [10_000, 100_000]) printTable(`Search engine in Node (${n.toLocaleString('en')} papers)`, benchEngine(n));
  }
  if (only === 'relevance' || only === 'engine') return;
  requireBuild();
  if (!only || only === 'content') printTable('Content script (huggingface.co pages)', await benchContent());
  if (!only || only === 'triage') printTable('Triage on the listing (100 cards, 200 follows)', await benchTriage());
  if (!only || only === 'library') printTable('Reading list (background, IndexedDB)', await benchLibrary());
  if (!only || only === 'ui') printTable('Popup, library page, export and import (10,000 papers)', await benchUi());
  if (!only || only === 'scale') {
    // `bench.ts scale 10000` measures one size; the default is both.
    const sizes = process.argv[3] ? [Number(process.argv[3])] : [10_000, 100_000];
    const figures = [];
    for (const n of sizes) figures.push(await benchScale(n));
    printScale(figures, sizes);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
