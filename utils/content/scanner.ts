/**
 * The content script's work on a huggingface.co/papers page, composed: find and mark cards
 * (marks.ts), report them to the background (report.ts), show and change each paper's bookmark
 * (bookmark-state.ts), and keep doing so as the site navigates client-side. Only the parts of
 * the page that changed are scanned again.
 */
import { request } from '../messaging';
import type { PaperFields } from '../model';
import { pageInfo, type PageInfo } from '../pages';
import type { PageView } from '../protocol';
import type { Bar } from './bar';
import { bookmarkStates, type States } from './bookmark-state';
import { paintCard, type Shown } from './card-marks';
import { BUTTON, MENU, showState } from './control';
import { later } from './lazy';
import { makeMarker } from './marks';
import { makeReporter } from './report';

/** Mutations arriving together (one Svelte update) are handled in one pass. */
const SETTLE_MS = 16;
/** While a papers page is open, it says so this often: a visit ends after half an hour without (utils/db/visits.ts). */
export const HEARTBEAT_MS = 5 * 60 * 1000;

export interface Scanner {
  /** Scans now whatever changed (tests call this instead of waiting). */
  flush(): void;
  stop(): void;
  /** What the popup shows of this page. */
  cards(): Array<PaperFields & { bookmarked: boolean }>;
  /** Applies states pushed by the background. */
  apply(states: States): void;
  /** Follows or settings changed: asks the background for every card's state and the page's view. */
  refresh(): Promise<void>;
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
  /** What each paper's cards show besides the bookmark's pending state (new cards of a known paper start from it). */
  const shown = new Map<string, Shown>();
  const marker = makeMarker(doc);
  let bar: Bar | undefined;
  let first: Element | undefined;
  let since: string | undefined;
  const reporter = makeReporter({ doc, onStates: (s, view) => apply(s, view), onError });

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
    // A new card of a paper shown before (the site re-rendered it) shows what its paper shows.
    for (const c of cards) if (shown.has(c.id)) paint(c.button, c.id);
    if (page.kind !== 'paper') first = cards.find((c) => !c.header)?.el ?? first;
    performance.measure('hfp:scan', { start });
    reporter.report(cards, page, again);
  }

  /** States from the library (replies and pushes): shown when newer than what is shown. */
  function apply(incoming: States, view?: PageView) {
    const start = performance.now();
    if (view) {
      // The hide controls take effect at once (public/papers-triage.css); the bar follows in idle time.
      const html = doc.documentElement;
      html.setAttribute('data-hfp-hide', `${view.hideSeen ? 'seen' : ''} ${view.hideSaved ? 'saved' : ''}`.trim());
      html.toggleAttribute('data-hfp-dim', view.dim);
      since = view.since ?? since;
    }
    show(states.incoming(incoming));
    performance.measure('hfp:marks', { start });
    if (first) {
      void later().then(
        (m) => {
          bar ??= m.makeBar(doc, onError);
          bar.update(first, since);
        },
        () => undefined,
      );
    }
  }

  /** One query for all buttons, however many states: a 100-card reply costs one walk. */
  function show(update: States) {
    for (const b of doc.querySelectorAll<HTMLButtonElement>(BUTTON)) {
      const id = b.getAttribute('data-paper-id') ?? '';
      const state = update[id];
      if (!state) continue;
      const s = shown.get(id) ?? {};
      if (state.visit) s.visit = state.visit;
      if (state.dismissed !== undefined) s.dismissed = state.dismissed;
      if (state.follows) s.follows = state.follows;
      if (state.bookmarked !== undefined) s.bookmarked = state.bookmarked;
      shown.set(id, s);
      paint(b, id);
    }
  }

  function paint(b: HTMLButtonElement, id: string) {
    const s = shown.get(id)!;
    if (s.bookmarked !== undefined) showState(b, s);
    const root = b.closest('[data-hfp-paper]');
    if (root) paintCard(root, s);
  }

  async function refresh() {
    const ids = [...new Set([...doc.querySelectorAll<HTMLElement>(BUTTON)].map((b) => b.dataset.paperId!))];
    if (!ids.length) return;
    const reply = await request('pageStates', { ids }).catch(() => undefined);
    if (reply) apply(reply.states, reply.view);
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
    const button = (event.target as Element | null)?.closest?.<HTMLButtonElement>(`${BUTTON}, ${MENU}`);
    const id = button?.dataset.paperId;
    if (!button || !id) return;
    event.preventDefault();
    event.stopPropagation();
    if (button.matches(MENU)) {
      later()
        .then((m) => m.openMenu({ doc, opener: button, id, paper: reporter.fields(id), apply, onError }))
        .catch((err) => onError(`The menu could not open: ${(err as Error).message}`));
    } else void setBookmark(id, button.getAttribute('aria-pressed') !== 'true');
  };

  const isOurs = (n: Node) => isElement(n) && n.matches('[data-hfp-action], [data-hfp-ui]');
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
  const beat = setInterval(() => request('heartbeat', {}).catch(() => undefined), HEARTBEAT_MS);
  flush();

  return {
    flush,
    stop() {
      observer.disconnect();
      clearTimeout(timer);
      clearInterval(beat);
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
    refresh,
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
