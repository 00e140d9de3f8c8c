/**
 * The part of the content script that is not needed at page load (the card's menu, the reader of
 * cards without embedded data, scrolling to a card): papers-later.js, an ES module loaded on
 * first use from the extension's web-accessible resources. It runs in the content script's
 * world, with the extension's API, like papers.js.
 */
import { browser } from 'wxt/browser';

export type Later = typeof import('./later');

let loading: Promise<Later> | undefined;

export function later(): Promise<Later> {
  loading ??= (import(/* @vite-ignore */ browser.runtime.getURL('/papers-later.js')) as Promise<{ default: Promise<Later> }>).then((m) => m.default);
  return loading;
}
