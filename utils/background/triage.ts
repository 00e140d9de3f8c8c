/**
 * The background's side of triage on the listings: visits, what each card shows (saved,
 * dismissed, new or seen, the follows it matches), the card's menu, and following. Changes are
 * pushed to the open papers tabs: states for a paper's own change, `refresh` when every card
 * may change (a follow added or removed, a hide setting).
 */
import { reasonOf } from '../follows/match';
import { followKey } from '../follows/fold';
import type { Entry, Follow, Paper } from '../model';
import type { PageView, PaperState, RequestPayload, TriageInfo } from '../protocol';
import { addFollow, backfillChunk, removeFollow, unfinishedFollows } from '../db/follows';
import { entryState } from '../db/library';
import { syncMatches } from '../db/matches';
import { getSettings } from '../db/settings';
import { triagePaper } from '../db/triage-paper';
import { sinceLabel, touchVisit } from '../db/visits';
import type { TabMessage } from '../protocol';
import type { ShelfDB } from '../db/schema';
import type { Filler } from './fill';

export interface TriageDeps {
  db: ShelfDB;
  now: () => number;
  broadcast: (message: TabMessage) => Promise<void>;
  filler?: Pick<Filler, 'enqueue'>;
}

export function makeTriage({ db, now, broadcast, filler }: TriageDeps) {
  const backfilling = new Set<string>();

  /** How tabs show their listings; `since`: when the visit before this one ended. */
  async function pageView(since?: number): Promise<PageView> {
    const s = await getSettings(db);
    const view: PageView = { hideSeen: s.hideSeen, hideSaved: s.hideSaved, dim: s.hideMode === 'dim' };
    if (since !== undefined) view.since = sinceLabel(since, now());
    return view;
  }

  /**
   * Matches stored papers against the follows (keeping the matches table in step) and adds the
   * reasons to their states. `always`: say "no follow" too (a refresh clears old highlights).
   */
  async function withFollows(states: Record<string, Partial<PaperState>>, papers: Paper[], entries: Array<Entry | undefined>, always: boolean) {
    const matched = await syncMatches(db, papers, entries);
    for (const p of papers) {
      const follows = matched.get(p.id);
      if (follows || always) states[p.id]!.follows = (follows ?? []).map(reasonOf);
    }
  }

  /** Matches the library against a new follow, chunk by chunk; one run per follow at a time. */
  function backfill(key: string) {
    if (backfilling.has(key)) return;
    backfilling.add(key);
    void (async () => {
      try {
        while (await backfillChunk(db, key));
      } catch (err) {
        console.warn('[hfp] matching the library against a follow paused:', err);
      } finally {
        backfilling.delete(key);
      }
    })();
  }

  return {
    pageView,
    withFollows,
    /** The visit goes on (or starts), for a page's report. */
    touchVisit: () => touchVisit(db, now()),
    /** A worker stopped while matching the library against a follow: go on where it stopped. */
    async resumeBackfills() {
      for (const key of await unfinishedFollows(db)) backfill(key);
    },

    handlers: {
      async heartbeat(_: RequestPayload<'heartbeat'>) {
        await touchVisit(db, now());
      },

      async pageStates({ ids }: RequestPayload<'pageStates'>) {
        const states: Record<string, Partial<PaperState>> = {};
        const [papers, entries] = await Promise.all([db.papers.bulkGet(ids), db.entries.bulkGet(ids)]);
        for (const [i, id] of ids.entries()) states[id] = entryState(entries[i]);
        const known = papers.flatMap((p, i) => (p ? [[p, entries[i]] as const] : []));
        await withFollows(
          states,
          known.map(([p]) => p),
          known.map(([, e]) => e),
          true,
        );
        return { states, view: await pageView() };
      },

      async triage(change: RequestPayload<'triage'>) {
        const { state, entry } = await triagePaper(db, change, now());
        await broadcast({ hfp: 1, type: 'states', states: { [change.id]: state } });
        if (state.bookmarked) void filler?.enqueue([change.id]);
        const { status, tags, note, priority } = entry;
        return { state, entry: { status, tags, note, priority } };
      },

      async triageInfo({ id }: RequestPayload<'triageInfo'>) {
        const [paper, entry, tags, follows] = await Promise.all([db.papers.get(id), db.entries.get(id), db.tags.toArray(), db.follows.toArray()]);
        const keys = new Set(follows.map((f) => f.key));
        const org = paper?.organization;
        const names: TriageInfo['names'] = (paper?.authors ?? []).flatMap((label) => {
          const key = followKey('author', label);
          return key ? [{ kind: 'author' as const, label, key, followed: keys.has(key) }] : [];
        });
        if (org) {
          // First (a long author list scrolls). Followed by its full name (what the card shows) or
          // its hub name; offered by its full name.
          const forms = [org.fullname, org.name].flatMap((n) => (n && followKey('org', n) ? [followKey('org', n)!] : []));
          const key = forms.find((k) => keys.has(k)) ?? forms[0];
          if (key) names.unshift({ kind: 'org', label: org.fullname || org.name, key, followed: keys.has(key) });
        }
        return {
          ...(entry ? { entry: { status: entry.status, tags: entry.tags, note: entry.note, priority: entry.priority } } : {}),
          saved: entry?.bookmarkedAt !== undefined,
          tags: tags.map((t) => t.name).sort((a, b) => a.localeCompare(b)),
          ...(paper ? { title: paper.title } : {}),
          names,
        };
      },

      async follow({ kind, value }: RequestPayload<'follow'>): Promise<{ follow: Follow; added: boolean }> {
        const result = await addFollow(db, kind, value, now());
        if (result.added) {
          backfill(result.follow.key);
          await broadcast({ hfp: 1, type: 'refresh' });
        }
        return result;
      },

      async unfollow({ key }: RequestPayload<'unfollow'>) {
        const removed = await removeFollow(db, key);
        if (removed) await broadcast({ hfp: 1, type: 'refresh' });
        return { removed };
      },
    },
  };
}

export type Triage = ReturnType<typeof makeTriage>;
