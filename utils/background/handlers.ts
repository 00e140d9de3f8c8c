import type { PaperState, RequestName, RequestPayload, TabMessage } from '../protocol';
import type { ShelfDB } from '../db/schema';
import { ingestPapers } from '../db/papers';
import { setBookmark } from '../db/bookmarks';
import { listingDay, mergeCard } from '../parse/merge';
import { readProps, type PropsIndex } from '../parse/props';
import type { Filler } from './fill';

export interface Deps {
  db: ShelfDB;
  /** Completes saved papers from the site's API, in the background. */
  filler?: Pick<Filler, 'enqueue'>;
  now: () => number;
  /** Tells every open huggingface.co/papers tab. */
  broadcast: (message: TabMessage) => Promise<void>;
}

const PROPS_CACHE_SIZE = 8;

/** Called once per start of the worker. */
export function makeHandlers({ db, now, broadcast, filler }: Deps) {
  /**
   * Parsed embedded JSON by the key the content script gave it. Only a cache: when the worker
   * was stopped and lost it, the content script is asked for the raw JSON again.
   */
  const propsCache = new Map<string, PropsIndex>();
  return {
    async ingest({ page, cards, props }: RequestPayload<'ingest'>) {
      let index: PropsIndex | undefined;
      if (props) {
        index = propsCache.get(props.key);
        if (!index && props.raw !== undefined) {
          index = readProps(props.raw, props.target);
          propsCache.set(props.key, index);
          if (propsCache.size > PROPS_CACHE_SIZE) propsCache.delete(propsCache.keys().next().value!);
        }
      }
      const merged = cards.map((card) => mergeCard(card, index?.papers.get(card.id)));
      const states = await ingestPapers(db, merged, {
        at: now(),
        url: page.url,
        listingDate: listingDay(page, index?.listingDate),
      });
      return {
        states,
        /** The page's JSON is needed and this worker has not got it (first sight, or a restart). */
        needProps: !!props && !index,
        /** Cards the JSON holds no (or a damaged) entry for: the page should send what their DOM shows. */
        needDom: index ? cards.filter((c) => !index.papers.has(c.id) || index.partial.has(c.id)).map((c) => c.id) : [],
      };
    },

    async setBookmark({ id, on, paper }: RequestPayload<'setBookmark'>) {
      const result = await setBookmark(db, id, on, paper, now());
      await broadcast({ hfp: 1, type: 'states', states: { [id]: { bookmarked: on } } });
      if (on) void filler?.enqueue([id]);
      return result;
    },

    async getStates({ ids }: RequestPayload<'getStates'>) {
      const marks = await db.bookmarks.bulkGet(ids);
      const states: Record<string, Pick<PaperState, 'bookmarked'>> = {};
      ids.forEach((id, i) => (states[id] = { bookmarked: !!marks[i] }));
      return states;
    },
  } satisfies { [K in RequestName]: (payload: RequestPayload<K>) => Promise<unknown> };
}

export type Handlers = ReturnType<typeof makeHandlers>;
