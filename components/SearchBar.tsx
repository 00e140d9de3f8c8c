import type { ViewKey } from '../utils/model';
import type { ReadingList } from '../utils/ui/useReadingList';
import { VIEWS } from '../utils/catalog/view';

/** The search box, and in the popup the view picker with each view's count. */
export function SearchBar({ shelf }: { shelf: ReadingList }) {
  const { counts } = shelf.list;
  const tags = shelf.tags.list;
  return (
    <div class="toolbar" data-indexing={shelf.list.state?.indexing || undefined}>
      <input
        ref={shelf.searchBox}
        data-testid="search"
        type="search"
        class="search"
        placeholder="Search title, authors, abstract, tags, notes  ( / )"
        aria-label="Search the library"
        value={shelf.query}
        onInput={(e) => shelf.typeQuery(e.currentTarget.value)}
      />
      {shelf.mode === 'popup' ? (
        <select aria-label="Show" class="view-select" value={shelf.view} onChange={(e) => shelf.setView(e.currentTarget.value as ViewKey)}>
          {VIEWS.map((v) => (
            <option key={v.key} value={v.key} data-testid={`view-${v.key}`}>
              {v.label}
              {counts
                ? ` (${counts.views[v.key as keyof typeof counts.views]}${v.key === 'followed' ? `, ${counts.followedUnread} unread` : ''})`
                : ''}
            </option>
          ))}
          {tags.length > 0 && (
            <optgroup label="Tags">
              {tags.map((t) => (
                <option key={t.key} value={`tag:${t.name}`}>
                  {t.name}
                  {counts ? ` (${counts.tags.get(t.name) ?? 0})` : ''}
                </option>
              ))}
            </optgroup>
          )}
        </select>
      ) : null}
    </div>
  );
}
