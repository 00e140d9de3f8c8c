/**
 * The architecture, as rules `npm test` checks (npm run lint:deps). Read from the top:
 *
 *   entrypoints/          wiring only: each page, the background, the content script
 *   components/           Preact components: data and actions come from utils/ui hooks
 *   utils/ui/             the pages' logic: hooks, actions, export and import runners
 *   utils/catalog/        every paper as a row and the search index, in a page's worker; the view rules
 *   utils/background/     the background's request handlers, fill queue, shortcuts
 *   utils/db/             the Dexie schema and every read and write of the library
 *   utils/export, import, parse, search, sync, zotero, follows/
 *                         pure formats and engines: no database, no browser, no sibling
 *   utils/*.ts            the base: model, ids, links, pages, text, protocol, messaging, backup
 *   utils/content/        the content script (papers.js): only the base, and no Zod
 *
 * Imports point down this list, never up or sideways between pure folders, and never in a cycle.
 */
const PURE = '^utils/(export|import|parse|search|sync|zotero|follows)/';
const BASE = '^utils/[^/]+\\.ts$';
const ZOD_HOLDERS = '^utils/(model|protocol|backup)\\.ts$';

/** A rule: modules matching `from` may not import modules matching `to`. */
const forbid = (name, comment, from, to) => ({ name, comment, severity: 'error', from, to });
const up = (...paths) => ({ path: paths });

module.exports = {
  forbidden: [
    forbid('no-cycles', 'A cycle makes two modules one: merge them, or move what both need down.', {}, { circular: true }),
    forbid('tests-stay-out', 'Shipped code and the build config never import the tests.', { pathNot: '^tests/' }, up('^tests/')),
    forbid('entrypoints-are-leaves', 'Nothing imports an entrypoint: shared code lives in components/ and utils/.', {}, up('^entrypoints/')),
    forbid(
      'components-use-hooks',
      'Components get data and actions from utils/ui hooks, never from the database, the background or the browser API.',
      { path: '^components/' },
      up('^utils/(db|background|content)/', '^node_modules/(dexie|wxt)/'),
    ),
    forbid(
      'ui-below-components',
      'utils/ui serves components; it never imports them, nor the background or the content script.',
      { path: '^utils/ui/' },
      up('^components/', '^utils/(background|content)/'),
    ),
    forbid(
      'catalog-below-ui',
      "The catalogue serves the pages' hooks; it knows no page, nor the background or the content script.",
      { path: '^utils/catalog/' },
      up('^components/', '^utils/(ui|background|content)/'),
    ),
    forbid(
      'background-below-ui',
      'The background answers the pages; it imports none of them.',
      { path: '^utils/background/' },
      up('^components/', '^utils/(ui|content)/'),
    ),
    forbid(
      'db-below-background',
      'The database layer is used by the background and the pages; it knows neither.',
      { path: '^utils/db/' },
      up('^components/', '^utils/(ui|catalog|background|content)/'),
    ),
    forbid(
      'pure-folders-are-pure',
      'Formats and engines take data and return data: no database, no layer above, no browser API.',
      { path: PURE },
      up('^components/', '^utils/(ui|catalog|background|db|content)/', '^node_modules/(dexie|wxt)/'),
    ),
    forbid(
      'pure-folders-apart',
      'A pure folder imports only itself and the base; what two of them share moves down to the base.',
      { path: '^utils/([^/]+)/', pathNot: '^utils/(ui|catalog|background|db|content)/' },
      { path: '^utils/[^/]+/', pathNot: ['^utils/$1/'] },
    ),
    forbid(
      'base-is-the-bottom',
      'The base modules import only each other (and zod, the browser API).',
      { path: BASE },
      up('^utils/[^/]+/', '^components/'),
    ),
    forbid(
      'content-script-apart',
      'utils/content is exactly what papers.js and papers-later.js ship: only their entrypoints and the tests import it.',
      { pathNot: ['^utils/content/', '^entrypoints/papers(-later)?\\.ts$', '^tests/'] },
      up('^utils/content/'),
    ),
    forbid(
      'content-script-small',
      'The content script imports only itself and the base.',
      { path: '^utils/content/' },
      { path: ['^utils/[^/]+/', '^components/'], pathNot: '^utils/content/' },
    ),
    forbid(
      'content-script-no-zod',
      'No module holding Zod reaches the content script (types are free): validation happens in the background.',
      { path: '^(utils/content/|entrypoints/papers(-later)?\\.ts$)' },
      { path: [ZOD_HOLDERS, '^node_modules/zod/'], dependencyTypesNot: ['type-only'] },
    ),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^\\.output', '^\\.wxt'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      extensions: ['.ts', '.tsx', '.js', '.mjs'],
    },
  },
};
