/**
 * Every message between the extension's contexts, declared once. Requests go to the background
 * (`runtime.sendMessage`) and are validated there against these schemas; pushes go from the
 * background to the huggingface.co tabs (`tabs.sendMessage`).
 */
import * as z from 'zod/mini';
import { PaperFieldsSchema, PaperId, Priority, Status, Timestamp } from './model';

const Ids = z.array(PaperId).check(z.minLength(1), z.maxLength(20_000));
const TagName = z.string().check(z.minLength(1), z.maxLength(200));
const Color = z.string().check(z.regex(/^#[0-9a-f]{6}$/i, 'expected a colour such as #2563eb'));

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
  /** Idempotent, like every change: says the state wanted, never "toggle". `at` restores a date (undo). */
  setBookmark: z.object({
    ids: Ids,
    on: z.boolean(),
    at: z.optional(Timestamp),
    papers: z.optional(z.array(PaperFieldsSchema).check(z.maxLength(20_000))),
  }),
  setStatus: z.object({ ids: Ids, status: Status }),
  setPriority: z.object({ ids: Ids, priority: Priority }),
  setNote: z.object({ id: PaperId, note: z.string().check(z.maxLength(100_000)) }),
  addTags: z.object({ ids: Ids, tags: z.array(TagName).check(z.minLength(1), z.maxLength(100)) }),
  removeTags: z.object({ ids: Ids, tags: z.array(TagName).check(z.minLength(1), z.maxLength(100)) }),
  renameTag: z.object({ from: TagName, to: TagName }),
  deleteTag: z.object({ name: TagName }),
  setTagColor: z.object({ name: TagName, color: Color }),
  setSettings: z.object({ badge: z.optional(z.boolean()), sync: z.optional(z.boolean()) }),
  getStates: z.object({ ids: Ids }),
  /** A page wrote to the library itself (an import): tell the tabs, recount the badge, fill gaps. */
  libraryChanged: z.object({ ids: Ids }),
} as const;

export type RequestName = keyof typeof REQUESTS;

type BookmarkStates = Record<string, Pick<PaperState, 'bookmarked' | 'at'>>;

/** What each request answers (the background's handlers are checked against this). */
export interface Replies {
  ingest: {
    states: Record<string, PaperState>;
    /** The page's JSON is needed and this worker has not got it (first sight, or a restart). */
    needProps: boolean;
    /** Cards the JSON holds no (or a damaged) entry for: the page should send what their DOM shows. */
    needDom: string[];
  };
  /** `before`: each paper's bookmark date before the change (for an undo). */
  setBookmark: { before: Record<string, number | undefined>; states: BookmarkStates };
  setStatus: void;
  setPriority: void;
  setNote: void;
  /** The tags as the library spells them. */
  addTags: { tags: string[] };
  removeTags: void;
  renameTag: void;
  deleteTag: void;
  setTagColor: void;
  setSettings: void;
  getStates: BookmarkStates;
  libraryChanged: void;
}
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
  /** Version of the bookmark state (the entry's updatedAt): a tab applies only newer ones. */
  at: number;
}

/** Background → content script pushes, and questions to a tab from the popup or background. */
export type TabMessage =
  | { hfp: 1; type: 'states'; states: Record<string, Partial<PaperState>> }
  /** The popup asks for the papers of this page. */
  | { hfp: 1; type: 'pageCards' }
  /** The keyboard shortcut: bookmark the paper of a paper page, or the focused card. */
  | { hfp: 1; type: 'toggleFocused' };
