/**
 * Every request the background answers, in one map. Each handler is one transaction of
 * utils/db; after it, the open huggingface.co tabs hear of bookmark changes and the toolbar
 * badge is recounted. Nothing that matters is kept in memory (the worker may stop any time).
 */
import type { Replies, RequestName, RequestPayload, TabMessage } from '../protocol';
import type { ShelfDB } from '../db/schema';
import { ingestPapers } from '../db/papers';
import { addTags, deleteTag, removeTags, renameTag, setBookmarks, setNote, setPriority, setStatus, setTagColor, toReadCount } from '../db/library';
import { syncMatches } from '../db/matches';
import { getSettings, setSettings } from '../db/settings';
import { listingDay, mergeCard } from '../parse/merge';
import { readProps, type PropsIndex } from '../parse/props';
import type { Filler } from './fill';
import { makeTriage } from './triage';

export interface Deps {
  db: ShelfDB;
  now: () => number;
  /** Tells every open huggingface.co/papers tab. */
  broadcast: (message: TabMessage) => Promise<void>;
  /** Completes saved papers from the site's API, in the background. */
  filler?: Pick<Filler, 'enqueue'>;
  /** Shows the number of papers to read on the toolbar button ('' hides it). */
  badge?: (text: string) => Promise<void>;
}

const PROPS_CACHE_SIZE = 8;

/** Called once per start of the worker. */
export function makeHandlers({ db, now, broadcast, filler, badge }: Deps) {
  /**
   * Parsed embedded JSON by the key the content script gave it. Only a cache: when the worker
   * was stopped and lost it, the content script is asked for the raw JSON again.
   */
  const propsCache = new Map<string, PropsIndex>();
  const triage = makeTriage({ db, now, broadcast, filler });

  async function refreshBadge() {
    if (!badge) return;
    const { badge: on } = await getSettings(db);
    const n = on ? await toReadCount(db) : 0;
    await badge(n ? String(n) : '').catch(() => undefined);
  }

  async function statesOf(ids: string[]) {
    const entries = await db.entries.bulkGet(ids);
    const states: Replies['getStates'] = {};
    ids.forEach((id, i) => {
      states[id] = { bookmarked: entries[i]?.bookmarkedAt !== undefined, at: entries[i]?.updatedAt ?? 0 };
    });
    return states;
  }

  const handlers = {
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
      const visit = await triage.touchVisit();
      const seen = { at: now(), url: page.url, listingDate: listingDay(page, index?.listingDate) };
      const states = await db.transaction('rw', [db.papers, db.entries, db.follows, db.matches], async () => {
        const ingested = await ingestPapers(db, merged, seen, visit.start);
        await triage.withFollows(ingested.states, ingested.papers, ingested.entries, false);
        return ingested.states;
      });
      return {
        states,
        view: await triage.pageView(visit.since),
        /** The page's JSON is needed and this worker has not got it (first sight, or a restart). */
        needProps: !!props && !index,
        /** Cards the JSON holds no (or a damaged) entry for: the page should send what their DOM shows. */
        needDom: index ? cards.filter((c) => !index.papers.has(c.id) || index.partial.has(c.id)).map((c) => c.id) : [],
      };
    },

    async setBookmark(change: RequestPayload<'setBookmark'>) {
      const result = await setBookmarks(db, change, now());
      await broadcast({ hfp: 1, type: 'states', states: result.states });
      await refreshBadge();
      if (change.on) void filler?.enqueue(change.ids);
      return result;
    },

    async setStatus({ ids, status }: RequestPayload<'setStatus'>) {
      const states = await setStatus(db, ids, status, now());
      // "Not interested" un-saves, and dims the card: the tabs show it.
      if (Object.keys(states).length) await broadcast({ hfp: 1, type: 'states', states });
      await refreshBadge();
    },

    async setPriority({ ids, priority }: RequestPayload<'setPriority'>) {
      await setPriority(db, ids, priority, now());
    },

    async setNote({ id, note }: RequestPayload<'setNote'>) {
      await setNote(db, id, note, now());
    },

    async addTags({ ids, tags }: RequestPayload<'addTags'>) {
      return { tags: await addTags(db, ids, tags, now()) };
    },

    async removeTags({ ids, tags }: RequestPayload<'removeTags'>) {
      await removeTags(db, ids, tags, now());
    },

    async renameTag({ from, to }: RequestPayload<'renameTag'>) {
      await renameTag(db, from, to, now());
    },

    async deleteTag({ name }: RequestPayload<'deleteTag'>) {
      await deleteTag(db, name, now());
    },

    async setTagColor({ name, color }: RequestPayload<'setTagColor'>) {
      await setTagColor(db, name, color);
    },

    async setSettings(change: RequestPayload<'setSettings'>) {
      await setSettings(db, change);
      await refreshBadge();
      if (change.hideSeen !== undefined || change.hideSaved !== undefined || change.hideMode) await broadcast({ hfp: 1, type: 'refresh' });
    },

    async getStates({ ids }: RequestPayload<'getStates'>) {
      return statesOf(ids);
    },

    async libraryChanged({ ids }: RequestPayload<'libraryChanged'>) {
      // An import may have changed papers' text and statuses: their matches follow.
      await db.transaction('rw', [db.papers, db.entries, db.follows, db.matches], async () => {
        const [papers, entries] = await Promise.all([db.papers.bulkGet(ids), db.entries.bulkGet(ids)]);
        const known = papers.flatMap((p, i) => (p ? [i] : []));
        await syncMatches(
          db,
          known.map((i) => papers[i]!),
          known.map((i) => entries[i]),
        );
      });
      const states = await statesOf(ids);
      await broadcast({ hfp: 1, type: 'states', states });
      await refreshBadge();
      void filler?.enqueue(ids.filter((id) => states[id]!.bookmarked));
    },
    ...triage.handlers,
  } satisfies { [K in RequestName]: (payload: RequestPayload<K>) => Promise<Replies[K]> };

  return Object.assign(handlers, { refreshBadge, resumeBackfills: triage.resumeBackfills });
}

export type Handlers = Omit<ReturnType<typeof makeHandlers>, 'refreshBadge' | 'resumeBackfills'>;
