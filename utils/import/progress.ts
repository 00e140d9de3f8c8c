/** Reading progress for files that take more than a moment: reported in chunks, with a pause so the page can paint. */
import type { ReadOptions } from './types';

const macrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * `tick(done)` after each record: every `every` records (and at the end) it tells the listener
 * and pauses. Without a listener it does nothing, so tests and small files pay nothing.
 */
export function progressTicker(total: number, opts: ReadOptions = {}, every = 250) {
  const { onProgress, pause = macrotask } = opts;
  return (done: number): Promise<void> | undefined => {
    if (!onProgress || (done % every !== 0 && done !== total)) return undefined;
    onProgress({ phase: 'reading', done, total });
    return pause();
  };
}
