/**
 * Finding, after an import, the papers a file named only by title (a NeurIPS entry, an OpenReview
 * paper) on huggingface.co, through its public search (`/api/papers/search?q=`, as
 * huggingface_hub's list_papers() calls it). One request at a time, about one a second, told to
 * a progress callback, stoppable at any moment; what is found goes through the import like any
 * other file. Pure: the fetch, the clock and the waiting are given.
 */
import * as z from 'zod/mini';
import { PAPER_ID_RE } from '../ids';
import { oneLine } from '../text';
import type { Incoming } from './read';
import { matchTitle, type SearchHit } from './title-match';
import type { ListedPaper, Skip, TitleCandidate } from './types';

export const SEARCH_URL = 'https://huggingface.co/api/papers/search';
/** A little over a second between requests: a polite rate for a site's public API. */
export const LOOKUP_INTERVAL_MS = 1100;
const MAX_TRIES = 3;

export interface LookupAnswer {
  ok: boolean;
  status: number;
  headers: { get(name: string): string | null };
  json(): Promise<unknown>;
}

export interface LookupDeps {
  fetch: (url: string, init?: { signal?: AbortSignal }) => Promise<LookupAnswer>;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
  signal?: AbortSignal;
  onProgress?: (p: { done: number; total: number; found: number }) => void;
  interval?: number;
}

export interface LookupResult {
  found: Array<{ candidate: TitleCandidate; item: ListedPaper }>;
  notFound: Array<{ candidate: TitleCandidate; why: string }>;
  /** Titles never asked for: the look-up was stopped, or the site could not be reached. */
  notAsked: TitleCandidate[];
  /** Why the look-up ended early, if it did. */
  stopped?: string;
}

const Name = z.object({ name: z.catch(z.optional(z.string()), undefined), hidden: z.catch(z.optional(z.boolean()), undefined) });
const Hit = z.object({
  id: z.optional(z.string()),
  title: z.catch(z.optional(z.string()), undefined),
  summary: z.catch(z.optional(z.string()), undefined),
  publishedAt: z.catch(z.optional(z.string()), undefined),
  authors: z.catch(z.optional(z.array(Name)), undefined),
});
/** One result: a listing item (`{paper: {…}, title, …}`) or, as huggingface_hub also accepts, a flat paper. */
const Item = z.extend(Hit, { paper: z.catch(z.optional(Hit), undefined) });

/** The hits an answer holds; malformed items are passed over, never the whole answer. */
export function readSearchAnswer(json: unknown): SearchHit[] | undefined {
  if (!Array.isArray(json)) return undefined;
  const hits: SearchHit[] = [];
  for (const raw of json) {
    const item = Item.safeParse(raw);
    if (!item.success) continue;
    const p = item.data.paper ?? item.data;
    const id = p.id ?? item.data.id;
    const title = item.data.title ?? p.title;
    if (!id || !PAPER_ID_RE.test(id) || !title) continue;
    const authors = (p.authors ?? []).filter((a) => a.name?.trim() && !a.hidden).map((a) => oneLine(a.name!));
    const day = /^\d{4}-\d{2}-\d{2}/.exec(p.publishedAt ?? item.data.publishedAt ?? '')?.[0];
    const summary = (p.summary ?? item.data.summary)?.trim();
    hits.push({ id, title: oneLine(title), authors, ...(summary ? { abstract: summary } : {}), ...(day ? { publishedAt: day } : {}) });
  }
  return hits;
}

export const searchUrl = (title: string) => `${SEARCH_URL}?q=${encodeURIComponent(oneLine(title).slice(0, 200))}&limit=10`;

