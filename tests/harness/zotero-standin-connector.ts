/**
 * The connector endpoints of the Zotero stand-in (zotero-standin.ts), as Zotero's
 * server_connector.js and saveSession.js answer them, over a small model of Zotero's libraries,
 * collections, save sessions and stored items. ZOTERO-PROTOCOL.md names the source of each rule.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { type StoredItem, takeItem, unreadable } from './zotero-standin-items';

export interface StandinLibrary {
  libraryID: number;
  name: string;
  editable: boolean;
  collections: Array<{ id: number; name: string; parentID?: number }>;
}

export interface SavedItem extends StoredItem {
  key: number;
  libraryID: number;
  collections: number[];
  sessionID: string;
  connectorKey: unknown;
  /** Defects, and what citation.js could not read back: a correct client leaves this empty. */
  problems: string[];
}

export type Answer = [status: number, contentType?: string, body?: string] | 'drop' | 'hang';
type Session = { id: string; items: Map<string, SavedItem> };

/** Whether version `v` is `than` or newer (first three numeric parts). */
export const atLeast = (v: string, than: string) => {
  const [a, b] = [v, than].map((x) => x.split(/[^\d]/).map(Number));
  for (let i = 0; i < 3; i++) if ((a![i] ?? 0) !== (b![i] ?? 0)) return (a![i] ?? 0) > (b![i] ?? 0);
  return true;
};
const json = (status: number, body: unknown): Answer => [status, 'application/json', JSON.stringify(body)];

export const DEFAULT_LIBRARIES: StandinLibrary[] = [
  {
    libraryID: 1,
    name: 'My Library',
    editable: true,
    collections: [
      { id: 10, name: 'Reading' },
      { id: 11, name: 'LLMs', parentID: 10 },
      { id: 12, name: 'Vision' },
    ],
  },
  { libraryID: 2, name: 'Lab Group', editable: false, collections: [{ id: 20, name: 'Shared' }] },
];

export interface ConnectorOptions {
  /** What Zotero answers in X-Zotero-Version; its behaviour follows it. */
  version?: string;
  libraries?: StandinLibrary[];
  /** Tree-view id selected in Zotero's pane. */
  selected?: string;
  /** Zotero's "automatically tag items" preference: off, it drops the tags inside items. */
  automaticTags?: boolean;
}

export class StandinConnector {
  readonly version: string;
  readonly libraries: StandinLibrary[];
  selected: string;
  automaticTags: boolean;
  /** Every item saved, as stored (moved and re-tagged by updateSession). */
  readonly items: SavedItem[] = [];
  /** Which saveItems calls (0-based) fail with 500, saving nothing, as a failed transaction does. */
  readonly failSaves = new Set<number>();
  private saves = 0;
  private nextKey = 1;
  private readonly sessions = new Map<string, Session>();

  constructor(o: ConnectorOptions) {
    this.version = o.version ?? '9.0.6';
    this.libraries = o.libraries ?? structuredClone(DEFAULT_LIBRARIES);
    this.selected = o.selected ?? 'L1';
    this.automaticTags = o.automaticTags ?? true;
  }

  protected ping(method: string, data: unknown): Answer {
    if (method === 'GET') return [200, 'text/html', '<!DOCTYPE html><html><body>Zotero is running</body></html>'];
    void (data as { activeURL?: string }).activeURL;
    return json(200, {
      prefs: { automaticSnapshots: true, downloadAssociatedFiles: true, supportsAttachmentUpload: true, supportsTagsAutocomplete: true },
    });
  }

  private resolve(id: string) {
    const n = Number(id.slice(1));
    const library = id[0] === 'L' ? this.libraries.find((l) => l.libraryID === n) : this.libraries.find((l) => l.collections.some((c) => c.id === n));
    const collection = id[0] === 'C' ? library?.collections.find((c) => c.id === n) : undefined;
    if (!library) throw new Error(`Unsupported target ${id}`);
    return { library, collection };
  }

  /** Connector.getSaveTarget: a read-only selection switches to My Library unless read-only is allowed. */
  private saveTarget(allowReadOnly: boolean) {
    const t = this.resolve(this.selected);
    if (!allowReadOnly && !t.library.editable && this.libraries[0]!.editable) this.selected = `L${this.libraries[0]!.libraryID}`;
    return this.resolve(this.selected);
  }

