/**
 * The architecture, as rules `npm test` checks (npm run lint:deps). Read from the top:
 *
 *   entrypoints/          wiring only: each page, the background, the content script
 *   components/           Preact components: data and actions come from utils/ui hooks
 *   utils/ui/             the pages' logic: hooks, view rules, actions, export and import runners
 *   utils/background/     the background's request handlers, fill queue, shortcuts
 *   utils/db/             the Dexie schema and every read and write of the library
 *   utils/export, import, parse, search, sync, zotero/
 *                         pure formats and engines: no database, no browser, no sibling
 *   utils/*.ts            the base: model, ids, links, pages, text, protocol, messaging, backup
 *   utils/content/        the content script (papers.js): only the base, and no Zod
 *
 * Imports point down this list, never up or sideways between pure folders, and never in a cycle.
 */
const PURE = '^utils/(export|import|parse|search|sync|zotero)/';
const BASE = '^utils/[^/]+\\.ts$';
const ZOD_HOLDERS = '^utils/(model|protocol|backup)\\.ts$';

module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'A cycle makes two modules one: merge them or move what both need down.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'tests-stay-out',
      severity: 'error',
      comment: 'Shipped code and the build config never import the tests.',
      from: { pathNot: '^tests/' },
      to: { path: '^tests/' },
    },
    {
      name: 'entrypoints-are-leaves',
      severity: 'error',
      comment: 'Nothing imports an entrypoint: shared code lives in components/ and utils/.',
      from: {},
      to: { path: '^entrypoints/' },
    },
    {
      name: 'components-use-hooks',
      severity: 'error',
      comment: 'Components get data and actions from utils/ui hooks, never from the database, the background or the browser API.',
      from: { path: '^components/' },
      to: { path: ['^utils/(db|background|content)/', '^node_modules/(dexie|wxt)/'] },
    },
    {
      name: 'ui-below-components',
      severity: 'error',
      comment: 'utils/ui serves components; it never imports them, nor the background or the content script.',
      from: { path: '^utils/ui/' },
      to: { path: ['^components/', '^utils/(background|content)/'] },
    },
    {
      name: 'background-below-ui',
      severity: 'error',
      from: { path: '^utils/background/' },
      to: { path: ['^components/', '^utils/(ui|content)/'] },
    },
    {
      name: 'db-below-background',
      severity: 'error',
      comment: 'The database layer is used by the background and the pages; it knows neither.',
      from: { path: '^utils/db/' },
      to: { path: ['^components/', '^utils/(ui|background|content)/'] },
    },
    {
      name: 'pure-folders-are-pure',
      severity: 'error',
      comment: 'Formats and engines take data and return data: no database, no layer above, no sibling folder, no browser API.',
      from: { path: PURE },
      to: { path: ['^components/', '^utils/(ui|background|db|content)/', '^node_modules/(dexie|wxt)/'] },
    },
    {
      name: 'pure-folders-apart',
      severity: 'error',
      comment: 'A pure folder imports only itself and the base; what two of them share moves down to the base.',
      from: { path: '^utils/([^/]+)/', pathNot: '^utils/(ui|background|db|content)/' },
      to: { path: '^utils/[^/]+/', pathNot: ['^utils/$1/'] },
    },
    {
      name: 'base-is-the-bottom',
      severity: 'error',
      comment: 'The base modules import only each other (and zod, the browser API).',
      from: { path: BASE },
      to: { path: ['^utils/[^/]+/', '^components/'] },
    },
    {
      name: 'content-script-apart',
      severity: 'error',
      comment: 'utils/content is exactly what papers.js ships: only its entrypoint and the tests import it.',
      from: { pathNot: ['^utils/content/', '^entrypoints/papers\\.ts$', '^tests/'] },
      to: { path: '^utils/content/' },
    },
    {
      name: 'content-script-small',
      severity: 'error',
      comment: 'The content script imports only the base, and no module that holds Zod (types are free).',
      from: { path: '^utils/content/' },
      to: { path: ['^utils/[^/]+/', '^components/'], pathNot: '^utils/content/' },
    },
    {
      name: 'content-script-no-zod',
      severity: 'error',
      from: { path: '^(utils/content/|entrypoints/papers\\.ts$)' },
      to: { path: [ZOD_HOLDERS, '^node_modules/zod/'], dependencyTypesNot: ['type-only'] },
    },
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
