/**
 * Where Zotero will save: its answer to `/connector/getSelectedCollection`, read with Zod. Zotero
 * names a library or collection by its tree-view id (`L1`, `C12`), which `updateSession` takes back.
 */
import * as z from 'zod/mini';
import '../model';

const TreeRow = z.object({ id: z.string(), name: z.string(), level: z.number() });

/** The fields we use; Zotero sends more (tags per library, filesEditable, recent targets). */
const SelectedCollection = z.object({
  libraryID: z.number().check(z.int()),
  libraryName: z.string(),
  libraryEditable: z.optional(z.boolean()),
  editable: z.optional(z.nullable(z.boolean())),
  /** The selected collection's id, null when a library itself is selected. */
  id: z.optional(z.nullable(z.number().check(z.int()))),
  name: z.string(),
  /** Every editable library and collection in tree order, each with its depth (Zotero 5.0.36+). */
  targets: z.optional(z.array(TreeRow)),
});

export interface ZoteroTarget {
  /** Tree-view id: `L<libraryID>` for a library, `C<collectionID>` for a collection. */
  id: string;
  libraryID: number;
  libraryName: string;
  /** The selected collection, absent when the library itself is selected. */
  collectionName?: string;
  /** The library, then each collection down to the selected one: what the user is shown. */
  path: string[];
  /** Zotero would refuse to save into it (a read-only group library). */
  readOnly: boolean;
}

/** The ancestors of a row in Zotero's flattened tree: each earlier row of a smaller depth. */
function pathTo(rows: z.infer<typeof TreeRow>[], index: number): string[] {
  const path = [rows[index]!.name];
  let level = rows[index]!.level;
  for (let i = index - 1; i >= 0 && level > 0; i--) {
    if (rows[i]!.level < level) {
      path.unshift(rows[i]!.name);
      level = rows[i]!.level;
    }
  }
  return path;
}

/** Undefined when the answer is not what Zotero sends. */
export function readTarget(json: unknown): ZoteroTarget | undefined {
  const r = z.safeParse(SelectedCollection, json);
  if (!r.success) return undefined;
  const s = r.data;
  const id = typeof s.id === 'number' ? `C${s.id}` : `L${s.libraryID}`;
  const index = s.targets?.findIndex((t) => t.id === id) ?? -1;
  const path = s.targets && index >= 0 ? pathTo(s.targets, index) : typeof s.id === 'number' ? [s.libraryName, s.name] : [s.libraryName];
  return {
    id,
    libraryID: s.libraryID,
    libraryName: s.libraryName,
    ...(typeof s.id === 'number' ? { collectionName: s.name } : {}),
    path,
    readOnly: s.libraryEditable === false || s.editable === false,
  };
}

/** "My Library › Reading › LLMs" */
export const targetLabel = (t: ZoteroTarget) => t.path.join(' › ');
