/**
 * `npm run bench`: every benchmark of the project, in a real Chromium with the built extension
 * (run `npm run build:chrome` first; the npm script does). Prints one table per area.
 */
import { requireBuild } from '../harness/browser';
import { benchContent } from './content';
import { benchLibrary } from './library';
import { benchUi } from './ui';
import { benchScale } from './scale';
import { printScale } from './scale-table';
import { printTable } from './stats';

async function main() {
  requireBuild();
  const only = process.argv[2];
  if (!only || only === 'content') printTable('Content script (huggingface.co pages)', await benchContent());
  if (!only || only === 'library') printTable('Reading list (background, IndexedDB)', await benchLibrary());
  if (!only || only === 'ui') printTable('Popup, library page, export and import (10,000 papers)', await benchUi());
  if (!only || only === 'scale') printScale(await benchScale(10_000), await benchScale(100_000), [10_000, 100_000]);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
