/**
 * A page's side of its catalogue worker: asks for lists and ids, hears answers and the
 * catalogue's state. An answer to a question asked over (a keystroke typed since) is dropped.
 */
import type { ListSpec } from './catalog';
import type { CatalogState, FromCatalog, Shown, ToCatalog } from './messages';
// Vite's `?worker` import, not `new Worker(new URL(…, import.meta.url))`: WXT redefines
// import.meta.url, which hides that pattern from Vite (wxt-dev/wxt#2032).
import CatalogWorker from './worker.ts?worker';

export class CatalogClient {
  private worker: Worker;
  private seq = 0;
  private shownSeq = 0;
  private waiting = new Map<number, (ids: string[]) => void>();
  onShown?: (s: Shown) => void;
  onState?: (s: CatalogState) => void;
  onError?: (message: string) => void;

  constructor() {
    this.worker = new CatalogWorker();
    this.worker.onmessage = (e: MessageEvent<FromCatalog>) => {
      const m = e.data;
      if (m.type === 'shown') {
        // The worker answers again on its own when the library changed: same seq, newer data.
        if (m.seq >= this.shownSeq) this.onShown?.(m);
        this.onState?.(m.state);
      } else if (m.type === 'state') this.onState?.(m.state);
      else if (m.type === 'ids') {
        this.waiting.get(m.seq)?.(m.ids);
        this.waiting.delete(m.seq);
      } else this.onError?.(m.message);
    };
  }

  /** Asks for a list's rows `from`–`to`; returns the question's number (answers carry it). */
  show(spec: ListSpec, query: string, from: number, to: number): number {
    const seq = ++this.seq;
    this.shownSeq = seq;
    this.post({ type: 'show', seq, spec, query, from, to });
    return seq;
  }

  ids(spec: ListSpec, query: string): Promise<string[]> {
    const seq = ++this.seq;
    return new Promise((resolve) => {
      this.waiting.set(seq, resolve);
      this.post({ type: 'ids', seq, spec, query });
    });
  }

  /** This page changed the library: the worker looks now. */
  look() {
    this.post({ type: 'look' });
  }

  close() {
    this.worker.terminate();
  }

  private post(m: ToCatalog) {
    this.worker.postMessage(m);
  }
}
