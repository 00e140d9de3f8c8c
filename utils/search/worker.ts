/**
 * The search index, off the page's main thread: builds and answers while the popup or the
 * library page stays responsive. Abstracts are indexed in chunks between queries.
 */
import { LibraryIndex, type SearchDoc } from './index';

export type ToWorker = { type: 'update'; docs: SearchDoc[]; removed: string[] } | { type: 'search'; seq: number; query: string; limit: number };
export type FromWorker =
  | { type: 'result'; seq: number; ids: string[]; total: number; complete: boolean; pending: number }
  | { type: 'status'; size: number; pending: number };

const index = new LibraryIndex();
let timer: ReturnType<typeof setTimeout> | undefined;
const post = (m: FromWorker) => (self as unknown as Worker).postMessage(m);

function step() {
  timer = undefined;
  if (index.indexText(200)) timer = setTimeout(step, 0);
  post({ type: 'status', size: index.size, pending: index.pending });
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const m = event.data;
  if (m.type === 'update') {
    index.update(m.docs, m.removed);
    post({ type: 'status', size: index.size, pending: index.pending });
    if (timer === undefined) timer = setTimeout(step, 0);
  } else if (m.type === 'search') {
    post({ type: 'result', seq: m.seq, ...index.search(m.query, { limit: m.limit }), pending: index.pending });
  }
};
