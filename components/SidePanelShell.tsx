import { usePageCards } from '../utils/ui/usePageCards';
import { useReadingList } from '../utils/ui/useReadingList';
import { Digest } from './Digest';
import { ListArea } from './ListArea';
import { PageCards } from './PageCards';
import { PaperEditor } from './PaperEditor';
import { SearchBar } from './SearchBar';
import { Toast } from './Toast';

/**
 * The side panel: the popup's views beside the page. It follows the window's papers tab, lists
 * that page's papers first (a title picked scrolls the page to its card), then the reading list.
 */
export function SidePanelShell() {
  const shelf = useReadingList('popup');
  const { actions, open } = shelf;
  const page = usePageCards({ follow: true });
  return (
    <div class="popup side-panel">
      <header class="app-head">
        <h1>Reading list</h1>
        <a class="link-button" href="/library.html" target="_blank" rel="noreferrer">
          Open library ↗
        </a>
      </header>
      <PageCards actions={actions} page={page} panel />
      {page.overPapers === false && !open && <Digest counts={shelf.list.counts} setView={shelf.setView} />}
      {open ? (
        <PaperEditor paper={open} tags={shelf.tags.list} actions={actions} onClose={() => shelf.setOpenId(null)} />
      ) : (
        <>
          <SearchBar shelf={shelf} />
          <ListArea shelf={shelf} />
        </>
      )}
      <Toast toast={shelf.toast} onClose={shelf.closeToast} />
    </div>
  );
}
