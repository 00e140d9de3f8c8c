/**
 * The papers of the index by doc number: id, signature of their text, title key, whether their
 * abstract is indexed, whether removed. A paper changed gets a new number (its old postings are
 * dead). Restored from a snapshot, ids stay in one string until asked for, and the id → number
 * map is built only when a change or an id query needs it.
 */
export interface TableData {
  /** Paper id per doc number, `\n`-separated (removed ones too: `dead` says which). */
  ids: string;
  sigs: Uint32Array;
  titles: Uint32Array;
  textDone: Uint8Array;
  dead: Uint8Array;
}

export class DocTable {
  private base = '';
  private baseStarts = new Uint32Array(1);
  private baseCount = 0;
  private extra: string[] = [];
  private map?: Map<string, number>;
  live = 0;
  sigs = new Uint32Array(1024);
  titles = new Uint32Array(1024);
  textDone = new Uint8Array(1024);
  dead = new Uint8Array(1024);

  get count(): number {
    return this.baseCount + this.extra.length;
  }

  id(num: number): string {
    return num < this.baseCount ? this.base.slice(this.baseStarts[num], this.baseStarts[num + 1]! - 1) : this.extra[num - this.baseCount]!;
  }

  /** Live papers by id. */
  get nums(): Map<string, number> {
    if (!this.map) {
      this.map = new Map();
      for (let num = 0; num < this.count; num++) if (!this.dead[num]) this.map.set(this.id(num), num);
    }
    return this.map;
  }

  add(id: string, sig: number, title: number): number {
    const num = this.count;
    this.nums.set(id, num);
    this.extra.push(id);
    this.grow(num + 1);
    this.sigs[num] = sig;
    this.titles[num] = title;
    this.live++;
    return num;
  }

  remove(id: string): number | undefined {
    const num = this.nums.get(id);
    if (num === undefined) return undefined;
    this.nums.delete(id);
    this.dead[num] = 1;
    this.live--;
    return num;
  }

  data(): TableData {
    const n = this.count;
    const ids = this.extra.length ? (this.baseCount ? `${this.base}${this.extra.join('\n')}\n` : `${this.extra.join('\n')}\n`) : this.base;
    return { ids, sigs: this.sigs.slice(0, n), titles: this.titles.slice(0, n), textDone: this.textDone.slice(0, n), dead: this.dead.slice(0, n) };
  }

  static from(d: TableData): DocTable {
    const t = new DocTable();
    // Each id ends with '\n', so id `num` runs from starts[num] to starts[num + 1] - 1.
    t.base = d.ids.endsWith('\n') || !d.ids ? d.ids : `${d.ids}\n`;
    const n = d.sigs.length;
    t.baseStarts = new Uint32Array(n + 1);
    for (let i = 0, num = 1; i < t.base.length; i++) if (t.base.charCodeAt(i) === 10) t.baseStarts[num++] = i + 1;
    t.baseCount = n;
    t.grow(n);
    t.sigs.set(d.sigs);
    t.titles.set(d.titles);
    t.textDone.set(d.textDone);
    t.dead.set(d.dead);
    for (let i = 0; i < n; i++) if (!d.dead[i]) t.live++;
    return t;
  }

  private grow(n: number) {
    if (this.sigs.length >= n) return;
    const cap = Math.max(n, this.sigs.length * 2);
    const more = <T extends Uint32Array | Uint8Array>(a: T, b: T) => {
      b.set(a);
      return b;
    };
    this.sigs = more(this.sigs, new Uint32Array(cap));
    this.titles = more(this.titles, new Uint32Array(cap));
    this.textDone = more(this.textDone, new Uint8Array(cap));
    this.dead = more(this.dead, new Uint8Array(cap));
  }
}
