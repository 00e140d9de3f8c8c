import { useFollows } from '../utils/ui/useFollows';
import { useReadingList } from '../utils/ui/useReadingList';
import { useZotero, useZoteroLink } from '../utils/ui/useZotero';
import { Digest } from './Digest';
import { FollowsManager } from './FollowsManager';
import { BulkBar } from './BulkBar';
import { ExportPanel } from './ExportPanel';
import { ImportPanel } from './ImportPanel';
import { ListArea } from './ListArea';
import { PaperEditor } from './PaperEditor';
import { SearchBar } from './SearchBar';
import { Sidebar } from './Sidebar';
import { Toast } from './Toast';
import { ZoteroDialog } from './ZoteroDialog';
import { ZoteroButton, ZoteroPanel, ZoteroSentLine } from './ZoteroSend';

/** The library page: views, filters and tags on the left, the list, and the editor of the open paper. */
export function LibraryShell() {
  const shelf = useReadingList('page');
  const { actions, list, checked, open, tags } = shelf;
  const selection = [...checked];
  const zotero = useZotero();
  useZoteroLink(shelf.setOpenId);
  const follows = useFollows();
  return (
    <div class="library">
      <Sidebar
        view={shelf.view}
        setView={shelf.setView}
        counts={list.counts}
        tags={tags.list}
        filters={shelf.filters}
        setFilters={shelf.setFilters}
        sort={shelf.sort}
        setSort={shelf.setSort}
        actions={actions}
      >
        <ExportPanel
          view={{ count: list.total, ids: list.ids }}
          selection={{ count: selection.length, ids: () => selection }}
          library={{ count: list.counts?.views.all ?? 0, ids: list.savedIds }}
          notify={shelf.notify}
        />
        <ZoteroPanel
          zotero={zotero}
          view={{ count: list.total, ids: list.ids }}
          selection={{ count: selection.length, ids: () => selection }}
          tags={tags.list}
          tagCount={(name) => list.counts?.tags.get(name) ?? 0}
        />
        <ImportPanel />
        <FollowsManager follows={follows} actions={actions} />
      </Sidebar>
      <main class="library-main">
        <header class="app-head">
          <h1>{shelf.viewLabel}</h1>
          <span class="muted">{list.answered ? `${list.total} paper${list.total === 1 ? '' : 's'}` : ''}</span>
        </header>
        <Digest counts={list.counts} setView={shelf.setView} />
        <SearchBar shelf={shelf} />
        {checked.size > 0 && (
          <BulkBar
            ids={selection}
            tags={tags.list}
            actions={actions}
            notify={shelf.notify}
            onSelectAll={() => void list.ids().then((ids) => shelf.setChecked(new Set(ids)))}
            onClear={() => shelf.setChecked(new Set())}
          >
            <ZoteroButton zotero={zotero} papers={selection} count={selection.length} />
          </BulkBar>
        )}
        <ListArea shelf={shelf} />
      </main>
      {open && (
        <aside class="library-editor">
          <PaperEditor paper={open} tags={tags.list} actions={actions} onClose={() => shelf.setOpenId(null)}>
            <div class="zotero-line">
              <ZoteroButton zotero={zotero} papers={[open.id]} count={1} />
              <ZoteroSentLine id={open.id} />
            </div>
          </PaperEditor>
        </aside>
      )}
      <ZoteroDialog zotero={zotero} />
      <Toast toast={shelf.toast} onClose={shelf.closeToast} />
    </div>
  );
}
