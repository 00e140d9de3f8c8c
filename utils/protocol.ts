/**
 * Every message between the extension's contexts, declared once. Requests go to the background
 * (`runtime.sendMessage`) and are validated there against these schemas; pushes go from the
 * background to the huggingface.co tabs (`tabs.sendMessage`).
 */
import * as z from 'zod/mini';
import { FollowKind, HIDE_MODES, PaperFieldsSchema, PaperId, Priority, Status, Timestamp, type Follow, type Entry } from './model';

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
  setSettings: z.object({
    badge: z.optional(z.boolean()),
    hideSeen: z.optional(z.boolean()),
    hideSaved: z.optional(z.boolean()),
    hideMode: z.optional(z.enum(HIDE_MODES)),
  }),
  getStates: z.object({ ids: Ids }),
  /** A papers page is still open (sent every few minutes): the visit goes on. */
  heartbeat: z.object({}),
  /** What a tab shows of its cards, asked again after a push of `refresh` (follows or settings changed). */
  pageStates: z.object({ ids: Ids }),
  /** A change from a card's menu on the site. Setting a status or adding a tag saves an unsaved paper; `dismissed` un-saves it. */
  triage: z.object({
    id: PaperId,
    paper: z.optional(PaperFieldsSchema),
    status: z.optional(Status),
    addTags: z.optional(z.array(TagName).check(z.maxLength(100))),
    removeTags: z.optional(z.array(TagName).check(z.maxLength(100))),
    note: z.optional(z.string().check(z.maxLength(100_000))),
    priority: z.optional(Priority),
  }),
  /** What a card's menu shows when it opens. */
  triageInfo: z.object({ id: PaperId }),
  follow: z.object({ kind: FollowKind, value: z.string().check(z.minLength(1), z.maxLength(200)) }),
  unfollow: z.object({ key: z.string().check(z.minLength(1), z.maxLength(300)) }),
  /** A page wrote to the library itself (an import): tell the tabs, recount the badge, fill gaps. */
  libraryChanged: z.object({ ids: Ids }),
} as const;

export type RequestName = keyof typeof REQUESTS;

type BookmarkStates = Record<string, Pick<PaperState, 'bookmarked' | 'at'>>;

/** What each request answers (the background's handlers are checked against this). */
/** How the tab shows its listing: the hide controls, and the line summing up the visit. */
export interface PageView {
  hideSeen: boolean;
  hideSaved: boolean;
  /** Dim hidden cards instead of taking them out. */
  dim: boolean;
  /** When the visit before this one ended ("Tue 14:05"); absent on the first visit. Only in `ingest`. */
  since?: string;
}

/** What a card's menu shows: the entry (if any), the library's tags, and the paper's names to follow. */
export interface TriageInfo {
  entry?: Pick<Entry, 'status' | 'tags' | 'note' | 'priority'>;
  saved: boolean;
  tags: string[];
  title?: string;
  /** The paper's organisation, then its authors in order: each with its follow key, and whether it is followed. */
  names: Array<{ kind: 'author' | 'org'; label: string; key: string; followed: boolean }>;
}

export interface Replies {
  ingest: {
    states: Record<string, PaperState>;
    view: PageView;
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
  heartbeat: void;
  pageStates: { states: Record<string, Partial<PaperState>>; view: PageView };
  triage: { state: Pick<PaperState, 'bookmarked' | 'dismissed' | 'at'>; entry: Pick<Entry, 'status' | 'tags' | 'note' | 'priority'> };
  triageInfo: TriageInfo;
  follow: { follow: Follow; added: boolean };
  unfollow: { removed: boolean };
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

/** What a card shows: its button, and the marks on its root (`data-hfp-marks`). */
export interface PaperState {
  bookmarked: boolean;
  /** Version of the bookmark state (the entry's updatedAt): a tab applies only newer ones. */
  at: number;
  /** "Not interested": off the reading list, dimmed on listings. */
  dismissed?: boolean;
  /** `new`: first met on this visit; `seen`: on an earlier one (only a page's report says). */
  visit?: 'new' | 'seen';
  /** Why the card is highlighted ("follows: Yann LeCun", "keyword: diffusion"); [] for no follow. */
  follows?: string[];
}

/** Background → content script pushes, and questions to a tab from the popup or background. */
export type TabMessage =
  | { hfp: 1; type: 'states'; states: Record<string, Partial<PaperState>> }
  /** The popup asks for the papers of this page. */
  | { hfp: 1; type: 'pageCards' }
  /** The keyboard shortcut: bookmark the paper of a paper page, or the focused card. */
  | { hfp: 1; type: 'toggleFocused' }
  /** Follows or settings changed: the tab asks for its cards' states again (`pageStates`). */
  | { hfp: 1; type: 'refresh' }
  /** The side panel picked a card: scroll the page to it and flash it. Answers whether it is on the page. */
  | { hfp: 1; type: 'scrollToCard'; id: string };
