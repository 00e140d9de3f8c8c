/** What the background and the popup ask of this tab, answered by the content script. */
import { browser } from 'wxt/browser';
import type { TabMessage } from '../protocol';
import { removeAll } from './control';
import { later } from './lazy';
import type { Scanner } from './scanner';
import { showToast } from './toast';

/** Errors from the scanner: shown to the user; after an update of the extension, the page's copy retires. */
export function onScannerError(doc: Document, scanner: () => Scanner | undefined) {
  return (message: string) => {
    // After an update or removal of the extension this copy can no longer reach it.
    if (/context invalidated/i.test(message)) {
      scanner()?.stop();
      removeAll(doc);
      showToast(doc, 'HF Papers Shelf was updated: reload the page to use it here.');
    } else {
      showToast(doc, message);
    }
  };
}

export function routeTabMessages(doc: Document, scanner: Scanner) {
  browser.runtime.onMessage.addListener((message: unknown, _sender: unknown, sendResponse: (r: unknown) => void) => {
    const m = message as TabMessage;
    if (m?.hfp !== 1) return false;
    if (m.type === 'states') scanner.apply(m.states);
    else if (m.type === 'refresh') void scanner.refresh();
    else if (m.type === 'pageCards') sendResponse(scanner.cards());
    else if (m.type === 'scrollToCard') {
      later().then(
        (l) => sendResponse(l.scrollToCard(doc, m.id)),
        () => sendResponse(false),
      );
      return true;
    } else if (m.type === 'toggleFocused') {
      void scanner
        .toggleFocused()
        .then((done) =>
          showToast(
            doc,
            done
              ? `${done.on ? 'Saved to' : 'Removed from'} your reading list: ${done.title}`
              : 'Focus a paper card first (Tab to it), then press the shortcut again.',
            3000,
          ),
        );
    }
    return false;
  });
}
