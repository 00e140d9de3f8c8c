import { render } from 'preact';
import { LibraryShell } from '../../components/LibraryShell';
import { db } from '../../utils/db/schema';
import '../../components/shelf.css';

// Opening IndexedDB takes a few milliseconds: start now, while the first render runs.
void db.open();
render(<LibraryShell />, document.getElementById('app')!);
