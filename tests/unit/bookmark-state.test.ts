/** Each paper's bookmark state in the content script: wishes, replies and pushes in every order. */
import { describe, expect, it } from 'vitest';
import { bookmarkStates } from '../../utils/content/bookmark-state';

const ID = '2609.31620';

describe('bookmarkStates', () => {
  it('shows a pushed state, and ignores one older than what is shown (pushes can cross)', () => {
    const s = bookmarkStates();
    expect(s.incoming({ [ID]: { bookmarked: true, at: 5 } })).toEqual({ [ID]: { bookmarked: true, at: 5 } });
    expect(s.incoming({ [ID]: { bookmarked: false, at: 4 } })).toEqual({ [ID]: { at: 4 } });
    expect(s.incoming({ [ID]: { bookmarked: false, at: 6 } })).toEqual({ [ID]: { bookmarked: false, at: 6 } });
  });

  it('sends one request at a time and always the latest wish', () => {
    const s = bookmarkStates();
    expect(s.wish(ID, true)).toBe(true);
    expect(s.next(ID)).toBe(true);
    // Two more clicks while the first request is on its way: no second request, the last wish next.
    expect(s.wish(ID, false)).toBe(false);
    expect(s.wish(ID, true)).toBe(false);
    s.stored(ID, true, { at: 1 });
    // The wish equals what was just stored: nothing is left to send.
    expect(s.next(ID)).toBeUndefined();
    expect(s.settled(ID)).toBe(true);
  });

  it('sends again when the wish changed while a request was on its way', () => {
    const s = bookmarkStates();
    s.wish(ID, true);
    s.wish(ID, false);
    s.stored(ID, true, { at: 1 });
    expect(s.next(ID)).toBe(false);
    s.stored(ID, false, { at: 2 });
    expect(s.next(ID)).toBeUndefined();
    expect(s.settled(ID)).toBe(false);
  });

  it('hides a push that arrives while the user’s own change is on its way, and lets the newer version win', () => {
    const s = bookmarkStates();
    s.wish(ID, true);
    // Elsewhere, later, the paper was removed: the push comes before our reply.
    expect(s.incoming({ [ID]: { bookmarked: false, at: 9 } })).toEqual({ [ID]: { at: 9 } });
    s.stored(ID, true, { at: 8 });
    expect(s.settled(ID)).toBe(false);
  });

  it('falls back to the library’s state when a request fails, or to the opposite of the wish if none is known', () => {
    const s = bookmarkStates();
    s.wish(ID, true);
    expect(s.failed(ID, true)).toBe(false);
    s.incoming({ [ID]: { bookmarked: true, at: 3 } });
    s.wish(ID, false);
    expect(s.failed(ID, false)).toBe(true);
    // Nothing is on its way any more: the next click sends.
    expect(s.wish(ID, false)).toBe(true);
  });
});