  /** A two-argument endpoint: when it throws, Zotero never answers. */
  protected selectedCollection(data: unknown): Answer {
    try {
      const allowReadOnly = Object.hasOwn(data as object, 'switchToReadableLibrary')
        ? !(data as { switchToReadableLibrary: unknown }).switchToReadableLibrary
        : true;
      const { library, collection } = this.saveTarget(allowReadOnly);
      const targets = this.libraries
        .filter((l) => l.editable)
        .flatMap((l) => [{ id: `L${l.libraryID}`, name: l.name, level: 0 }, ...this.tree(l, undefined, 1)]);
      const picked = collection ? { id: collection.id, name: collection.name } : { id: null, name: library.name };
      return json(200, {
        libraryID: library.libraryID,
        libraryName: library.name,
        libraryEditable: library.editable,
        filesEditable: true,
        editable: library.editable,
        ...picked,
        targets,
        tags: {},
      });
    } catch {
      return 'hang';
    }
  }

  private tree(l: StandinLibrary, parent: number | undefined, level: number): Array<{ id: string; name: string; level: number }> {
    return l.collections
      .filter((c) => c.parentID === parent)
      .flatMap((c) => [{ id: `C${c.id}`, name: c.name, level }, ...this.tree(l, c.id, level + 1)]);
  }

  protected saveItems(data: unknown, h: IncomingHttpHeaders): Answer {
    const api = h['x-zotero-connector-api-version'];
    if (atLeast(this.version, '7.0.20') && api && Number(api) < 3) return json(400, { error: 'CONNECTOR_VERSION_OUTDATED' });
    const d = data as { sessionID?: string; items?: unknown };
    const { library, collection } = this.saveTarget(false);
    const sessionID = d.sessionID === undefined ? randomUUID() : d.sessionID;
    if (this.sessions.has(sessionID)) return json(409, { error: 'SESSION_EXISTS' });
    const session: Session = { id: sessionID, items: new Map() };
    this.sessions.set(sessionID, session);
    if (!library.editable) return json(500, { libraryEditable: false });
    if (this.failSaves.has(this.saves++)) return [500];
    // One transaction: an item Zotero cannot take fails the request and saves none of it.
    const types = new Set(['journalArticle', 'report', 'webpage', ...(atLeast(this.version, '6.0') ? ['preprint'] : [])]);
    // Standalone notes and attachments are not modelled (we never send them): left out, not refused.
    const top = (d.items as Array<Record<string, unknown>>).filter((item) => item.itemType !== 'note' && item.itemType !== 'attachment');
    const stored = top.map((item) => {
      const s = takeItem(item, types, this.automaticTags);
      return {
        ...s,
        key: this.nextKey++,
        libraryID: library.libraryID,
        collections: collection ? [collection.id] : [],
        sessionID,
        connectorKey: item.id,
      };
    });
    for (const s of stored) {
      const saved: SavedItem = { ...s, problems: [...s.defects, ...unreadable(s, String(s.connectorKey))] };
      this.items.push(saved);
      session.items.set(String(s.connectorKey), saved);
    }
    return [201, 'application/json'];
  }

  protected updateSession(data: unknown): Answer {
    const d = data as { sessionID?: string; target: string; tags?: unknown };
    if (!d.sessionID) return json(400, { error: 'SESSION_ID_NOT_PROVIDED' });
    const session = this.sessions.get(d.sessionID);
    if (!session) return json(400, { error: 'SESSION_NOT_FOUND' });
    const [type, id] = [d.target[0], Number.parseInt(d.target.slice(1), 10)];
    if (type === 'C' && !this.libraries.some((l) => l.collections.some((c) => c.id === id))) return json(400, { error: 'COLLECTION_NOT_FOUND' });
    // Zotero 8 takes an array or a string split at commas; before, only a string (anything else throws).
    let tags: string[];
    if (atLeast(this.version, '8.0')) tags = typeof d.tags === 'string' ? d.tags.split(',') : ((d.tags as string[] | undefined) ?? []);
    else tags = ((d.tags as string | undefined) || '').trim().split(/\s*,\s*/);
    tags = tags.map((t) => t.trim()).filter(Boolean);
    const { library, collection } = this.resolve(d.target);
    this.selected = d.target;
    for (const item of session.items.values()) {
      if (item.libraryID !== library.libraryID && !library.editable) throw new Error("Can't move item to read-only library");
      item.libraryID = library.libraryID;
      item.tags = [...item.tags.filter((t) => t.type === 1), ...tags.map((tag) => ({ tag, type: 0 as const }))];
      item.collections = collection ? [collection.id] : [];
    }
    return json(200, {});
  }
}
