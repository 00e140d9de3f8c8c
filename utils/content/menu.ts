/**
 * A card's menu, beside its bookmark: status, tags (autocomplete from the library's, Enter adds),
 * note, priority, follow the paper's authors and organisation. Loaded on first open
 * (papers-later.js). A dialog out of the site's flow (appended to <body>, placed under its
 * opener); focus moves into it, Tab stays in it, Esc or a click outside closes it and focus goes
 * back to the opener. Every change is one `triage` request; its reply shows on the card.
 *
 * Hooks: `[data-hfp-action="status"]` (a `<select>`: to-read reading read dismissed) and
 * `[data-hfp-action="tag-input"]` inside `[data-hfp-ui="menu"]`.
 */
import { request } from '../messaging';
import type { Status } from '../model';
import type { Replies, RequestInput, TriageInfo } from '../protocol';
import type { States } from './bookmark-state';
import { button, chip, el, field } from './menu-dom';

export interface MenuDeps {
  doc: Document;
  opener: HTMLButtonElement;
  id: string;
  /** What the card showed of the paper (stored with the first change if the library lacks it). */
  paper?: { id: string; title?: string };
  apply: (states: States) => void;
  onError: (message: string) => void;
}

/** model.ts's STATUS_LABEL, spelled here: the content script carries no Zod (tests/unit/menu.test.ts keeps the two equal). */
export const MENU_STATUSES: Array<[Status, string]> = [
  ['to-read', 'To read'],
  ['reading', 'Reading'],
  ['read', 'Read'],
  ['dismissed', 'Not interested'],
];
const PRIORITIES = ['None', 'Low', 'Medium', 'High'];
let open: { close(focus: boolean): void } | undefined;

