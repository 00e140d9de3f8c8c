/**
 * The changes the popup and the library page make, as requests to the background (which
 * validates them, writes them in one transaction and tells the huggingface.co tabs). A failure
 * becomes a message for the user, never a silent no-op.
 */
import { request, RequestError } from '../messaging';
import type { PaperFields, Status } from '../model';

export type Notify = (message: string, undo?: () => void) => void;

/** `changed`: called once the library holds a change (the page's list looks at once). */
export function makeActions(notify: Notify, changed: () => void = () => {}) {
  async function run<T>(what: string, job: () => Promise<T>): Promise<T | undefined> {
    try {
      const result = await job();
      changed();
      return result;
    } catch (err) {
      const reason = err instanceof RequestError ? err.message : (err as Error)?.message || String(err);
      notify(`Could not ${what}: ${reason}`);
      return undefined;
    }
  }
  const plural = (ids: string[]) => (ids.length === 1 ? 'paper' : `${ids.length} papers`);

  return {
    bookmark: (ids: string[], papers?: PaperFields[]) => run('save', () => request('setBookmark', { ids, on: true, ...(papers ? { papers } : {}) })),

    /** Removes from the reading list (tags and note are kept), with an undo for a few seconds. */
    async remove(ids: string[]) {
      const result = await run('remove', () => request('setBookmark', { ids, on: false }));
      if (!result) return;
      notify(`Removed ${plural(ids)} from your reading list.`, () => {
        for (const id of ids) {
          const at = result.before[id];
          void run('undo', () => request('setBookmark', { ids: [id], on: true, ...(at ? { at } : {}) }));
        }
      });
    },

    setStatus: (ids: string[], status: Status) => run('change the status', () => request('setStatus', { ids, status })),
    setPriority: (ids: string[], priority: number) => run('change the priority', () => request('setPriority', { ids, priority })),
    setNote: (id: string, note: string) => run('save the note', () => request('setNote', { id, note })),
    addTags: (ids: string[], tags: string[]) => run('add the tag', () => request('addTags', { ids, tags })),
    removeTags: (ids: string[], tags: string[]) => run('remove the tag', () => request('removeTags', { ids, tags })),
    renameTag: (from: string, to: string) => run('rename the tag', () => request('renameTag', { from, to })),
    deleteTag: (name: string) => run('delete the tag', () => request('deleteTag', { name })),
    setTagColor: (name: string, color: string) => run('colour the tag', () => request('setTagColor', { name, color })),
    setBadge: (badge: boolean) => run('change the setting', () => request('setSettings', { badge })),
    setSync: (sync: boolean) => run('change the setting', () => request('setSettings', { sync })),
  };
}

export type Actions = ReturnType<typeof makeActions>;
