/**
 * Mutated real pages for the fuzz tests (fast-check): elements removed, moved and duplicated,
 * attributes dropped or rewritten, text replaced with hostile strings, the embedded JSON
 * truncated or reshaped; and the fixed-seed settings CI runs them with.
 */
import * as fc from 'fast-check';
import { Window } from 'happy-dom';
import { DAILY, fixture } from '../unit/helpers';

export const FULL = Number(process.env.FUZZ_RUNS) || 0;
export const PARSER_RUNS = FULL || 750;
export const SCANNER_RUNS = FULL || 150;
/**
 * CI runs one fixed set of cases (a failure there is a regression, never luck); `npm run fuzz`
 * draws new ones each time. FUZZ_SEED=… FUZZ_PATH=… replays a failure fast-check reported.
 */
export const REPLAY = process.env.FUZZ_SEED ? { seed: Number(process.env.FUZZ_SEED), path: process.env.FUZZ_PATH } : FULL ? {} : { seed: 20261125 };

export const BASES = [
  { name: 'daily', html: fixture(DAILY), url: 'https://huggingface.co/papers' },
  { name: 'daily without JSON', html: fixture('hf/hf-daily-no-props.html'), url: 'https://huggingface.co/papers/date/2026-09-28' },
  { name: 'dark, logged in', html: fixture('hf/hf-daily-logged-in-dark.html'), url: 'https://huggingface.co/papers/date/2026-09-28' },
  { name: 'paper page', html: fixture('hf/hf-paper-2508.02739.html'), url: 'https://huggingface.co/papers/2508.02739' },
];

export const HOSTILE = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=1">',
  'javascript:alert(1)',
  '/papers/2609.31620',
  '/papers/not-an-id',
  '/papers/9999.99999',
  '{"dailyPapers":[{"paper":{"id":"2609.00001"}}]}',
  '{"dailyPapers":',
  '[]',
  'null',
  '',
  '   ',
  '1,234',
  'x'.repeat(5000),
  '🦄 ünïcödé 中文',
];

type Mutation = { kind: number; a: number; b: number; text: string };
export const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.nat({ max: 8 }),
  a: fc.nat(),
  b: fc.nat(),
  text: fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 40 })),
});
export const ATTRS = ['href', 'class', 'title', 'data-props', 'data-target', 'src', 'role', 'id'];

/** Applies one mutation to the page's body; never throws (a mutation that cannot apply is skipped). */
export function mutate(doc: Document, m: Mutation) {
  const all = [...doc.body.querySelectorAll('*')].filter((el) => !el.closest('[data-hfp-action]'));
  if (!all.length) return;
  const el = all[m.a % all.length]!;
  const other = all[m.b % all.length]!;
  if (process.env.FUZZ_DEBUG)
    console.log(
      'mutate',
      m.kind,
      el.tagName,
      el.className?.slice?.(0, 30),
      el.getAttribute('data-hfp-paper'),
      '→',
      other.tagName,
      other.className?.slice?.(0, 30),
    );
  try {
    switch (m.kind) {
      case 0:
        el.remove();
        break;
      case 1:
        el.removeAttribute(ATTRS[m.b % ATTRS.length]!);
        break;
      case 2:
        el.setAttribute(ATTRS[m.b % ATTRS.length]!, m.text);
        break;
      case 3:
        el.textContent = m.text;
        break;
      case 4: {
        // A copy of the site's markup, as a framework renders one from its templates: it never
        // carries this script's marks (a page copying the extension's own elements is not a page).
        const copy = el.cloneNode(true) as Element;
        for (const b of copy.querySelectorAll('[data-hfp-action]')) b.remove();
        for (const m of [copy, ...copy.querySelectorAll('[data-hfp-paper]')]) m.removeAttribute('data-hfp-paper');
        el.after(copy);
        break;
      }
      case 5:
        if (!other.contains(el) && !el.contains(other) && !nestsLink(other, el)) other.append(el);
        break;
      case 6: {
        // The embedded JSON: cut short, or given another shape.
        const island = doc.querySelector('[data-props]');
        const raw = island?.getAttribute('data-props') ?? '';
        island?.setAttribute('data-props', m.b % 2 ? raw.slice(0, m.a % (raw.length + 1)) : m.text);
        break;
      }
      case 7:
        // A stray link to a paper somewhere (a card-looking heading, or not).
        if (el.closest('a')) break;
        el.insertAdjacentHTML(
          'beforeend',
          m.b % 2
            ? `<h3><a href="/papers/2609.${String(10000 + (m.a % 90000))}">${escapeHtml(m.text)}</a></h3>`
            : `<a href="${escapeHtml(m.text)}">x</a>`,
        );
        break;
      case 8:
        if (el.parentElement?.closest('a')) break;
        el.insertAdjacentHTML('afterend', `<article><h3><a href="/papers/2609.31620">dup</a></h3></article>`);
        break;
    }
  } catch {
    // e.g. moving an element into itself: the page simply did not change.
  }
}
/**
 * A link inside a link: no HTML parser makes one, nor does the site's framework (it builds its
 * DOM from valid templates). The fuzz keeps to trees a page can have.
 */
export const nestsLink = (target: Element, moved: Element) => !!target.closest('a') && (moved.matches('a') || !!moved.querySelector('a'));
export const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** Ids the page itself links to as papers (or names in its URL): every card must be one of them. */
export function linkedIds(doc: Document, url: string): Set<string> {
  const ids = new Set<string>();
  for (const a of doc.querySelectorAll('a[href]')) {
    const m = /\/papers\/([^/?#]+)/.exec(a.getAttribute('href') ?? '');
    if (m) ids.add(m[1]!);
  }
  const own = /\/papers\/(\d{4}\.\d{4,5})/.exec(url)?.[1];
  if (own) ids.add(own);
  return ids;
}

/**
 * happy-dom keeps every node a window ever made until the window closes: the cases run in a
 * window of their own, replaced every 25 cases, or 10,000 of them would exhaust the heap.
 */
export function recycledDocuments(html: string, url: string) {
  let win: Window | undefined;
  let template: Document | undefined;
  let used = 0;
  return {
    async next(): Promise<Document> {
      if (!win || used++ >= 25) {
        await win?.happyDOM.close();
        win = new Window({ url });
        template = new win.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
        used = 1;
      }
      const doc = new win.DOMParser().parseFromString('<!doctype html><html></html>', 'text/html') as unknown as Document;
      doc.removeChild(doc.documentElement);
      doc.appendChild(doc.importNode(template!.documentElement, true));
      return doc;
    },
    close: () => win?.happyDOM.close(),
  };
}
