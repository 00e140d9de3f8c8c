/**
 * Visits, with a fake clock: a page's report and its heartbeat keep a visit going; half an hour
 * with no papers page open (VISIT_GAP_MS) ends it. Papers first met on the current visit are new,
 * those met on an earlier one seen; the summary line says since when.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeHandlers } from '../../utils/background/handlers';
import { answer } from '../../utils/background/serve';
import { ShelfDB } from '../../utils/db/schema';
import { lastVisit, sinceLabel, touchVisit, VISIT_GAP_MS } from '../../utils/db/visits';
import type { Replies } from '../../utils/protocol';

process.env.TZ = 'UTC';
const T0 = Date.parse('2026-09-29T14:05:00Z'); // a Tuesday
const MIN = 60_000;
let db: ShelfDB;
let clock: number;

beforeEach(() => {
  db = new ShelfDB(`visits-${Math.random()}`);
  clock = T0;
});
afterEach(() => db.delete());

const handlers = () => makeHandlers({ db, now: () => clock, broadcast: async () => undefined });
const ask = async <T>(type: string, payload: unknown) => {
  const reply = await answer(handlers(), { hfp: 1, type, payload });
  if (!reply?.ok) throw new Error(reply ? reply.message : 'no reply');
  return reply.value as T;
};
const card = (n: number) => ({ id: `2609.${String(10000 + n)}`, title: `Paper ${n}` });
const visit = async (...ns: number[]) =>
  ask<Replies['ingest']>('ingest', { page: { url: 'https://huggingface.co/papers', kind: 'daily' }, cards: ns.map(card) });
const marks = (reply: Replies['ingest']) => Object.fromEntries(Object.entries(reply.states).map(([id, s]) => [id.slice(-2), s.visit]));

describe('a visit', () => {
  it('is one named gap long', () => {
    expect(VISIT_GAP_MS).toBe(30 * MIN);
  });

  it('goes on while pages report or beat within the gap, and ends after it', async () => {
    expect(await touchVisit(db, T0)).toEqual({ start: T0 });
    expect(await touchVisit(db, T0 + 29 * MIN)).toEqual({ start: T0 });
    // Exactly the gap after the last sign: still the same visit.
    expect(await touchVisit(db, T0 + 59 * MIN)).toEqual({ start: T0 });
    expect(await touchVisit(db, T0 + 89 * MIN + 1)).toEqual({ start: T0 + 89 * MIN + 1, since: T0 + 59 * MIN });
    expect(await lastVisit(db, T0 + 90 * MIN)).toEqual({ start: T0 + 89 * MIN + 1, last: T0 + 89 * MIN + 1, ongoing: true, since: T0 + 59 * MIN });
    expect((await lastVisit(db, T0 + 200 * MIN))?.ongoing).toBe(false);
  });

  it('is not shortened by a clock set back', async () => {
    await touchVisit(db, T0);
    await touchVisit(db, T0 + 20 * MIN);
    expect(await touchVisit(db, T0 + 5 * MIN)).toEqual({ start: T0 });
    expect((await lastVisit(db, T0))?.last).toBe(T0 + 20 * MIN);
  });
});

describe('new and seen cards', () => {
  it('on a first visit, every card is new, and there is no "since"', async () => {
    const reply = await visit(1, 2, 3);
    expect(marks(reply)).toEqual({ '01': 'new', '02': 'new', '03': 'new' });
    expect(reply.view).toEqual({ hideSeen: false, hideSaved: false, dim: false });
  });

  it('within one visit, a paper met on another page is still new', async () => {
    await visit(1, 2);
    clock += 20 * MIN;
    expect(marks(await visit(2, 3))).toEqual({ '02': 'new', '03': 'new' });
  });

  it('a heartbeat keeps the visit going past the gap since the last page report', async () => {
    await visit(1);
    for (let i = 0; i < 6; i++) {
      clock += 10 * MIN;
      await ask('heartbeat', {});
    }
    expect(marks(await visit(1, 2))).toEqual({ '01': 'new', '02': 'new' });
  });

  it('on a later visit, only the papers first met since it began are new, and the line says since when', async () => {
    await visit(1, 2, 3);
    clock += 10 * MIN;
    await visit(4);
    clock += 31 * MIN; // the tab was closed half an hour ago
    const reply = await visit(2, 4, 5, 6);
    expect(marks(reply)).toEqual({ '02': 'seen', '04': 'seen', '05': 'new', '06': 'new' });
    expect(reply.view.since).toBe('14:15');
    // The same visit goes on: what was new at its start stays new.
    clock += 5 * MIN;
    expect(marks(await visit(5, 3))).toEqual({ '05': 'new', '03': 'seen' });
  });
});

describe('the summary line’s moment', () => {
  it('is the time today, the day and time this week, the date before', () => {
    const now = Date.parse('2026-09-29T18:00:00Z');
    expect(sinceLabel(Date.parse('2026-09-29T14:05:00Z'), now)).toBe('14:05');
    expect(sinceLabel(Date.parse('2026-09-28T09:30:00Z'), now)).toBe('Mon 09:30');
    expect(sinceLabel(Date.parse('2026-09-20T09:30:00Z'), now)).toBe('Sep 20');
  });
});
