import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { PaperFields } from '../utils/model';
import type { TabMessage } from '../utils/protocol';
import { isPapersPage, PAPERS_PAGES } from '../utils/pages';
import type { Actions } from '../utils/ui/actions';

type PageCard = PaperFields & { bookmarked: boolean };

/**
 * The papers of the huggingface.co tab the popup was opened over (its paper, or its listing's
 * cards, not yet saved first), asked of that tab's content script: no permission needed.
 */
export function PageCards({ actions, saved }: { actions: Actions; saved: (id: string) => boolean | undefined }) {
  const [cards, setCards] = useState<PageCard[] | null>(null);
  const [all, setAll] = useState(false);

  useEffect(() => {
    void (async () => {
      const tab = await papersTab();
      if (tab?.id === undefined) return;
      const ask: TabMessage = { hfp: 1, type: 'pageCards' };
      const answer = (await browser.tabs.sendMessage(tab.id, ask).catch(() => null)) as PageCard[] | null;
      if (Array.isArray(answer)) setCards(answer);
    })();
  }, []);

  if (!cards?.length) return null;
  // The library's answer is the live one; the page's, from when the popup opened, fills in.
  const isSaved = (c: PageCard) => saved(c.id) ?? c.bookmarked;
  const ordered = [...cards].sort((a, b) => Number(isSaved(a)) - Number(isSaved(b)));
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
              <span class="page-card-title">{c.title ?? c.id}</span>
            </li>
          );
        })}
      </ul>
      {cards.length > 3 && (
        <button type="button" class="link-button" onClick={() => setAll(!all)}>
          {all ? 'Show fewer' : `Show all ${cards.length}`}
        </button>
      )}
    </section>
  );
}

/**
 * The papers tab the popup was opened over. When the popup itself sits in a tab (opened as a
 * page, say pinned), that is the window's papers tab used last. Tab URLs are visible for
 * huggingface.co only, through the host permission.
 */
async function papersTab() {
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  if (active && isPapersPage(active.url)) return active;
  // `getCurrent` answers only for a page in a tab: a real popup is over the active tab, or nothing.
  if (!(await browser.tabs.getCurrent().catch(() => undefined))) return undefined;
  const tabs = await browser.tabs.query({ currentWindow: true, url: PAPERS_PAGES });
  return tabs.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0];
}
