/**
 * What each card's button should show, per paper: the user's wish not yet confirmed, whether a
 * request is on its way, and the version of the last library state shown. One request per paper
 * at a time, always for the latest wish, so a retried request (the worker was stopped) can never
 * land after a newer one; and a state older than the one shown (pushes can cross) is ignored.
 * Pure: no DOM, no messaging (tests/unit/bookmark-state.test.ts). A closure, not a class: its
 * inner names minify (the content script has a 15 KB budget).
 */
import type { PaperState } from '../protocol';

interface PaperSync {
  /** What the user asked for and the library has not yet confirmed. */
  want?: boolean;
  sending: boolean;
  /** Version (the entry's updatedAt) of the last state taken from the library. */
  at: number;
  /** The library's state, as last confirmed. */
  confirmed?: boolean;
}

export type States = Record<string, Partial<PaperState>>;

export function bookmarkStates() {
  const papers = new Map<string, PaperSync>();
  const of = (id: string): PaperSync => {
    let s = papers.get(id);
    if (!s) {
      s = { sending: false, at: -1 };
      papers.set(id, s);
    }
    return s;
  };

  return {
    /** States from the library (replies and pushes): what to show of them. */
    incoming(states: States): States {
      const shown: States = {};
      for (const [id, state] of Object.entries(states)) {
        const s = of(id);
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
      return shown;
    },

    /** The user asks for `on`. True when no request is on its way: the caller sends one. */
    wish(id: string, on: boolean): boolean {
      const s = of(id);
      s.want = on;
      if (s.sending) return false;
      s.sending = true;
      return true;
    },

    /** The wish to send next, or undefined when everything asked is confirmed. */
    next: (id: string): boolean | undefined => of(id).want,

    /** The library stored `want` and answered with the paper's state at that moment. */
    stored(id: string, want: boolean, state: { at: number } | undefined) {
      const s = of(id);
      // A change made elsewhere after ours may have been pushed here before our reply came: the
      // newer version stands, ours is not shown over it.
      if (!state || state.at >= s.at) {
        if (state) s.at = state.at;
        s.confirmed = want;
      }
      if (s.want === want) s.want = undefined;
    },

    /** Every wish sent and answered: what the button shows now. */
    settled(id: string): boolean | undefined {
      const s = of(id);
      s.sending = false;
      return s.confirmed;
    },

    /** The request failed: the wish is dropped, and the button shows what the library holds. */
    failed(id: string, on: boolean): boolean {
      const s = of(id);
      s.want = undefined;
      s.sending = false;
      return s.confirmed ?? !on;
    },
  };
}
