/**
 * The page's side of the search worker: sends what changed in the library (never the whole
 * of it again), asks queries, drops answers to queries that were typed over.
 */
import { toDoc, type Searchable } from './doc';
import type { SearchDoc } from './index';
import type { FromWorker, ToWorker } from './worker';
// Vite's `?worker` import, not `new Worker(new URL(…, import.meta.url))`: WXT redefines
// import.meta.url, which hides that pattern from Vite (wxt-dev/wxt#2032).
import SearchWorker from './worker.ts?worker';

export { toDoc, type Searchable };

export interface SearchStatus {
  size: number;
  pending: number;
}

export class SearchClient {
  private worker: Worker;
  private sent = new Map<string, Searchable>();
  private seq = 0;
  private waiting = new Map<number, (ids: string[]) => void>();
  status: SearchStatus = { size: 0, pending: 0 };
  onStatus?: (s: SearchStatus) => void;

  constructor() {
    this.worker = new SearchWorker();
    this.worker.onmessage = (e: MessageEvent<FromWorker>) => {
      const m = e.data;
      if (m.type === 'status') {
        this.status = { size: m.size, pending: m.pending };
        this.onStatus?.(this.status);
      } else {
        this.waiting.get(m.seq)?.(m.ids);
        this.waiting.delete(m.seq);
      }
    };
  }

  /** The library as it is now; only papers whose object changed are sent (Dexie gives new objects on change). */
  sync(items: Searchable[]) {
    const next = new Map(items.map((p) => [p.id, p]));
    const docs: SearchDoc[] = [];
    for (const [id, p] of next) {
      const before = this.sent.get(id);
      if (
        before !== p &&
        (!before || before.entry !== p.entry || before.title !== p.title || before.abstract !== p.abstract || before.authors !== p.authors)
      )
        docs.push(toDoc(p));
    }
    const removed = [...this.sent.keys()].filter((id) => !next.has(id));
    this.sent = next;
    if (docs.length || removed.length) this.post({ type: 'update', docs, removed });
  }

  /** Matching ids, best first. A query typed over before it was answered resolves to null. */
  search(query: string, limit = 1000): Promise<string[] | null> {
    const seq = ++this.seq;
    for (const [s, resolve] of this.waiting) {
      if (s < seq) resolve(null as unknown as string[]);
    }
    this.waiting.clear();
    return new Promise((resolve) => {
      this.waiting.set(seq, resolve);
      this.post({ type: 'search', seq, query, limit });
    });
  }

  close() {
    this.worker.terminate();
  }

  private post(m: ToWorker) {
    this.worker.postMessage(m);
  }
}
