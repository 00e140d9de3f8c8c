import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { onScannerError, routeTabMessages } from '../utils/content/router';
import { startScanner, type Scanner } from '../utils/content/scanner';

/**
 * The content script of huggingface.co/papers pages (its code: utils/content/). Declared in
 * wxt.config.ts (not as a WXT content-script entrypoint) so WXT's 3 KB context wrapper stays out
 * of a bundle whose budget is 15 KB; its stylesheet is public/papers.css.
 */
export default defineUnlistedScript(() => {
  let scanner: Scanner | undefined;
  scanner = startScanner(
    document,
    onScannerError(document, () => scanner),
  );
  routeTabMessages(document, scanner);
});
