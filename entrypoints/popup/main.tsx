import { render } from 'preact';
import { db } from '../../utils/db/schema';
import { listBookmarks } from '../../utils/db/queries';
import { useLiveQuery } from '../../utils/ui/useLiveQuery';
import { PaperRow } from '../../components/PaperRow';
import './style.css';

function Popup() {
  const papers = useLiveQuery(() => listBookmarks(db), []);
  return (
    <main>
      <h1>Reading list</h1>
      {papers && !papers.length && (
        <p class="empty">
          Nothing saved yet. Open <a href="https://huggingface.co/papers" target="_blank" rel="noreferrer">Daily Papers</a>{' '}
          and press a card's bookmark button.
        </p>
      )}
      <ul class="rows">{papers?.map((p) => <PaperRow key={p.id} paper={p} />)}</ul>
    </main>
  );
}

render(<Popup />, document.getElementById('app')!);
