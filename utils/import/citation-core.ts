/**
 * What citation.js's BibTeX reader takes from @citation-js/core (its grammar and translator
 * helpers, its logger), without the rest of core: core's URL fetching imports node-fetch, which
 * cannot be bundled for a browser. wxt.config.ts points the extension build's
 * `@citation-js/core` here; tests in Node use the real package.
 */
import { Grammar } from '@citation-js/core/lib-mjs/util/grammar.js';
import { Translator } from '@citation-js/core/lib-mjs/util/translator.js';
import logger from '@citation-js/core/lib-mjs/logger.js';

export const util = { Grammar, Translator };
export { logger };
