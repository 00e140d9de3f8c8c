import { render } from 'preact';
import { PopupShell } from '../../components/PopupShell';
import { db } from '../../utils/db/schema';
import '../../components/shelf.css';

// Opening IndexedDB takes a few milliseconds: start now, while the first render runs.
void db.open();
render(<PopupShell />, document.getElementById('app')!);
