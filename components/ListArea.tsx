import { NO_FILTERS } from '../utils/catalog/view';
import type { ReadingList } from '../utils/ui/useReadingList';
import { PaperRow, ROW_HEIGHT } from './PaperRow';
import { VirtualList } from './VirtualList';

/** The rows of the view, or what to do when there are none. */
export function ListArea({ shelf }: { shelf: ReadingList }) {
  const { list, query, view, filters, selected, checked } = shelf;
  const q = query.trim();
  const indexing = list.state?.indexing ?? 0;
  return (
    <div class="list-area">
      {indexing > 0 && q && (
        <p class="muted indexing" role="status">
          Searching titles, authors, tags and notes; indexing {indexing} abstracts…
        </p>
      )}
      {q && list.outside > 0 && view !== 'everything' && (
        <p class="muted outside">
          {list.outside} more {list.outside === 1 ? 'paper matches' : 'papers match'} outside this view.{' '}
          <button type="button" class="link-button" data-testid="search-everywhere" onClick={() => shelf.setView('everything')}>
            Search everything
          </button>
        </p>
      )}
      {list.error && (
        <p class="muted" role="alert">
          The list could not be read: {list.error}
        </p>
      )}
      {shelf.emptyLibrary ? (
        <div class="empty">
          <p>Your reading list is empty.</p>
          <p>
            Open{' '}
            <a href="https://huggingface.co/papers" target="_blank" rel="noreferrer">
              Hugging Face Daily Papers
            </a>{' '}
            and press the bookmark button on a paper card.
          </p>
        </div>
      ) : list.answered && !list.total ? (
        <div class="empty">
          <p>{q ? `No paper matches “${q}”.` : view === 'seen' ? 'Nothing seen but not saved.' : 'Nothing here yet.'}</p>
          {(query || filters !== NO_FILTERS) && (
            <button type="button" class="link-button" onClick={shelf.clearSearch}>
              Clear the search and filters
            </button>
          )}
        </div>
      ) : (
        <VirtualList
          count={list.total}
          rowAt={list.rowAt}
          onRange={list.onRange}
          rowHeight={ROW_HEIGHT}
          selected={selected}
          label={shelf.viewLabel}
          render={(p, i) => (
            <PaperRow
              paper={p}
              index={i}
              total={list.total}
              selected={i === selected}
              tags={shelf.tags.byKey}
              checked={checked.has(p.id)}
              onCheck={shelf.mode === 'page' ? (on) => shelf.toggleCheck(p.id, on) : undefined}
              onSelect={() => shelf.setSelected(i)}
              onOpen={() => shelf.setOpenId(p.id)}
            />
          )}
        />
      )}
    </div>
  );
}
