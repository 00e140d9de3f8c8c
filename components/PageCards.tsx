import { useState } from 'preact/hooks';
import type { Actions } from '../utils/ui/actions';
import type { PageCard, PageCards as Cards } from '../utils/ui/usePageCards';

/**
 * The papers of the tab the popup was opened over, not yet saved first, with "Save all". In the
 * side panel (`panel`), every card in the page's order, each title scrolling the page to its card.
 */
export function PageCards({ actions, page, panel = false }: { actions: Actions; page: Cards; panel?: boolean }) {
  const { cards } = page;
  const [all, setAll] = useState(panel);

  if (!cards?.length) return null;
  const isSaved = (c: PageCard) => c.bookmarked;
  const ordered = panel ? cards : [...cards].sort((a, b) => Number(isSaved(a)) - Number(isSaved(b)));
  const unsaved = ordered.filter((c) => !isSaved(c));
  const shown = all ? ordered : ordered.slice(0, 3);
  return (
    <section class="page-cards" aria-label="Papers on this page">
      <div class="section-head">
        <h2>On this page</h2>
        <span class="muted">
          {unsaved.length} of {cards.length} not saved
        </span>
        {unsaved.length > 1 && (
          <button
            type="button"
            class="link-button"
            onClick={() =>
              void actions.bookmark(
                unsaved.map((c) => c.id),
                unsaved,
              )
            }
          >
            Save all {unsaved.length}
          </button>
        )}
      </div>
      <ul>
        {shown.map((c) => {
          const on = isSaved(c);
          return (
            <li key={c.id} class="page-card" data-page-paper={c.id}>
              <button
                type="button"
                class="toggle"
                aria-pressed={on}
                aria-label={`${on ? 'Remove' : 'Save'} ${c.title ?? c.id}`}
                onClick={() => void (on ? actions.remove([c.id]) : actions.bookmark([c.id], [c]))}
              >
                {on ? '★' : '☆'}
              </button>
              {panel ? (
                <button type="button" class="page-card-title link-button" data-testid="page-card" onClick={() => void page.scrollTo(c.id)}>
                  {c.title ?? c.id}
                </button>
              ) : (
                <span class="page-card-title">{c.title ?? c.id}</span>
              )}
            </li>
          );
        })}
      </ul>
      {cards.length > 3 && !panel && (
        <button type="button" class="link-button" onClick={() => setAll(!all)}>
          {all ? 'Show fewer' : `Show all ${cards.length}`}
        </button>
      )}
    </section>
  );
}
