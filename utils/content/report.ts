/**
 * Telling the background what the page's cards show, within the page's budget (≤ 2 ms of
 * main-thread time for 100 cards: see `npm run bench`). The embedded JSON is never parsed here:
 * a card it covers is sent lean (id and title), the raw JSON follows in idle time, and the
 * background validates and merges it. A card the JSON does not cover (stale or missing data,
 * search results) is sent lean too, and read from its DOM in full in idle time, a few
 * milliseconds at a time.
 */
import { idsInJson } from '../ids';
import { request } from '../messaging';
import type { PaperFields } from '../model';
import type { PageInfo } from '../pages';
import type { PageView } from '../protocol';
import type { States } from './bookmark-state';
import { later, type Later } from './lazy';
import type { Card } from './marks';
import { queryFirst } from './selectors';

/** Idle-time reading of cards works in slices this long, so it never holds up the page. */
const SLICE_MS = 2;

interface PropsRef {
  key: string;
  target: 'DailyPapers' | 'PaperContent';
  raw: string;
  ids: Set<string>;
}

export interface ReporterDeps {
  doc: Document;
  /** States the library answered with, for the cards; with the page's view from a report. */
  onStates: (states: States, view?: PageView) => void;
  onError: (message: string) => void;
}

export function makeReporter({ doc, onStates, onError }: ReporterDeps) {
  const instance = Math.random().toString(36).slice(2, 8);
  let reported = new WeakMap<Element, string>();
  /** What is known of each paper of the page (the popup shows it). */
  const fields = new Map<string, PaperFields>();
  const found = new Map<string, Card>();
  let props: PropsRef | undefined;
  let propsVersion = 0;
  /** Hand-offs of embedded JSON under way, so two batches do not both send it. */
  const handoffs = new Map<string, Promise<unknown>>();

  // An undefined listingDate is dropped on the way (JSON in Chrome) or read as absent (Firefox).
  const pageRef = ({ url, kind, listingDate }: PageInfo) => ({ url, kind, listingDate });
  const failed = (err: unknown) => onError(`HF Papers Shelf could not save the papers of this page: ${(err as Error).message}`);

  /** Reports the cards not reported yet (all of them with `again`: the page's JSON changed). */
  function report(cards: Card[], page: PageInfo, again: boolean) {
    const ref = currentProps(page);
    const now = new Date();
    const full: PaperFields[] = [];
    const lean: PaperFields[] = [];
    const later: Card[] = [];
    for (const card of cards) {
      if (!again && reported.get(card.el) === card.id) continue;
      reported.set(card.el, card.id);
      found.set(card.id, card);
      const f = card.text ? { id: card.id, title: card.text } : { id: card.id };
      fields.set(card.id, { ...f, ...fields.get(card.id) });
      if (ref?.ids.has(card.id)) lean.push(f);
      else {
        // Known by its DOM only: sent at once by id and title (its button's state comes back),
        // the rest of what it shows is read when the page is idle.
        full.push(f);
        later.push(card);
      }
    }
    if (full.length || lean.length) void send(page, full, lean, ref);
    if (later.length) void readWhenIdle(page, later, now);
  }

  /** The island's embedded JSON and the ids it holds; a new version whenever it changed. */
  function currentProps(page: PageInfo): PropsRef | undefined {
    const target = page.kind === 'paper' ? 'PaperContent' : 'DailyPapers';
    const raw = queryFirst(doc, target === 'PaperContent' ? 'paperRoot' : 'listingRoot')?.getAttribute('data-props');
    if (!raw) {
      props = undefined;
      return undefined;
    }
    if (raw !== props?.raw) props = { key: `${instance}:${++propsVersion}`, target, raw, ids: idsInJson(raw) };
    return props;
  }

  function readFields(card: Card, now: Date, read: Later): PaperFields {
    const f = card.header ? read.readPaperHeader(card, doc) : read.readCard(card, now);
    fields.set(card.id, { ...fields.get(card.id), ...f });
    return f;
  }

  /** Reads cards in idle time, a few milliseconds at a time, and sends what they show. */
  async function readWhenIdle(page: PageInfo, cards: Card[], now: Date) {
    const read: PaperFields[] = [];
    const reader = await later().catch(failed);
    if (!reader) return;
    for (let i = 0; i < cards.length; ) {
      await idle();
      const start = performance.now();
      do {
        const card = cards[i++]!;
        if (card.el.isConnected && card.el.getAttribute('data-hfp-paper') === card.id) read.push(readFields(card, now, reader));
      } while (i < cards.length && performance.now() - start < SLICE_MS);
      performance.measure('hfp:read', { start });
    }
    if (read.length) await request('ingest', { page: pageRef(page), cards: read }).catch(failed);
  }

  async function send(page: PageInfo, full: PaperFields[], lean: PaperFields[], ref: PropsRef | undefined) {
    const send = (cards: PaperFields[], withRaw: boolean) =>
      request('ingest', {
        page: pageRef(page),
        cards,
        ...(ref ? { props: { key: ref.key, target: ref.target, ...(withRaw ? { raw: ref.raw } : {}) } } : {}),
      });
    try {
      const cards = [...full, ...lean];
      const start = performance.now();
      const sending = send(cards, false);
      performance.measure('hfp:send', { start });
      let reply = await sending;
      onStates(reply.states, reply.view);
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
        onStates(reply.states, reply.view);
      }
      const missing = reply.needDom.filter((id) => lean.some((c) => c.id === id));
      if (missing.length) {
        // The JSON named these cards but held no usable entry for them: read their DOM.
        const now = new Date();
        const reader = await later();
        const cards = missing.flatMap((id) => {
          const card = found.get(id);
          return card?.el.isConnected ? [readFields(card, now, reader)] : [];
        });
        if (cards.length) await request('ingest', { page: pageRef(page), cards });
      }
    } catch (err) {
      failed(err);
    }
  }

  return {
    report,
    /** A new page (client-side navigation): everything is reported afresh. */
    reset() {
      reported = new WeakMap();
      fields.clear();
      found.clear();
    },
    fields: (id: string) => fields.get(id),
  };
}

function idle(): Promise<void> {
  return new Promise((resolve) =>
    typeof requestIdleCallback === 'function' ? requestIdleCallback(() => resolve(), { timeout: 2000 }) : setTimeout(resolve, 1),
  );
}
