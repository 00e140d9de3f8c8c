import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import * as later from '../utils/content/later';

/**
 * The content script's second part (utils/content/later.ts), loaded by papers.js on first use
 * (utils/content/lazy.ts). Built as an ES module, not WXT's usual IIFE (wxt.config.ts): its
 * default export is what `main` returns.
 */
export default defineUnlistedScript(() => later);
