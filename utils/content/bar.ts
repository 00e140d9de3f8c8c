/**
 * The listing's bar, just above its cards and out of the site's flow: a line summing up the
 * visit ("12 new since Tue 14:05 · 30 seen") and the two hide controls,
 * `[data-hfp-action="hide-seen"]` and `[data-hfp-action="hide-saved"]` (`aria-pressed`: public
 * hooks). Hiding (or dimming) is public/papers-triage.css's work, keyed on `data-hfp-hide` and
 * `data-hfp-dim` on <html>, which papers.js sets from the library's settings at once; this bar
 * (in papers-later.js, drawn when the page's marks first arrive) shows and changes them.
 */
import { request } from '../messaging';

export type Bar = ReturnType<typeof makeBar>;

export function makeBar(doc: Document, onError: (message: string) => void) {
  const html = doc.documentElement;
  let bar: HTMLElement | undefined;
  let first: Element | undefined;
  let since: string | undefined;

  const hidden = () => (html.getAttribute('data-hfp-hide') ?? '').split(' ');

  function build(): HTMLElement {
    const el = doc.createElement('div');
    el.setAttribute('data-hfp-ui', 'bar');
    el.setAttribute('role', 'group');
    el.setAttribute('aria-label', 'HF Papers Shelf');
    el.append(doc.createElement('span'));
    for (const what of ['seen', 'saved']) {
      const b = doc.createElement('button');
      b.type = 'button';
      b.setAttribute('data-hfp-action', `hide-${what}`);
      b.onclick = () => {
        const on = b.getAttribute('aria-pressed') !== 'true';
        const words = ['seen', 'saved'].filter((w) => (w === what ? on : hidden().includes(w)));
        html.setAttribute('data-hfp-hide', words.join(' '));
        update();
        request('setSettings', what === 'seen' ? { hideSeen: on } : { hideSaved: on }).catch((err) =>
          onError(`The setting could not be saved: ${(err as Error).message}`),
        );
      };
      el.append(b);
    }
    return el;
  }

  /** Shows the bar above `card` (the listing's first), with the page's counts; `when`: since when cards are new. */
  function update(card?: Element, when?: string) {
    const start = performance.now();
    if (card) first = card;
    if (when !== undefined) since = when;
    const list = first?.isConnected ? first.parentElement : undefined;
    if (!list) {
      bar?.remove();
      return;
    }
    if (!bar) {
      bar = build();
      // Resizing moves the listing: the bar follows.
      doc.defaultView?.addEventListener('resize', () => update());
    }
    // In <body>, not in the listing: an element among the site's cards would shift them (its
    // spacing rules count children).
    if (!bar.isConnected) doc.body.append(bar);
    const count = (word: string) => doc.querySelectorAll(`[data-hfp-marks~="${word}"]`).length;
    bar.firstChild!.textContent = `${count('new')} new${since ? ` since ${since}` : ''} · ${count('seen')} seen`;
    const on = hidden();
    const verb = html.hasAttribute('data-hfp-dim') ? 'Dim' : 'Hide';
    for (const b of bar.querySelectorAll('button')) {
      const what = b.getAttribute('data-hfp-action')!.slice(5);
      b.setAttribute('aria-pressed', String(on.includes(what)));
      b.textContent = `${verb} ${what}`;
    }
    const win = doc.defaultView!;
    const at = list.getBoundingClientRect();
    bar.style.top = `${Math.max(0, at.top + win.scrollY - bar.offsetHeight - 6)}px`;
    bar.style.left = `${at.left + win.scrollX}px`;
    performance.measure('hfp:bar', { start });
  }

  return { update };
}
