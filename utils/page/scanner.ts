/**
 * The content script's work on a huggingface.co/papers page: find cards, give each one
 * bookmark button, report what they show to the background, and keep doing so as the site
 * navigates client-side. Only the parts of the page that changed are scanned again.
 *
 * Budget: a 100-card page must cost ≤ 2 ms of main-thread time (see `npm run bench`). So the
 * embedded JSON is never parsed here: a card it covers is sent lean (id and title), the raw JSON
 * follows in idle time, and the background validates and merges it. A card the JSON does not
 * cover (stale or missing data, search results) is sent lean too, and read from its DOM in full
 * in idle time, a few milliseconds at a time.
 */
import type { PaperFields } from '../model';
import { idsInJson } from '../ids';
import type { PaperState } from '../protocol';
import { request } from '../messaging';
import { findCards, findPaperHeader, readCard, readPaperHeader, type FoundCard } from '../parse/dom';
import { pageInfo, type PageInfo } from '../pages';
import { oneLine } from '../text';
import { queryFirst } from '../parse/selectors';
import { BUTTON, ensureControl, showState, unmark } from './control';

/** Mutations arriving together (one Svelte update) are handled in one pass. */
const SETTLE_MS = 16;
/** Idle-time reading of cards works in slices this long, so it never holds up the page. */
const SLICE_MS = 2;

export interface Scanner {
  /** Scans now whatever changed (tests call this instead of waiting). */
  flush(): void;
  stop(): void;
  /** What the popup shows of this page. */
  cards(): Array<PaperFields & { bookmarked: boolean }>;
  /** Applies states pushed by the background. */
  apply(states: Record<string, Partial<PaperState>>): void;
  /** Sets a bookmark as a click would (the popup uses it). */
  setBookmark(id: string, on: boolean): Promise<void>;
  /** The keyboard shortcut: toggles the paper of a paper page, or the card holding focus. */
  toggleFocused(): Promise<{ id: string; on: boolean; title: string } | undefined>;
}

interface PropsRef {
  key: string;
  target: 'DailyPapers' | 'PaperContent';
  raw: string;
  ids: Set<string>;
}

type Found = FoundCard & { header?: true };