export async function openMenu(deps: MenuDeps): Promise<void> {
  const { doc, opener, id, apply, onError } = deps;
  open?.close(false);
  const info = await request('triageInfo', { id });
  const menu = el(doc, 'div', { 'data-hfp-ui': 'menu', role: 'dialog', 'aria-label': `Triage: ${info.title ?? id}`, 'data-paper-id': id });
  const state = el(doc, 'p', { class: 'hfp-menu-state' });
  const status = el(doc, 'select', { 'data-hfp-action': 'status' }) as HTMLSelectElement;
  for (const [s, label] of MENU_STATUSES) status.append(Object.assign(el(doc, 'option', { value: s }), { textContent: label }));
  const priority = el(doc, 'select', { 'data-hfp-action': 'priority' }) as HTMLSelectElement;
  for (const [i, p] of PRIORITIES.entries()) priority.append(Object.assign(el(doc, 'option', { value: String(i) }), { textContent: p }));
  const chips = el(doc, 'span', { class: 'hfp-menu-chips' });
  const listId = `hfp-tags-${id}`;
  const tagInput = el(doc, 'input', { 'data-hfp-action': 'tag-input', type: 'text', list: listId, maxlength: '64', placeholder: 'Add a tag, Enter' });
  const tagList = el(doc, 'datalist', { id: listId });
  const note = el(doc, 'textarea', { 'data-hfp-action': 'note', rows: '3', placeholder: 'A note…' }) as HTMLTextAreaElement;
  const follows = el(doc, 'div', { class: 'hfp-menu-follows', role: 'group', 'aria-label': 'Follow' });
  const close = button(doc, 'Close', { 'data-hfp-action': 'close' });
  menu.append(
    state,
    field(doc, 'Status', status),
    field(doc, 'Tags', el(doc, 'span', { class: 'hfp-menu-tags' }, chips, tagInput, tagList)),
    field(doc, 'Priority', priority),
    field(doc, 'Note', note),
    follows,
    close,
  );

  let entry: Replies['triage']['entry'] = info.entry ?? { status: 'to-read', tags: [], note: '', priority: 0 };
  let saved = info.saved;
  let savedNote = entry.note;

  /** The menu shows the entry as the library holds it. */
  function render() {
    state.textContent = saved ? 'In your reading list.' : 'Not saved: a status or a tag saves it.';
    // An unsaved paper shows no status until one is picked (picking it saves the paper).
    if (saved || info.entry) status.value = entry.status;
    else status.selectedIndex = -1;
    priority.value = String(entry.priority);
    chips.replaceChildren(...entry.tags.map((t) => chip(doc, t, () => void change({ removeTags: [t] }))));
    const have = new Set(entry.tags.map((t) => t.toLowerCase()));
    tagList.replaceChildren(...info.tags.filter((t) => !have.has(t.toLowerCase())).map((t) => el(doc, 'option', { value: t })));
  }

  async function change(what: Omit<RequestInput<'triage'>, 'id'>) {
    const start = performance.now();
    try {
      const reply = await request('triage', { id, ...(deps.paper ? { paper: deps.paper } : {}), ...what });
      entry = reply.entry;
      saved = reply.state.bookmarked;
      apply({ [id]: reply.state });
      render();
      // A change from the menu → stored → shown on the card (npm run bench reads this).
      performance.measure('hfp:triage', { start });
    } catch (err) {
      onError(`Could not change this paper: ${(err as Error).message}`);
      render();
    }
  }

  const saveNote = () => {
    if (note.value === savedNote) return;
    savedNote = note.value;
    void change({ note: note.value });
  };
  let typing: ReturnType<typeof setTimeout> | undefined;
  note.value = entry.note;
  note.oninput = () => {
    clearTimeout(typing);
    typing = setTimeout(saveNote, 600);
  };
  status.onchange = () => void change({ status: status.value as Status });
  priority.onchange = () => void change({ priority: Number(priority.value) });
  tagInput.onkeydown = (e) => {
    if (e.key !== 'Enter' && e.key !== ',') return;
    e.preventDefault();
    const name = (tagInput as HTMLInputElement).value.trim();
    (tagInput as HTMLInputElement).value = '';
    if (name) void change({ addTags: [name] });
  };
  follows.append(...info.names.map((n) => followButton(n)));

  function followButton(name: TriageInfo['names'][number]) {
    const b = button(doc, '', { 'data-hfp-action': 'follow', 'data-kind': name.kind });
    const show = () => {
      b.setAttribute('aria-pressed', String(name.followed));
      b.textContent = `${name.followed ? 'Following' : 'Follow'} ${name.label}`;
    };
    b.onclick = async () => {
      try {
        if (name.followed) await request('unfollow', { key: name.key });
        else await request('follow', { kind: name.kind, value: name.label });
        name.followed = !name.followed;
        show();
      } catch (err) {
        onError(`Could not ${name.followed ? 'unfollow' : 'follow'} ${name.label}: ${(err as Error).message}`);
      }
    };
    show();
    return b;
  }

  function shut(focus: boolean) {
    clearTimeout(typing);
    saveNote();
    menu.remove();
    opener.setAttribute('aria-expanded', 'false');
    doc.removeEventListener('pointerdown', outside, true);
    if (open === handle) open = undefined;
    if (focus) opener.focus();
  }
  const outside = (e: Event) => {
    if (!menu.contains(e.target as Node) && e.target !== opener) shut(false);
  };
  const handle = { close: shut };
  close.onclick = () => shut(true);
  menu.onkeydown = (e) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      shut(true);
    } else if (e.key === 'Tab') trapTab(menu, e);
  };

  doc.body.append(menu);
  // After it is in the page: a select shown with nothing picked stays so only once inserted.
  render();
  place(menu, opener);
  opener.setAttribute('aria-expanded', 'true');
  doc.addEventListener('pointerdown', outside, true);
  open = handle;
  status.focus();
}

/** Under its opener, right edges aligned, kept inside the page's width. */
function place(menu: HTMLElement, opener: HTMLElement) {
  const win = opener.ownerDocument.defaultView!;
  const r = opener.getBoundingClientRect();
  const width = menu.offsetWidth;
  menu.style.top = `${r.bottom + win.scrollY + 6}px`;
  menu.style.left = `${Math.max(8, Math.min(r.right - width, win.innerWidth - width - 8)) + win.scrollX}px`;
}

/** Tab from the last control goes to the first, Shift+Tab from the first to the last. */
function trapTab(menu: HTMLElement, e: KeyboardEvent) {
  const focusable = [...menu.querySelectorAll<HTMLElement>('select, input, textarea, button')];
  const [first, last] = [focusable[0], focusable.at(-1)];
  const active = menu.ownerDocument.activeElement;
  if (e.shiftKey ? active === first : active === last) {
    e.preventDefault();
    (e.shiftKey ? last : first)?.focus();
  }
}
