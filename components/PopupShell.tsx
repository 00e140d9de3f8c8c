import { usePageCards } from '../utils/ui/usePageCards';
import { useReadingList } from '../utils/ui/useReadingList';
import { Digest } from './Digest';
import { ExportPanel } from './ExportPanel';
import { ListArea } from './ListArea';
import { PageCards } from './PageCards';
import { PaperEditor } from './PaperEditor';
import { SearchBar } from './SearchBar';
import { Toast } from './Toast';

/** The popup: the papers of the tab it was opened over, then the reading list, or one paper's editor. */
export function PopupShell() {
  const shelf = useReadingList('popup');
  const { actions, open, list } = shelf;
  const page = usePageCards();
  return (
    <div class="popup">
      <header class="app-head">
        <h1>Reading list</h1>
        <a class="link-button" href="/library.html" target="_blank" rel="noreferrer">
          Open library ↗
        </a>
      </header>
      <PageCards actions={actions} page={page} />
      {page.overPapers === false && !open && <Digest counts={list.counts} setView={shelf.setView} />}
      {open ? (
        <PaperEditor paper={open} tags={shelf.tags.list} actions={actions} onClose={() => shelf.setOpenId(null)} />
      ) : (
        <>
          <SearchBar shelf={shelf} />
          <ListArea shelf={shelf} />
          <ExportPanel view={{ count: list.total, ids: list.ids }} notify={shelf.notify} compact />
        </>
      )}
      <Toast toast={shelf.toast} onClose={shelf.closeToast} />
    </div>
  );
}