export function startScanner(doc: Document, onError: (message: string) => void = () => {}): Scanner {
  const instance = Math.random().toString(36).slice(2, 8);
  let href = '';
  let page: PageInfo = pageInfo(doc.location.href);
  let reported = new WeakMap<Element, string>();
  const fields = new Map<string, PaperFields>();
  const found = new Map<string, Found>();
  let props: PropsRef | undefined;
  let propsVersion = 0;
  /** Hand-offs of embedded JSON under way, so two batches do not both send it. */
  const handoffs = new Map<string, Promise<unknown>>();
  const pending = new Set<Node>();
  let force = false;
  /**
   * Per paper: the user's wish not yet confirmed, whether a request is on its way, and the
   * version of the last library state shown. One request per paper at a time, always for the
   * latest wish, so a retried request (the worker was stopped) can never land after a newer
   * one; and a state older than the one shown (pushes can cross) is ignored.
   */
  const sync = new Map<string, { want?: boolean; sending: boolean; at: number; confirmed?: boolean }>();
  const syncOf = (id: string) => {
    let s = sync.get(id);
    if (!s) sync.set(id, (s = { sending: false, at: -1 }));
    return s;
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** Card roots this script marked, and the buttons it placed (strong refs, dropped once detached). */
  const marks = new Set<Element>();
  const issued = new Set<HTMLButtonElement>();

  function flush() {
    clearTimeout(timer);
    timer = undefined;
    const start = performance.now();
    if (doc.location.href !== href) {
      href = doc.location.href;
      page = pageInfo(href);
      reported = new WeakMap();
      fields.clear();
      found.clear();
      pending.add(doc.body);
    }
    const scopes = outermost([...pending].filter((n) => n.isConnected));
    pending.clear();
    const again = force;
    force = false;
    if (!scopes.length || page.kind === 'other') return;

    const cards: Found[] = [];
    if (page.kind === 'paper' && page.paperId) {
      const header = findPaperHeader(doc, page.paperId);
      if (header) cards.push({ ...header, header: true });
    }
    const listing = queryFirst(doc, 'listingRoot') ?? doc.body;
    // Scopes of at most one card (a change inside a card) are searched for stray buttons below;
    // a whole new listing is not (it holds none: only the site's own markup).
    const small: Node[] = [];
    for (const scope of scopes) {
      // A listing card never shares its root with the paper page's own header.
      const found = findCards(scope as ParentNode, listing).filter((c) => c.el !== cards[0]?.el || !cards[0]?.header);
      if (found.length <= 1) small.push(scope);
      cards.push(...found);
    }

    // Elements marked before, in the changed parts, that are no card any more (the site reused or
    // restructured them) lose their mark and button: a button only ever sits on a card. Known
    // from what this script marked, so no pass walks the page for them.
    const roots = new Set<Element>(cards.map((c) => c.el));
    const within = (n: Node) => scopes.some((s) => s === n || s.contains(n));
    for (const el of marks) {
      if (!el.isConnected) marks.delete(el);
      else if (!roots.has(el) && within(el)) {
        unmark(el);
        marks.delete(el);
      }
    }

    const ref = currentProps();
    const now = new Date();
    const full: PaperFields[] = [];
    const lean: PaperFields[] = [];
    const later: Found[] = [];
    const placed = new Set<HTMLButtonElement>();
    // Cards of one listing share their layout: the button's place is decided once per pass
    // (a paper page's own header always puts it by the title).
    let corner: boolean | undefined;
    for (const card of cards) {
      const title = oneLine(card.title.textContent ?? '');
      if (!card.header) corner ??= !!queryFirst(card.el, 'thumbnail');
      placed.add(ensureControl(card.el, card.title, card.id, title, card.header ? 'title' : corner ? 'corner' : 'end'));
      marks.add(card.el);
      if (!again && reported.get(card.el) === card.id) continue;
      reported.set(card.el, card.id);
      found.set(card.id, card);
      const f = title ? { id: card.id, title } : { id: card.id };
      fields.set(card.id, { ...f, ...fields.get(card.id) });
      if (ref?.ids.has(card.id)) lean.push(f);
      else {
        // Known by its DOM only: sent at once by id and title (its button's state comes back),
        // the rest of what it shows is read when the page is idle.
        full.push(f);
        later.push(card);
      }
    }
    // A button moved away from its card, or copied by the site (a cloned heading, say), goes.
    const stray = (b: HTMLButtonElement) => b.closest('[data-hfp-paper]')?.getAttribute('data-hfp-paper') !== b.getAttribute('data-paper-id');
    for (const b of issued) {
      if (!b.isConnected) issued.delete(b);
      else if (!placed.has(b) && within(b) && stray(b)) {
        b.remove();
        issued.delete(b);
      }
    }
    for (const scope of small) {
      for (const b of (scope as Element).querySelectorAll?.<HTMLButtonElement>(BUTTON) ?? []) if (!placed.has(b) && stray(b)) b.remove();
    }
    for (const b of placed) issued.add(b);
    performance.measure('hfp:scan', { start });
    if (full.length || lean.length) void report(full, lean, ref);
    if (later.length) void readWhenIdle(later, now);
  }

  /** Reads cards in idle time, a few milliseconds at a time, and sends what they show. */
  async function readWhenIdle(cards: Found[], now: Date) {
    const pageRef = { url: page.url, kind: page.kind, ...(page.listingDate ? { listingDate: page.listingDate } : {}) };
    const read: PaperFields[] = [];
    for (let i = 0; i < cards.length; ) {
      await idle();
      const start = performance.now();
      do {
        const card = cards[i++]!;
        if (card.el.isConnected && card.el.getAttribute('data-hfp-paper') === card.id) read.push(readFields(card, now));
      } while (i < cards.length && performance.now() - start < SLICE_MS);
      performance.measure('hfp:read', { start });
    }
    if (!read.length) return;
    try {
      await request('ingest', { page: pageRef, cards: read });
    } catch (err) {
      onError(`HF Papers Shelf could not save the papers of this page: ${(err as Error).message}`);
    }
  }

  function readFields(card: Found, now: Date): PaperFields {
    const f = card.header ? readPaperHeader(card, doc) : readCard(card, now);
    fields.set(card.id, { ...fields.get(card.id), ...f });
    return f;
  }

  /** The island's embedded JSON and the ids it holds; a new version whenever it changed. */
  function currentProps(): PropsRef | undefined {
    const target = page.kind === 'paper' ? 'PaperContent' : 'DailyPapers';
    const raw = queryFirst(doc, target === 'PaperContent' ? 'paperRoot' : 'listingRoot')?.getAttribute('data-props');
    if (!raw) return (props = undefined);
    if (raw !== props?.raw) {
      props = { key: `${instance}:${++propsVersion}`, target, raw, ids: idsInJson(raw) };
    }
    return props;
  }

  async function report(full: PaperFields[], lean: PaperFields[], ref: PropsRef | undefined) {
    const pageRef = { url: page.url, kind: page.kind, ...(page.listingDate ? { listingDate: page.listingDate } : {}) };
    const send = (cards: PaperFields[], withRaw: boolean) =>
      request('ingest', {
        page: pageRef,
        cards,
        ...(ref ? { props: { key: ref.key, target: ref.target, ...(withRaw ? { raw: ref.raw } : {}) } } : {}),
      });
    try {
      const cards = [...full, ...lean];
      const start = performance.now();
      const sending = send(cards, false);
      performance.measure('hfp:send', { start });
      let reply = await sending;
      apply(reply.states);
      if (reply.needProps && ref) {
        const under = handoffs.get(ref.key);
        if (under) {
          await under.catch(() => undefined);
          reply = await send(cards, false);
        }
        if (reply.needProps) {
          // The worker has not got this JSON (first sight, or it was restarted): hand it over
          // when the page is idle, with the cards to merge it into.
          const handoff = idle().then(() => {
            const start = performance.now();
            const sending = send(cards, true);
            performance.measure('hfp:handoff', { start });
            return sending;
          });
          handoffs.set(ref.key, handoff);
          reply = await handoff.finally(() => handoffs.delete(ref.key));
        }
        apply(reply.states);
      }
      const missing = reply.needDom.filter((id) => lean.some((c) => c.id === id));
      if (missing.length) {
        // The JSON named these cards but held no usable entry for them: read their DOM.
        const now = new Date();
        const cards = missing.flatMap((id) => {
          const card = found.get(id);
          return card?.el.isConnected ? [readFields(card, now)] : [];
        });
        if (cards.length) await request('ingest', { page: pageRef, cards });
      }
    } catch (err) {
      onError(`HF Papers Shelf could not save the papers of this page: ${(err as Error).message}`);
    }
  }

  /** States from the library (replies and pushes): shown when newer than what is shown. */
  function apply(states: Record<string, Partial<PaperState>>) {
    const shown: Record<string, Partial<PaperState>> = {};
    for (const [id, state] of Object.entries(states)) {
      const s = syncOf(id);
      const next: Partial<PaperState> = { ...state };
      if (state.at !== undefined && state.at <= s.at) delete next.bookmarked;
      else if (state.bookmarked !== undefined) {
        if (state.at !== undefined) s.at = state.at;
        s.confirmed = state.bookmarked;
        // The user's own change is on its way: it decides, once confirmed.
        if (s.want !== undefined) delete next.bookmarked;
      }
      shown[id] = next;
    }
    show(shown);
  }

  /** One query for all buttons, however many states: a 100-card reply costs one walk. */
  function show(states: Record<string, Partial<PaperState>>) {
    for (const b of doc.querySelectorAll<HTMLButtonElement>(BUTTON)) {
      const state = states[b.getAttribute('data-paper-id') ?? ''];
      if (state) showState(b, state);
    }
  }

  async function setBookmark(id: string, on: boolean) {
    const start = performance.now();
    const s = syncOf(id);
    s.want = on;
    show({ [id]: { bookmarked: on } });
    if (s.sending) return;
    s.sending = true;
    try {
      while (s.want !== undefined) {
        const want: boolean = s.want;
        const paper = fields.get(id);
        const reply = await request('setBookmark', { ids: [id], on: want, ...(paper ? { papers: [paper] } : {}) });
        const state = reply.states[id];
        // A change made elsewhere after ours may have been pushed here before our reply came:
        // the newer version stands, ours is not shown over it.
        if (!state || state.at >= s.at) {
          if (state) s.at = state.at;
          s.confirmed = want;
        }
        if (s.want === want) s.want = undefined;
      }
      show({ [id]: { bookmarked: s.confirmed } });
      // Click → stored in IndexedDB (the reply comes after the transaction committed).
      performance.measure('hfp:bookmark', { start });
    } catch (err) {
      s.want = undefined;
      show({ [id]: { bookmarked: s.confirmed ?? !on } });
      onError(`Could not ${on ? 'save' : 'remove'} the bookmark: ${(err as Error).message}`);
    } finally {
      s.sending = false;
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
      } else added.forEach((n) => pending.add(n));
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
        return [{ ...(fields.get(id) ?? { id }), bookmarked: b.getAttribute('aria-pressed') === 'true' }];
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
      return { id, on, title: fields.get(id)?.title ?? id };
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

function idle(): Promise<void> {
  return new Promise((resolve) =>
    typeof requestIdleCallback === 'function' ? requestIdleCallback(() => resolve(), { timeout: 2000 }) : setTimeout(resolve, 1),
  );
}

/** Not `instanceof`: a node may come from another realm (an iframe, a test's window). */
function isElement(n: Node): n is Element {
  return n.nodeType === 1;
}

function cardOf(node: Node): Element | null {
  const el = isElement(node) ? node : node.parentElement;
  return el?.closest('[data-hfp-paper]') ?? null;
}
