/**
 * The content script's work on a huggingface.co/papers page, composed: find and mark cards
 * (marks.ts), report them to the background (report.ts), show and change each paper's bookmark
 * (bookmark-state.ts), and keep doing so as the site navigates client-side. Only the parts of
 * the page that changed are scanned again.
 */
import { request } from '../messaging';
import type { PaperFields } from '../model';
import { pageInfo, type PageInfo } from '../pages';
import { bookmarkStates, type States } from './bookmark-state';
import { BUTTON, showState } from './control';
import { makeMarker } from './marks';
import { makeReporter } from './report';

/** Mutations arriving together (one Svelte update) are handled in one pass. */
const SETTLE_MS = 16;

export interface Scanner {
  /** Scans now whatever changed (tests call this instead of waiting). */
  flush(): void;
  stop(): void;
  /** What the popup shows of this page. */
  cards(): Array<PaperFields & { bookmarked: boolean }>;
  /** Applies states pushed by the background. */
  apply(states: States): void;
  /** Sets a bookmark as a click would (the popup uses it). */
  setBookmark(id: string, on: boolean): Promise<void>;
  /** The keyboard shortcut: toggles the paper of a paper page, or the card holding focus. */
  toggleFocused(): Promise<{ id: string; on: boolean; title: string } | undefined>;
}

export function startScanner(doc: Document, onError: (message: string) => void = () => {}): Scanner {
  let href = '';
  let page: PageInfo = pageInfo(doc.location.href);
  const pending = new Set<Node>();
  let force = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const states = bookmarkStates();
  const marker = makeMarker(doc);
  const reporter = makeReporter({ doc, onStates: (s) => apply(s), onError });

  function flush() {
    clearTimeout(timer);
    timer = undefined;
    const start = performance.now();
    if (doc.location.href !== href) {
      href = doc.location.href;
      page = pageInfo(href);
      reporter.reset();
      pending.add(doc.body);
    }
    const scopes = outermost([...pending].filter((n) => n.isConnected));
    pending.clear();
    const again = force;
    force = false;
    if (!scopes.length || page.kind === 'other') return;
    const cards = marker.mark(scopes, page);
    performance.measure('hfp:scan', { start });
    reporter.report(cards, page, again);
  }

  /** States from the library (replies and pushes): shown when newer than what is shown. */
  function apply(incoming: States) {
    show(states.incoming(incoming));
  }

  /** One query for all buttons, however many states: a 100-card reply costs one walk. */
  function show(shown: States) {
    for (const b of doc.querySelectorAll<HTMLButtonElement>(BUTTON)) {
      const state = shown[b.getAttribute('data-paper-id') ?? ''];
      if (state) showState(b, state);
    }
  }

  async function setBookmark(id: string, on: boolean) {
    const start = performance.now();
    show({ [id]: { bookmarked: on } });
    if (!states.wish(id, on)) return;
    try {
      for (let want = states.next(id); want !== undefined; want = states.next(id)) {
        const paper = reporter.fields(id);
        const reply = await request('setBookmark', { ids: [id], on: want, ...(paper ? { papers: [paper] } : {}) });
        states.stored(id, want, reply.states[id]);
      }
      show({ [id]: { bookmarked: states.settled(id) } });
      // Click → stored in IndexedDB (the reply comes after the transaction committed).
      performance.measure('hfp:bookmark', { start });
    } catch (err) {
      show({ [id]: { bookmarked: states.failed(id, on) } });
      onError(`Could not ${on ? 'save' : 'remove'} the bookmark: ${(err as Error).message}`);
    }
  }

  const onClick = (event: Event) => {
    const button = (event.target as Element | null)?.closest?.<HTMLButtonElement>(BUTTON);
    const id = button?.dataset.paperId;
    if (!button || !id) return;
    event.preventDefault();
    event.stopPropagation();
    void setBookmark(id, button.getAttribute('aria-pressed') !== 'true');
  };

  const isOurs = (n: Node) => isElement(n) && n.matches(BUTTON);
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'attributes') {
        if (r.attributeName === 'data-props') force = true;
        pending.add(cardOf(r.target) ?? r.target);
        continue;
      }
      const added = [...r.addedNodes].filter((n) => isElement(n) && !isOurs(n));
      const card = cardOf(r.target);
      // Inside a card, anything added or removed (our button, its title link) has the card
      // looked at again; elsewhere only what was added can hold new cards.
      if (card) {
        if (added.length || r.removedNodes.length) pending.add(card);
      } else for (const n of added) pending.add(n);
    }
    if (pending.size && !timer) timer = setTimeout(flush, SETTLE_MS);
  });

  doc.addEventListener('click', onClick, true);
  observer.observe(doc.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['href', 'data-props'] });
  flush();

  return {
    flush,
    stop() {
      observer.disconnect();
      clearTimeout(timer);
      doc.removeEventListener('click', onClick, true);
    },
    cards() {
      const seen = new Set<string>();
      return [...doc.querySelectorAll<HTMLButtonElement>(BUTTON)].flatMap((b) => {
        const id = b.dataset.paperId;
        if (!id || seen.has(id)) return [];
        seen.add(id);
        return [{ ...(reporter.fields(id) ?? { id }), bookmarked: b.getAttribute('aria-pressed') === 'true' }];
      });
    },
    apply,
    setBookmark,
    async toggleFocused() {
      const card = doc.activeElement?.closest('[data-hfp-paper]');
      const button =
        card?.querySelector<HTMLButtonElement>(BUTTON) ??
        (page.kind === 'paper' ? doc.querySelector<HTMLButtonElement>(`${BUTTON}[data-hfp-place="title"]`) : null);
      const id = button?.dataset.paperId;
      if (!button || !id) return undefined;
      const on = button.getAttribute('aria-pressed') !== 'true';
      await setBookmark(id, on);
      return { id, on, title: reporter.fields(id)?.title ?? id };
    },
  };
}

/** Drops scopes inside other scopes, so each card is scanned once per pass. */
export function outermost(nodes: Node[]): Node[] {
  if (nodes.length < 2) return nodes;
  const set = new Set(nodes);
  return nodes.filter((n) => {
    for (let up = n.parentNode; up; up = up.parentNode) if (set.has(up)) return false;
    return true;
  });
}

/** Not `instanceof`: a node may come from another realm (an iframe, a test's window). */
function isElement(n: Node): n is Element {
  return n.nodeType === 1;
}

function cardOf(node: Node): Element | null {
  const el = isElement(node) ? node : node.parentElement;
  return el?.closest('[data-hfp-paper]') ?? null;
}
