import { render } from 'preact';
import { LibraryView } from '../../components/LibraryView';
import { db } from '../../utils/db/schema';
import '../../components/shelf.css';

// Opening IndexedDB takes a few milliseconds: start now, while the first render runs.
void db.open();
render(<LibraryView mode="popup" />, document.getElementById('app')!);
