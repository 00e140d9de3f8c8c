/**
 * "Send to Zotero" for the popup and the library page: one flow per page (zoteroFlow.ts) wired to
 * the browser (the optional permission for Zotero's address, fetch) and the library; whether the
 * permission is granted, kept current; and each paper's record of earlier sends.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { db } from '../db/schema';
import { sentRecordsOf } from '../db/zotero';
import { PAPER_ID_RE } from '../ids';
import { ZOTERO_PERMISSION } from '../zotero/connector';
import { type FlowEnv, type FlowState, type Papers, summaryOf, ZoteroFlow } from './zoteroFlow';
import { useLiveQuery } from './useLiveQuery';

const ORIGINS = { origins: [ZOTERO_PERMISSION] };

export function browserEnv(): FlowEnv {
  return {
    db,
    // fetch called bare: a page's fetch refuses to run with another `this`.
    fetch: (url, init) => fetch(url, init),
    hasPermission: () => browser.permissions.contains(ORIGINS),
    requestPermission: () => browser.permissions.request(ORIGINS),
  };
}

export function useZotero(env?: FlowEnv) {
  const [state, setState] = useState<FlowState>({ step: 'idle' });
  const [granted, setGranted] = useState<boolean>();
  const flow = useMemo(() => new ZoteroFlow(env ?? browserEnv(), setState), []);

  // Granted or taken back here, in another page, or in the browser's extension settings.
  useEffect(() => {
    const check = () =>
      void Promise.resolve(flow.env.hasPermission()).then(
        (g) => {
          flow.granted = g;
          setGranted(g);
        },
        () => setGranted(false),
      );
    check();
    browser.permissions.onAdded.addListener(check);
    browser.permissions.onRemoved.addListener(check);
    return () => {
      browser.permissions.onAdded.removeListener(check);
      browser.permissions.onRemoved.removeListener(check);
    };
  }, [flow]);

  return {
    state,
    /** Whether Zotero's address may be reached (undefined until known). */
    granted,
    /** Call it from the click itself: the browser asks for the permission only there. */
    start: (papers: Papers) => void flow.start(papers),
    send: () => void flow.send(),
    sendAgain: () => void flow.sendAgain(),
    cancel: () => flow.cancel(),
    close: () => flow.close(),
    summary: state.step === 'done' && state.report ? summaryOf(state.report) : undefined,
  };
}

export type Zotero = ReturnType<typeof useZotero>;

/** Where and when a paper was sent to Zotero before, live (one record per Zotero library). */
export function useZoteroSent(id: string) {
  return useLiveQuery(() => sentRecordsOf(db, id), [id]);
}

/** The saved papers carrying a tag (any case), newest saved first: "send a tag" from the library page. */
export async function idsWithTag(name: string): Promise<string[]> {
  const entries = await db.entries.where('tags').equalsIgnoreCase(name).toArray();
  const saved = entries.filter((e) => e.bookmarkedAt !== undefined).sort((a, b) => b.bookmarkedAt! - a.bookmarkedAt!);
  // An entry tagged both "RL" and "rl" is found twice.
  return [...new Set(saved.map((e) => e.id))];
}

/** The library page, opened on a paper to send it from there (the popup cannot hold the browser's permission prompt). */
export const zoteroLink = (id: string) => `/library.html#zotero=${id}`;

/** The paper of a `#zotero=<id>` address, opened once when the page loads. */
export function useZoteroLink(open: (id: string) => void) {
  useEffect(() => {
    const id = /^#zotero=(.+)$/.exec(location.hash)?.[1];
    if (id && PAPER_ID_RE.test(decodeURIComponent(id))) open(decodeURIComponent(id));
  }, []);
}
