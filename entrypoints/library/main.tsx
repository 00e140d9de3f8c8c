import { render } from 'preact';
import { LibraryView } from '../../components/LibraryView';
import '../../components/shelf.css';

render(<LibraryView mode="page" />, document.getElementById('app')!);
