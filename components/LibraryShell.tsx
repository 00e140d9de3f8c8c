import { useReadingList } from '../utils/ui/useReadingList';
import { BulkBar } from './BulkBar';
import { ExportPanel } from './ExportPanel';
import { ImportPanel } from './ImportPanel';
import { ListArea } from './ListArea';
import { PaperEditor } from './PaperEditor';
import { SearchBar } from './SearchBar';
import { Sidebar } from './Sidebar';
import { Toast } from './Toast';

/** The library page: views, filters and tags on the left, the list, and the editor of the open paper. */
export function LibraryShell() {
  const shelf = useReadingList('page');
  const { actions, list, checked, open, library } = shelf;
  return (
    <div class="library">
      <Sidebar
        view={shelf.view}
        setView={shelf.setView}
        counts={library.counts}
        tags={library.tags}
        filters={shelf.filters}
        setFilters={shelf.setFilters}
        sort={shelf.sort}
        setSort={shelf.setSort}
        actions={actions}
      >
        <ExportPanel view={list} selection={shelf.selectedItems} library={library.all} notify={shelf.notify} />
        <ImportPanel />
      </Sidebar>
      <main class="library-main">
        <header class="app-head">
          <h1>{shelf.viewLabel}</h1>
          <span class="muted">{list ? `${list.length} paper${list.length === 1 ? '' : 's'}` : ''}</span>
        </header>
        <SearchBar shelf={shelf} />
        {checked.size > 0 && (
          <BulkBar
            ids={[...checked]}
            tags={library.tags}
            actions={actions}
            papers={shelf.selectedItems}
            notify={shelf.notify}
            onSelectAll={() => shelf.setChecked(new Set(list?.map((p) => p.id)))}
            onClear={() => shelf.setChecked(new Set())}
          />
        )}
        <ListArea shelf={shelf} />
      </main>
      {open && (
        <aside class="library-editor">
          <PaperEditor paper={open} tags={library.tags} actions={actions} onClose={() => shelf.setOpenId(null)} />
        </aside>
      )}
      <Toast toast={shelf.toast} onClose={shelf.closeToast} />
    </div>
  );
}
