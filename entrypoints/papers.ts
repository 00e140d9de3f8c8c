import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { browser } from 'wxt/browser';
import type { TabMessage } from '../utils/protocol';
import { startScanner } from '../utils/page/scanner';
import { removeAll } from '../utils/page/control';
import { showToast } from '../utils/page/toast';

/**
 * The content script of huggingface.co/papers pages. Declared in wxt.config.ts (not as a WXT
 * content-script entrypoint) so WXT's 3 KB context wrapper stays out of a bundle whose budget
 * is 15 KB; its stylesheet is public/papers.css.
 */
export default defineUnlistedScript(() => {
  const scanner = startScanner(document, (message) => {
    // After an update or removal of the extension this copy can no longer reach it.
    if (/context invalidated/i.test(message)) {
      scanner.stop();
      removeAll(document);
      showToast(document, 'HF Papers Shelf was updated: reload the page to use it here.');
    } else {
      showToast(document, message);
    }
  });
  browser.runtime.onMessage.addListener((message: unknown, _sender: unknown, sendResponse: (r: unknown) => void) => {
    const m = message as TabMessage;
    if (m?.hfp !== 1) return false;
    if (m.type === 'states') scanner.apply(m.states);
    else if (m.type === 'pageCards') sendResponse(scanner.cards());
    else if (m.type === 'toggleFocused') {
      void scanner
        .toggleFocused()
        .then((done) =>
          showToast(
            document,
            done
              ? `${done.on ? 'Saved to' : 'Removed from'} your reading list: ${done.title}`
              : 'Focus a paper card first (Tab to it), then press the shortcut again.',
            3000,
          ),
        );
    }
    return false;
  });
});
