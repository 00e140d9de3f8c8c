import { usePageCards } from '../utils/ui/usePageCards';
import { useReadingList } from '../utils/ui/useReadingList';
import { useZotero, zoteroLink } from '../utils/ui/useZotero';
import { Digest } from './Digest';
import { ExportPanel } from './ExportPanel';
import { ListArea } from './ListArea';
import { PageCards } from './PageCards';
import { PaperEditor } from './PaperEditor';
import { SearchBar } from './SearchBar';
import { Toast } from './Toast';
import { ZoteroDialog } from './ZoteroDialog';
import { ZoteroButton, ZoteroSentLine } from './ZoteroSend';

/**
 * The popup: the papers of the tab it was opened over, then the reading list, or one paper's editor.
 * As the side panel (`panel`), the same beside the page: it follows the window's papers tab, and a
 * title picked among that page's papers scrolls the page to its card.
 */
export function PopupShell({ panel = false }: { panel?: boolean }) {
  const shelf = useReadingList('popup');
  const { actions, open, list } = shelf;
  const zotero = useZotero();
  const page = usePageCards(panel ? { follow: true } : undefined);
  return (
    <div class={panel ? 'popup side-panel' : 'popup'}>
      <header class="app-head">
        <h1>Reading list</h1>
        <a class="link-button" href="/library.html" target="_blank" rel="noreferrer">
          Open library ↗
        </a>
      </header>
      <PageCards actions={actions} page={page} panel={panel} />
      {page.overPapers === false && !open && <Digest counts={list.counts} setView={shelf.setView} />}
      {open ? (
        <PaperEditor paper={open} tags={shelf.tags.list} actions={actions} onClose={() => shelf.setOpenId(null)}>
          <div class="zotero-line">
            <ZoteroButton zotero={zotero} papers={[open.id]} count={1} link={zoteroLink(open.id)} />
            <ZoteroSentLine id={open.id} />
          </div>
        </PaperEditor>
      ) : (
        <>
          <SearchBar shelf={shelf} />
          <ListArea shelf={shelf} />
          <ExportPanel view={{ count: list.total, ids: list.ids }} notify={shelf.notify} compact />
          <div class="zotero-line">
            <ZoteroButton
              zotero={zotero}
              papers={list.ids}
              count={list.total}
              label={`Send this list to Zotero (${list.total})`}
              link="/library.html#zotero"
            />
          </div>
        </>
      )}
      <ZoteroDialog zotero={zotero} />
      <Toast toast={shelf.toast} onClose={shelf.closeToast} />
    </div>
  );
}
