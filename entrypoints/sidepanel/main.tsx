import { render } from 'preact';
import { PopupShell } from '../../components/PopupShell';
import { db } from '../../utils/db/schema';
import '../../components/shelf.css';

void db.open();
render(<PopupShell panel />, document.getElementById('app')!);
