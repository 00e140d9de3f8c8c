import { launchShelf } from '../harness/browser';
import { listingPage } from '../harness/pages';
const shelf = await launchShelf({ images: false });
shelf.site.set('/papers', listingPage({ cards: 100, periodType: 'week' }).html);
const page = await shelf.context.newPage();
await page.goto('https://huggingface.co/papers');
await page.waitForSelector('button[data-hfp-action]');
await page.waitForTimeout(500);
const cdp = await shelf.context.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
await cdp.send('Profiler.start');
for (let i = 0; i < 60; i++) {
  await page.evaluate(`(() => {
    const root = document.querySelector('[data-target="DailyPapers"]');
    if (!window.__f) { window.__f = root.cloneNode(true); for (const el of window.__f.querySelectorAll('button[data-hfp-action]')) el.remove(); for (const el of window.__f.querySelectorAll('[data-hfp-paper]')) el.removeAttribute('data-hfp-paper'); }
    history.pushState({}, '', '/papers/date/2026-09-' + String(1 + (${i} % 28)).padStart(2, '0'));
    root.replaceWith(window.__f.cloneNode(true));
  })()`);
  await page.waitForTimeout(120);
}
const { profile } = await cdp.send('Profiler.stop');
const self = new Map<string, number>();
const byId = new Map(profile.nodes.map((n: any) => [n.id, n]));
profile.samples!.forEach((s: number, i: number) => { const n: any = byId.get(s); const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`; self.set(k, (self.get(k) ?? 0) + (profile.timeDeltas![i] ?? 0)); });
const total = [...self.values()].reduce((a, b) => a + b, 0);
console.log('total ms', (total / 1000).toFixed(0));
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log((v / 1000 / 60).toFixed(3), 'ms/render', k);
console.log(await page.evaluate(`performance.getEntriesByName('hfp:scan').slice(1).map(e=>e.duration).sort((a,b)=>a-b)[30]`));
await shelf.close();
