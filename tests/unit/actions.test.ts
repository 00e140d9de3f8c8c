/**
 * An edit shows in its rows while it is stored (the preview), and a refused one is taken back
 * with a message: the row never keeps showing what the library does not hold.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { newEntry } from '../../utils/model';
import { type EntryChange, makeActions } from '../../utils/ui/actions';

beforeEach(() => fakeBrowser.reset());

function recorder() {
  const previews: { ids: string[]; change: EntryChange; stored?: boolean }[] = [];
  const preview = (ids: string[], change: EntryChange) => {
    const p: (typeof previews)[number] = { ids, change };
    previews.push(p);
    return (stored: boolean) => {
      p.stored = stored;
    };
  };
  return { previews, preview };
}

describe('edits shown at once', () => {
  it('shows a status, tags and a note as the entry will hold them, and settles when stored', async () => {
    const spy = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async () => ({ ok: true, value: {} }));
    const { previews, preview } = recorder();
    const changed = vi.fn();
    const actions = makeActions(() => {}, changed, preview);
    const entry = { ...newEntry('2409.12345', 1), tags: ['RL'] };

    await actions.setStatus(['2409.12345'], 'reading');
    await actions.addTags(['2409.12345'], ['rl', ' vision  models ']);
    await actions.removeTags(['2409.12345'], ['rl']);
    await actions.setNote('2409.12345', 'see table 2');
    expect(previews.map((p) => p.stored)).toEqual([true, true, true, true]);
    expect(changed).toHaveBeenCalledTimes(4);
    const [status, add, remove, note] = previews.map((p) => p.change(entry));
    expect(status!.status).toBe('reading');
    expect(add!.tags).toEqual(['RL', 'vision models']);
    expect(remove!.tags).toEqual([]);
    expect(note!.note).toBe('see table 2');
    expect(entry.tags).toEqual(['RL']);
    spy.mockRestore();
  });

  it('takes a refused edit back and says why', async () => {
    const spy = vi
      .spyOn(fakeBrowser.runtime, 'sendMessage')
      .mockImplementation(async () => ({ ok: false, code: 'quota', message: 'The disk is full' }));
    const { previews, preview } = recorder();
    const notify = vi.fn();
    const changed = vi.fn();
    await makeActions(notify, changed, preview).setPriority(['2409.12345'], 3);
    expect(previews[0]!.stored).toBe(false);
    expect(changed).not.toHaveBeenCalled();
    expect(notify).toHaveBeenCalledWith('Could not change the priority: The disk is full');
    spy.mockRestore();
  });
});
