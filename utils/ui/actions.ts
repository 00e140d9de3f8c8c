/**
 * The changes the popup and the library page make, as requests to the background (which
 * validates them, writes them in one transaction and tells the huggingface.co tabs). A failure
 * becomes a message for the user, never a silent no-op.
 */
import { request, RequestError } from '../messaging';
import { type Entry, type FollowKind, type HIDE_MODES, normalizeTag, type PaperFields, type Status } from '../model';

type HideMode = (typeof HIDE_MODES)[number];

export type Notify = (message: string, undo?: () => void) => void;
/** What an edit does to a saved paper's entry, as its row shows it. */
export type EntryChange = (e: Entry) => Entry;
/** Shows an edit in its rows at once; the returned call says whether the library took it. */
export type Preview = (ids: string[], change: EntryChange) => (stored: boolean) => void;

const hasTag = (tags: string[], t: string) => tags.some((x) => x.toLowerCase() === t.toLowerCase());
function withTags(have: string[], names: string[]): string[] {
  const tags = [...have];
  for (const t of names.map(normalizeTag)) if (t && !hasTag(tags, t)) tags.push(t);
  return tags;
}

/**
 * `changed`: called once the library holds a change (the page's list looks at once).
 * `preview`: shows an edit in its rows while it is being stored (undone if it fails).
 */
export function makeActions(notify: Notify, changed: () => void = () => {}, preview?: Preview) {
  async function run<T>(what: string, job: () => Promise<T>, shown?: { ids: string[]; change: EntryChange }): Promise<T | undefined> {
    const settle = shown && preview?.(shown.ids, shown.change);
    const start = performance.now();
    try {
      const result = await job();
      // `npm run bench` reads this: the edit's round trip until the library holds it.
      if (shown) performance.measure('hfp:edit:stored', { start });
      settle?.(true);
      changed();
      return result;
    } catch (err) {
      settle?.(false);
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

    setStatus: (ids: string[], status: Status) =>
      run('change the status', () => request('setStatus', { ids, status }), { ids, change: (e) => ({ ...e, status }) }),
    setPriority: (ids: string[], priority: number) =>
      run('change the priority', () => request('setPriority', { ids, priority }), { ids, change: (e) => ({ ...e, priority }) }),
    setNote: (id: string, note: string) =>
      run('save the note', () => request('setNote', { id, note }), { ids: [id], change: (e) => ({ ...e, note }) }),
    addTags: (ids: string[], tags: string[]) =>
      run('add the tag', () => request('addTags', { ids, tags }), {
        ids,
        change: (e) => ({ ...e, tags: withTags(e.tags, tags) }),
      }),
    removeTags: (ids: string[], tags: string[]) =>
      run('remove the tag', () => request('removeTags', { ids, tags }), {
        ids,
        change: (e) => ({ ...e, tags: e.tags.filter((t) => !hasTag(tags, t)) }),
      }),
    renameTag: (from: string, to: string) => run('rename the tag', () => request('renameTag', { from, to })),
    deleteTag: (name: string) => run('delete the tag', () => request('deleteTag', { name })),
    setTagColor: (name: string, color: string) => run('colour the tag', () => request('setTagColor', { name, color })),
    setBadge: (badge: boolean) => run('change the setting', () => request('setSettings', { badge })),
    setHideMode: (hideMode: HideMode) => run('change the setting', () => request('setSettings', { hideMode })),
    follow: (kind: FollowKind, value: string) => run(`follow “${value}”`, () => request('follow', { kind, value })),
    unfollow: (key: string, label: string) => run(`unfollow “${label}”`, () => request('unfollow', { key })),
  };
}

export type Actions = ReturnType<typeof makeActions>;
