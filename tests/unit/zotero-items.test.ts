/**
 * Library items as Zotero connector items, over the awkward library: checked against Zotero's
 * own rules for taking an item (the stand-in's takeItem, read from Zotero's source), read back by
 * citation.js, and compared with the CSL-JSON export so both split authors the same way. Also the
 * version rules, the selected-target reading and the sent records.
 */
import { describe, expect, it } from 'vitest';
import { toCslItems } from '../../utils/export/csljson';
import type { Item } from '../../utils/model';
import { noteHtml, toZoteroItem, zoteroTags } from '../../utils/zotero/items';
import { sentBefore, sentRecord, withSent } from '../../utils/zotero/record';
import { readTarget, targetLabel } from '../../utils/zotero/target';
import { abilities, compareVersions } from '../../utils/zotero/version';
import { awkwardLibrary } from '../fixtures/awkward-library';
import { takeItem, unreadable } from '../harness/zotero-standin-items';

function items(): Item[] {
  const { papers, entries } = awkwardLibrary();
  const byId = new Map(entries.map((e) => [e.id, e]));
  return papers.map((p) => ({ ...p, entry: byId.get(p.id) }));
}
const decode = (html: string) =>
  html
    .replace(/<\/p><p>/g, '\n')
    .replace(/<\/?p>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

describe('Zotero items', () => {
  for (const preprint of [true, false]) {
    const types = new Set(preprint ? ['preprint', 'journalArticle'] : ['journalArticle']);
    it(`are taken by Zotero${preprint ? '' : ' 5'} as sent, and read back by citation.js (${preprint ? 'preprint' : 'journalArticle'})`, () => {
      for (const p of items()) {
        const sent = JSON.parse(JSON.stringify(toZoteroItem(p, { preprint })));
        const stored = takeItem(sent, types, true);
        expect(stored.itemType).toBe(preprint ? 'preprint' : 'journalArticle');
        expect(stored.defects, p.id).toEqual([]);
        expect(unreadable(stored, p.id), p.id).toEqual([]);
        expect(stored.fields).toMatchObject({ DOI: `10.48550/arXiv.${p.id}`, url: `https://arxiv.org/abs/${p.id}`, extra: `arXiv:${p.id}` });
        expect(stored.fields[preprint ? 'archiveID' : 'publicationTitle']).toBe(preprint ? `arXiv:${p.id}` : 'arXiv');
      }
    });
  }

  it('split every author as the CSL-JSON export does (200 authors, particles, "Family, Given", one-word names)', () => {
    const csl = toCslItems(items());
    items().forEach((p, i) => {
      const z = toZoteroItem(p, { preprint: true }).creators;
      const c = csl[i]!.author ?? [];
      expect(z).toHaveLength(p.authors.length);
      expect(z.map((a) => ('name' in a ? { literal: a.name } : { family: a.lastName, ...(a.firstName ? { given: a.firstName } : {}) }))).toEqual(c);
    });
    expect(toZoteroItem(items()[1]!, { preprint: true }).creators.slice(0, 3)).toEqual([
      { firstName: 'Ludwig', lastName: 'van Beethoven', creatorType: 'author' },
      { firstName: 'Jean-Luc', lastName: 'Picard', creatorType: 'author' },
      { firstName: 'John', lastName: 'Smith', creatorType: 'author' },
    ]);
    expect(toZoteroItem(items()[4]!, { preprint: true }).creators[0]).toEqual({ name: '张伟', creatorType: 'author' });
  });

  it('carry title on one line, abstract with its line breaks, and the date (the id’s month when unpublished)', () => {
    const all = items();
    const broken = toZoteroItem(all[7]!, { preprint: true });
    expect(broken.title).toBe('Line breaks in a title and tabs');
    expect(toZoteroItem(all[0]!, { preprint: true }).abstractNote).toContain('\nsecond line');
    expect(toZoteroItem(all[0]!, { preprint: true }).date).toBe('2025-09-01');
    const seen = toZoteroItem(all.find((p) => p.id === '2509.20000')!, { preprint: true });
    expect(seen.date).toBe('2025-09');
    expect(seen.abstractNote).toBeUndefined();
    expect(seen.notes).toEqual([]);
  });

  it('carry the note as escaped HTML, one paragraph a line, never as markup', () => {
    for (const p of items().filter((x) => x.entry?.note.trim())) {
      const [note] = toZoteroItem(p, { preprint: true }).notes;
      expect(note!.note.replace(/<\/?p>/g, ''), p.id).not.toMatch(/[<>]/);
      expect(decode(note!.note)).toBe(p.entry!.note.split(/\n+/).join('\n'));
    }
    expect(noteHtml('<img src=x onerror=alert(1)> & "q"')).toBe('<p>&lt;img src=x onerror=alert(1)&gt; &amp; &quot;q&quot;</p>');
    expect(noteHtml('one\n\n  two  ')).toBe('<p>one</p><p>two</p>');
  });

  it('leave the user’s tags out of the item (they go with the session) and list them once each', () => {
    const p = items()[1]!;
    expect(toZoteroItem(p, { preprint: true }).tags).toEqual([]);
    expect(zoteroTags(p)).toEqual(['Diffusion', 'RL & robotics']);
    expect(zoteroTags({ ...p, entry: { ...p.entry!, tags: [' a ', 'a', 'b  c', ''] } })).toEqual(['a', 'b c']);
    expect(zoteroTags(items()[10]!)).toEqual([]);
  });
});

describe('Zotero versions', () => {
  it('compare by their numeric parts', () => {
    expect(compareVersions('7.0.20', '7.0.9')).toBeGreaterThan(0);
    expect(compareVersions('6.0', '6.0.0')).toBe(0);
    expect(compareVersions('5.0.97-beta.3+ab12', '5.0.97')).toBe(0);
    expect(compareVersions('10.0.0', '9.0.6')).toBeGreaterThan(0);
  });

  it('say what each Zotero can take: nothing before 5.0.36, preprints from 6, tag arrays from 8', () => {
    expect(abilities('5.0.35')).toBeUndefined();
    expect(abilities('4.0.29.11')).toBeUndefined();
    expect(abilities('not a version')).toBeUndefined();
    expect(abilities('5.0.36')).toEqual({ version: '5.0.36', preprint: false, tagArray: false });
    expect(abilities('6.0.37')).toEqual({ version: '6.0.37', preprint: true, tagArray: false });
    expect(abilities('7.0.32')).toMatchObject({ preprint: true, tagArray: false });
    expect(abilities('8.0.0')).toMatchObject({ preprint: true, tagArray: true });
  });
});

describe('the selected target', () => {
  const answer = {
    libraryID: 1,
    libraryName: 'My Library',
    libraryEditable: true,
    filesEditable: true,
    editable: true,
    id: 11,
    name: 'LLMs',
    targets: [
      { id: 'L1', name: 'My Library', level: 0 },
      { id: 'C10', name: 'Reading', level: 1 },
      { id: 'C13', name: 'Old', level: 2 },
      { id: 'C11', name: 'LLMs', level: 2 },
      { id: 'L3', name: 'Group', level: 0 },
    ],
    tags: {},
  };

  it('is read with the path down to the selected collection', () => {
    const t = readTarget(answer)!;
    expect(t).toEqual({
      id: 'C11',
      libraryID: 1,
      libraryName: 'My Library',
      collectionName: 'LLMs',
      path: ['My Library', 'Reading', 'LLMs'],
      readOnly: false,
    });
    expect(targetLabel(t)).toBe('My Library › Reading › LLMs');
    expect(readTarget({ ...answer, id: null, name: 'My Library' })).toMatchObject({ id: 'L1', path: ['My Library'] });
    expect(readTarget({ ...answer, targets: undefined })).toMatchObject({ path: ['My Library', 'LLMs'] });
    expect(readTarget({ ...answer, libraryEditable: false })?.readOnly).toBe(true);
  });

  it('is refused when it is not what Zotero sends', () => {
    expect(readTarget('Zotero is running')).toBeUndefined();
    expect(readTarget({ ...answer, libraryID: '1' })).toBeUndefined();
    expect(readTarget(null)).toBeUndefined();
  });
});

describe('sent records', () => {
  const mine = readTarget({ libraryID: 1, libraryName: 'My Library', id: 11, name: 'LLMs' })!;
  const group = readTarget({ libraryID: 4, libraryName: 'Lab', id: null, name: 'Lab' })!;

  it('count a paper as sent to a library whatever the collection, and not to another library', () => {
    const records = [sentRecord(group, 1000)];
    expect(sentBefore(records, mine)).toBeUndefined();
    const both = withSent(records, sentRecord({ ...mine, id: 'C99', path: ['My Library', 'Other'] }, 2000));
    expect(sentBefore(both, mine)).toMatchObject({ sentAt: 2000, target: 'C99' });
    expect(sentBefore(both, group)).toMatchObject({ sentAt: 1000 });
  });

  it('keep one record per library, the latest', () => {
    const once = withSent(undefined, sentRecord(mine, 1000));
    const twice = withSent(once, sentRecord(mine, 3000));
    expect(twice).toEqual([{ sentAt: 3000, libraryName: 'My Library', target: 'C11', path: ['My Library', 'LLMs'] }]);
  });
});
