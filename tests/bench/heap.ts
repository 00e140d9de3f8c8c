/**
 * JS heap of a page and of its dedicated workers, through the DevTools protocol (a worker has no
 * `performance.memory`): the page's session auto-attaches to its workers and asks each.
 */
import type { Page } from 'playwright-core';

export async function heapOf(page: Page): Promise<number> {
  const session = await page.context().newCDPSession(page);
  const workers: string[] = [];
  const replies = new Map<number, { usedSize: number }>();
  session.on('Target.attachedToTarget', (e) => {
    if (e.targetInfo.type === 'worker') workers.push(e.sessionId);
  });
  session.on('Target.receivedMessageFromTarget', (e) => {
    const m = JSON.parse(e.message) as { id: number; result?: { usedSize?: number } };
    // (collectGarbage answers too, with an empty result.)
    if (typeof m.result?.usedSize === 'number') replies.set(m.id, { usedSize: m.result.usedSize });
  });
  await session.send('HeapProfiler.collectGarbage');
  await session.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  await page.waitForTimeout(300);
  let id = 100;
  for (const sessionId of workers) {
    await session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: ++id, method: 'HeapProfiler.collectGarbage' }) });
    await session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: ++id, method: 'Runtime.getHeapUsage' }) });
  }
  await page.waitForTimeout(500);
  const { usedSize } = await session.send('Runtime.getHeapUsage');
  const inWorkers = [...replies.values()].reduce((sum, r) => sum + r.usedSize, 0);
  await session.detach();
  return usedSize + inWorkers;
}
