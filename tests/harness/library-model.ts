/**
 * The library's operations (utils/db/library.ts) on in-memory maps, with the same rules: an entry
 * outlives its bookmark, tags resolve case-insensitively to the existing spelling and new ones get
 * a colour, a rename onto an existing tag merges the two, a deletion untags every paper. Each
 * operation returns the ids and tag keys it changed, which the simulated device then stamps
 * (utils/sync/entry-convert.ts, meta-convert.ts), as the background will after each transaction.
 */
import { defaultColor } from '../../utils/db/library';
import { type Entry, newEntry, normalizeTag, type Status, type Tag, tagKey } from '../../utils/model';
import type { Follow } from '../../utils/sync/meta-convert';
import { followId, followKey, type Json } from '../../utils/sync/types';

export interface Touched {
  entries: Set<string>;
  tags: Set<string>;
  follows: Set<string>;
  settings: Record<string, Json>;
}

export class Library {
  entries = new Map<string, Entry>();
  tags = new Map<string, Tag>();
  follows = new Map<string, Follow>();
  settings: Record<string, Json> = {};

  private touched(): Touched {
    return { entries: new Set(), tags: new Set(), follows: new Set(), settings: {} };
  }

  private entry(id: string, now: number): Entry {
    return this.entries.get(id) ?? newEntry(id, now);
  }

  private put(t: Touched, e: Entry, now: number) {
    this.entries.set(e.id, { ...e, updatedAt: Math.max(now, e.updatedAt + 1) });
    t.entries.add(e.id);
  }

  setBookmarks(ids: string[], on: boolean, now: number): Touched {
    const t = this.touched();
    for (const id of ids) {
      const e = this.entry(id, now);
      if (on === (e.bookmarkedAt !== undefined)) continue;
      const next = { ...e };
      if (on) next.bookmarkedAt = now;
      else delete next.bookmarkedAt;
      this.put(t, next, now);
    }
    return t;
  }

  setStatus(ids: string[], status: Status, now: number): Touched {
    const t = this.touched();
    for (const id of ids) {
      const e = this.entry(id, now);
      if (e.status !== status) this.put(t, { ...e, status, statusAt: now }, now);
    }
    return t;
  }

  setPriority(ids: string[], priority: number, now: number): Touched {
    const t = this.touched();
    for (const id of ids) {
      const e = this.entry(id, now);
      if (e.priority !== priority) this.put(t, { ...e, priority }, now);
    }
    return t;
  }

  setNote(id: string, note: string, now: number): Touched {
    const t = this.touched();
    const e = this.entry(id, now);
    if (e.note !== note) this.put(t, { ...e, note }, now);
    return t;
  }

  private resolve(t: Touched, names: string[], now: number): string[] {
    const out: string[] = [];
    for (const n of names.map(normalizeTag)) {
      const key = n.toLowerCase();
      if (!key || out.some((o) => o.toLowerCase() === key)) continue;
      const known = this.tags.get(key);
      if (!known) {
        this.tags.set(key, { key, name: n, color: defaultColor(key), createdAt: now });
        t.tags.add(key);
      }
      out.push(known?.name ?? n);
    }
    return out;
  }

  addTags(ids: string[], names: string[], now: number): Touched {
    const t = this.touched();
    const tags = this.resolve(t, names, now);
    for (const id of ids) {
      const e = this.entry(id, now);
      const have = new Set(e.tags.map((x) => x.toLowerCase()));
      const add = tags.filter((x) => !have.has(x.toLowerCase()));
      if (add.length) this.put(t, { ...e, tags: [...e.tags, ...add] }, now);
    }
    return t;
  }

  removeTags(ids: string[], names: string[], now: number): Touched {
    const t = this.touched();
    const drop = new Set(names.map(tagKey));
    for (const id of ids) {
      const e = this.entries.get(id);
      if (!e) continue;
      const tags = e.tags.filter((x) => !drop.has(x.toLowerCase()));
      if (tags.length !== e.tags.length) this.put(t, { ...e, tags }, now);
    }
    return t;
  }

  renameTag(from: string, to: string, now: number): Touched {
    const t = this.touched();
    const fromKey = tagKey(from);
    const name = normalizeTag(to);
    const toKey = name.toLowerCase();
    const old = this.tags.get(fromKey);
    if (!fromKey || !toKey || !old) return t;
    const target = this.tags.get(toKey);
    const finalName = target && toKey !== fromKey ? target.name : name;
    for (const e of [...this.entries.values()]) {
      if (!e.tags.some((x) => x.toLowerCase() === fromKey)) continue;
      const rest = e.tags.filter((x) => x.toLowerCase() !== fromKey && x.toLowerCase() !== toKey);
      this.put(t, { ...e, tags: [...rest, finalName] }, now);
    }
    if (toKey !== fromKey) this.tags.delete(fromKey);
    this.tags.set(toKey, target && toKey !== fromKey ? target : { ...old, key: toKey, name: finalName });
    t.tags.add(fromKey).add(toKey);
    return t;
  }

  deleteTag(name: string, now: number): Touched {
    const t = this.touched();
    const key = tagKey(name);
    for (const e of [...this.entries.values()]) {
      if (e.tags.some((x) => x.toLowerCase() === key)) this.put(t, { ...e, tags: e.tags.filter((x) => x.toLowerCase() !== key) }, now);
    }
    if (this.tags.delete(key)) t.tags.add(key);
    return t;
  }

  setTagColor(name: string, color: string): Touched {
    const t = this.touched();
    const tag = this.tags.get(tagKey(name));
    if (tag && tag.color !== color) {
      this.tags.set(tag.key, { ...tag, color });
      t.tags.add(tag.key);
    }
    return t;
  }

  follow(kind: Follow['kind'], value: string, on: boolean, now: number): Touched {
    const t = this.touched();
    const id = followId(kind, followKey(value));
    if (on === this.follows.has(id)) return t;
    if (on) this.follows.set(id, { kind, value, addedAt: now });
    else this.follows.delete(id);
    t.follows.add(id);
    return t;
  }

  setSetting(key: string, value: Json): Touched {
    const t = this.touched();
    if (JSON.stringify(this.settings[key]) === JSON.stringify(value)) return t;
    this.settings[key] = value;
    t.settings[key] = value;
    return t;
  }
}