export async function lookUpTitles(candidates: TitleCandidate[], deps: LookupDeps): Promise<LookupResult> {
  const { onProgress } = deps;
  const result: LookupResult = { found: [], notFound: [], notAsked: [] };
  const ask = asker(deps);
  for (const [i, candidate] of candidates.entries()) {
    const answer = await ask(candidate.title);
    if (typeof answer === 'string') {
      result.stopped = answer;
      result.notAsked.push(...candidates.slice(i));
      break;
    }
    const hits = answer.ok ? readSearchAnswer(await answer.json().catch(() => undefined)) : undefined;
    if (hits) {
      const match = matchTitle(candidate, hits);
      if (match.found) result.found.push({ candidate, item: listed(candidate, match.found) });
      else result.notFound.push({ candidate, why: WHY[match.why](match.ids) });
    } else {
      const why = answer.ok
        ? 'huggingface.co gave an answer this cannot read'
        : answer.status === 429
          ? 'huggingface.co asked to slow down'
          : `huggingface.co did not answer (HTTP ${answer.status})`;
      result.notFound.push({ candidate, why });
    }
    onProgress?.({ done: i + 1, total: candidates.length, found: result.found.length });
  }
  return result;
}

/**
 * One search, at the polite rate: a busy answer (429, 5xx) is asked again after a longer wait
 * (429's Retry-After, up to a minute), up to three times. A string says why the look-up stops.
 */
function asker({ fetch, sleep, now, signal, interval = LOOKUP_INTERVAL_MS }: LookupDeps) {
  let last = Number.NEGATIVE_INFINITY;
  const wait = async (ms: number) => {
    if (ms > 0) await sleep(ms);
  };
  return async (title: string): Promise<LookupAnswer | string> => {
    for (let tries = 0; ; tries++) {
      await wait(last + interval * 2 ** tries - now());
      if (signal?.aborted) return 'cancelled';
      last = now();
      let answer: LookupAnswer;
      try {
        answer = await fetch(searchUrl(title), { signal });
      } catch {
        return signal?.aborted ? 'cancelled' : 'huggingface.co could not be reached';
      }
      const busy = answer.status === 429 || answer.status >= 500;
      if (!busy || tries + 1 >= MAX_TRIES) return answer;
      if (answer.status === 429) await wait(Math.min(60, Number(answer.headers.get('retry-after')) || 0) * 1000);
    }
  };
}

const WHY = {
  'no-title': () => 'no paper of this title on Hugging Face',
  'authors-differ': (ids?: string[]) => `a paper of this title (${ids?.join(', ')}) has other authors`,
  ambiguous: (ids?: string[]) => `several papers have this title (${ids?.join(', ')})`,
};

function listed(c: TitleCandidate, hit: SearchHit): ListedPaper {
  const { id, title, authors, abstract, publishedAt } = hit;
  const paper = { id, title, ...(authors.length ? { authors } : {}), ...(abstract ? { abstract } : {}), ...(publishedAt ? { publishedAt } : {}) };
  return {
    paper,
    tags: c.tags,
    ...(c.note ? { note: c.note } : {}),
    ...(c.addedAt !== undefined ? { addedAt: c.addedAt } : {}),
    ...(c.priority ? { priority: c.priority } : {}),
  };
}

/** What was found, ready for importIncoming(); what was not, as its skipped entries. */
export function lookupIncoming(r: LookupResult): Incoming {
  const skipped: Skip[] = [
    ...r.notFound.map(({ candidate, why }) => ({ where: candidate.where, why, reason: 'no-arxiv' as const })),
    ...r.notAsked.map((c) => ({ where: c.where, why: `not looked up (${r.stopped ?? 'stopped'})`, reason: 'no-arxiv' as const })),
  ];
  const items: ListedPaper[] = [];
  const seen = new Set<string>();
  for (const { candidate, item } of r.found) {
    if (seen.has(item.paper.id))
      skipped.push({ where: candidate.where, why: `arXiv ${item.paper.id} was found for an earlier title too`, reason: 'duplicate' });
    else items.push(item);
    seen.add(item.paper.id);
  }
  return { kind: 'lookup', items, skipped };
}
