import { render } from 'preact';
import { SidePanelShell } from '../../components/SidePanelShell';
import { db } from '../../utils/db/schema';
import '../../components/shelf.css';

void db.open();
render(<SidePanelShell />, document.getElementById('app')!);
