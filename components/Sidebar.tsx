import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { STATUS_LABEL, STATUSES, type Status, type Tag, type ViewKey } from '../utils/model';
import type { Actions } from '../utils/ui/actions';
import { SORTS, VIEWS, NO_FILTERS, type Counts, type Filters, type SortKey } from '../utils/catalog/view';
import { TagChip } from './PaperRow';
import { useSettings } from '../utils/ui/useSettings';

interface Props {
  view: ViewKey;
  setView: (v: ViewKey) => void;
  counts?: Counts;
  tags: Tag[];
  filters: Filters;
  setFilters: (f: Filters) => void;
  sort: SortKey;
  setSort: (s: SortKey) => void;
  actions: Actions;
  /** Shown at the end of the column (export and import). */
  children?: ComponentChildren;
}

/** The library page's left column: views with counts, filters, sort, tags and their manager. */
export function Sidebar({ view, setView, counts, tags, filters, setFilters, sort, setSort, actions, children }: Props) {
  const set = (change: Partial<Filters>) => setFilters({ ...filters, ...change });
  const toggle = <T,>(list: T[], value: T, on: boolean) => (on ? [...list, value] : list.filter((x) => x !== value));
  return (
    <nav class="sidebar" aria-label="Library">
      <div class="brand">HF Papers Shelf</div>
      <ul class="views">
        {VIEWS.map((v) => (
          <li key={v.key}>
            <button
              type="button"
              class="view-button"
              data-testid={`view-${v.key}`}
              aria-current={view === v.key ? 'page' : undefined}
              onClick={() => setView(v.key)}
            >
              <span>{v.label}</span>
              <span class="count">
                {v.key === 'followed' && counts ? <span data-testid="followed-unread">{counts.followedUnread} unread · </span> : null}
                {counts?.views[v.key as keyof Counts['views']] ?? ''}
              </span>
            </button>
          </li>
        ))}
        <li>
          <button type="button" class="view-button" aria-current={view === 'seen' ? 'page' : undefined} onClick={() => setView('seen')}>
            <span>Seen, not saved</span>
          </button>
        </li>
        <li>
          <button type="button" class="view-button" aria-current={view === 'everything' ? 'page' : undefined} onClick={() => setView('everything')}>
            <span>Everything</span>
          </button>
        </li>
      </ul>

      <label class="field">
        <span>Sort by</span>
        <select value={sort} onChange={(e) => setSort(e.currentTarget.value as SortKey)}>
          {SORTS.map((s) => (
            <option key={s.key} value={s.key}>
              {s.label}
            </option>
          ))}
        </select>
      </label>

      <fieldset class="filters">
        <legend>Filter</legend>
        {STATUSES.map((s: Status) => (
          <label key={s} class="check">
            <input
              type="checkbox"
              checked={filters.statuses.includes(s)}
              onChange={(e) => set({ statuses: toggle(filters.statuses, s, e.currentTarget.checked) })}
            />
            {STATUS_LABEL[s]}
          </label>
        ))}
        <label class="check">
          <input type="checkbox" checked={!!filters.hasNote} onChange={(e) => set({ hasNote: e.currentTarget.checked })} />
          Has a note
        </label>
        <label class="field">
          <span>Published from</span>
          <input type="date" value={filters.from ?? ''} onInput={(e) => set({ from: e.currentTarget.value || undefined })} />
        </label>
        <label class="field">
          <span>to</span>
          <input type="date" value={filters.to ?? ''} onInput={(e) => set({ to: e.currentTarget.value || undefined })} />
        </label>
        {tags.length > 0 && (
          <div class="field">
            <span>With tags</span>
            {tags.map((t) => (
              <label key={t.key} class="check">
                <input
                  type="checkbox"
                  checked={filters.tags.includes(t.name)}
                  onChange={(e) => set({ tags: toggle(filters.tags, t.name, e.currentTarget.checked) })}
                />
                <TagChip name={t.name} tag={t} />
                <span class="count">{counts?.tags.get(t.name) ?? 0}</span>
              </label>
            ))}
          </div>
        )}
        {filters !== NO_FILTERS && (
          <button type="button" class="link-button" onClick={() => setFilters(NO_FILTERS)}>
            Clear filters
          </button>
        )}
      </fieldset>

      <TagManager tags={tags} counts={counts} actions={actions} setView={setView} />
      <Settings actions={actions} />
      {children}
    </nav>
  );
}

/** Rename (onto an existing name: merge), recolour, delete; with each tag's count. */
function TagManager({ tags, counts, actions, setView }: { tags: Tag[]; counts?: Counts; actions: Actions; setView: (v: ViewKey) => void }) {
  const [editing, setEditing] = useState<string | null>(null);
  if (!tags.length) return null;
  return (
    <details class="tag-manager">
      <summary>Manage tags</summary>
      <ul>
        {tags.map((t) => (
          <li key={t.key} class="tag-line">
            <input
              type="color"
              value={t.color ?? '#6b7280'}
              aria-label={`Colour of ${t.name}`}
              onChange={(e) => void actions.setTagColor(t.name, e.currentTarget.value)}
            />
            {editing === t.key ? (
              <input
                type="text"
                aria-label={`New name for ${t.name} (an existing name merges the two)`}
                defaultValue={t.name}
                // biome-ignore lint/a11y/noAutofocus: the field appears because the user asked to rename, and takes the keys at once
                autoFocus
                onKeyDown={(e) => {
                  if (e.key === 'Enter') {
                    const to = e.currentTarget.value.trim();
                    if (to && to !== t.name) void actions.renameTag(t.name, to);
                    setEditing(null);
                  } else if (e.key === 'Escape') setEditing(null);
                }}
                onBlur={() => setEditing(null)}
              />
            ) : (
              <button type="button" class="link-button" onClick={() => setView(`tag:${t.name}`)}>
                {t.name}
              </button>
            )}
            <span class="count">{counts?.tags.get(t.name) ?? 0}</span>
            <button type="button" class="icon-button" aria-label={`Rename or merge ${t.name}`} onClick={() => setEditing(t.key)}>
              ✎
            </button>
            <button
              type="button"
              class="icon-button"
              aria-label={`Delete tag ${t.name}`}
              onClick={() => {
                if (confirm(`Delete the tag “${t.name}” from every paper?`)) void actions.deleteTag(t.name);
              }}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}

function Settings({ actions }: { actions: Actions }) {
  return (
    <details class="settings">
      <summary>Settings</summary>
      <BadgeSetting actions={actions} />
      <HideModeSetting actions={actions} />
    </details>
  );
}

function BadgeSetting({ actions }: { actions: Actions }) {
  const settings = useSettings();
  return (
    <label class="check">
      <input type="checkbox" checked={settings?.badge ?? true} onChange={(e) => void actions.setBadge(e.currentTarget.checked)} />
      Show the number of papers to read on the toolbar button
    </label>
  );
}

/** How the listings' "Hide seen" and "Hide saved" controls take cards out: hidden, or dimmed. */
function HideModeSetting({ actions }: { actions: Actions }) {
  const settings = useSettings();
  return (
    <label class="field">
      <span>On huggingface.co, “Hide seen” and “Hide saved”</span>
      <select
        data-testid="hide-mode"
        value={settings?.hideMode ?? 'hide'}
        onChange={(e) => void actions.setHideMode(e.currentTarget.value as 'hide' | 'dim')}
      >
        <option value="hide">hide those cards</option>
        <option value="dim">dim those cards</option>
      </select>
    </label>
  );
}
