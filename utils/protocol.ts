/**
 * Every message between the extension's contexts, declared once. Requests go to the background
 * (`runtime.sendMessage`) and are validated there against these schemas; pushes go from the
 * background to the huggingface.co tabs (`tabs.sendMessage`).
 */
import * as z from 'zod/mini';
import { PaperFieldsSchema, PaperId } from './model';

const Ids = z.array(PaperId).check(z.minLength(1), z.maxLength(20_000));

export const PageRef = z.object({
  url: z.string().check(z.maxLength(4096)),
  kind: z.enum(['daily', 'weekly', 'monthly', 'trending', 'search', 'paper', 'other']),
  listingDate: z.optional(z.string()),
});

/** Request name → schema of its payload. Replies are typed by the handlers (utils/background/handlers.ts). */
export const REQUESTS = {
  /** Cards a content script read. `props` is the raw embedded JSON, sent only when it changed. */
  ingest: z.object({
    page: PageRef,
    cards: z.array(PaperFieldsSchema).check(z.maxLength(5000)),
    props: z.optional(
      z.object({
        key: z.string(),
        target: z.enum(['DailyPapers', 'PaperContent']),
        raw: z.optional(z.string()),
      }),
    ),
  }),
  /** Idempotent: says the state wanted, never "toggle". */
  setBookmark: z.object({ id: PaperId, on: z.boolean(), paper: z.optional(PaperFieldsSchema) }),
  getStates: z.object({ ids: Ids }),
} as const;

export type RequestName = keyof typeof REQUESTS;
export type RequestInput<K extends RequestName> = z.input<(typeof REQUESTS)[K]>;
export type RequestPayload<K extends RequestName> = z.output<(typeof REQUESTS)[K]>;

export interface Envelope<K extends RequestName = RequestName> {
  hfp: 1;
  type: K;
  payload: RequestInput<K>;
}

export type ErrorCode = 'invalid' | 'quota' | 'storage' | 'unknown-type' | 'internal';
export type Reply<T> = { ok: true; value: T } | { ok: false; code: ErrorCode; message: string };

/** What a card's button shows. */
export interface PaperState {
  bookmarked: boolean;
  seenBefore: boolean;
}

/** Background → content script pushes, and the popup's question to a tab. */
export type TabMessage =
  | { hfp: 1; type: 'states'; states: Record<string, Partial<PaperState>> }
  | { hfp: 1; type: 'pageCards' };
