/** The popup's head start: the first rows as last shown, without what a row does not show. */
import { beforeEach, describe, expect, it } from 'vitest';
import { readSnapshot, writeSnapshot } from '../../utils/ui/snapshot';
import type { Item } from '../../utils/model';

const row: Item = {
  id: '2501.00001',
  title: 'A paper',
  authors: ['Ada Lovelace'],
  abstract: 'long text',
  aiSummary: 'summary',
  firstSeenAt: 1,
  lastSeenAt: 2,
  entry: { id: '2501.00001', bookmarkedAt: 3, status: 'reading', statusAt: 3, tags: ['ml'], note: 'private thoughts', priority: 1, updatedAt: 4 },
};

beforeEach(() => localStorage.clear());

describe('first-rows snapshot', () => {
  it('keeps what a row shows, not the abstract nor the note’s text', () => {
    writeSnapshot('list', [row]);
    const [back] = readSnapshot('list')!;
    expect(back).toMatchObject({ id: row.id, title: 'A paper', authors: ['Ada Lovelace'], entry: { status: 'reading', tags: ['ml'], note: ' ' } });
    expect(back!.abstract).toBeUndefined();
    expect(localStorage.getItem('hfp.first.v1:list')).not.toContain('private thoughts');
  });

  it('ignores a damaged or foreign value', () => {
    localStorage.setItem('hfp.first.v1:list', '{not json');
    expect(readSnapshot('list')).toBeUndefined();
    localStorage.setItem('hfp.first.v1:list', JSON.stringify([{ id: 5 }]));
    expect(readSnapshot('list')).toBeUndefined();
    expect(readSnapshot('read')).toBeUndefined();
  });
});
