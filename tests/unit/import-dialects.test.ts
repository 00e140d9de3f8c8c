/**
 * Files as other tools write them (tests/fixtures/import, each described in its README): which
 * papers each brings, with what, and what it leaves out and why. PaperMemory's memory is also
 * merged into a library: favourites, added dates, tags and notes, never clobbering.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ShelfDB } from '../../utils/db/schema';
import { importIncoming } from '../../utils/db/import';
import { setBookmarks, setNote, setPriority } from '../../utils/db/library';
import { type Incoming, readImportText } from '../../utils/import/read';
import { fixture } from './helpers';

const read = async (name: string) => readImportText(fixture(`import/${name}`), name);
const list = (inc: Incoming) => {
  if (inc.kind === 'backup') throw new Error('not a list');
  return inc;
};
const ids = (inc: Incoming) => list(inc).items.map((i) => i.paper.id);
const reasons = (inc: Incoming) => list(inc).skipped.map((s) => `${s.where}: ${s.reason}`);

describe('BibTeX dialects', () => {
  it('DBLP: CoRR volumes (also condensed, without eprint or URL), eprinttype, DOIs; old-style CoRR kept apart', async () => {
    const inc = await read('dblp.bib');
    expect(inc.kind).toBe('bibtex');
    expect(ids(inc)).toEqual(['1706.03762', '2106.09685', '2203.02155', '1810.04805']);
    expect(list(inc).items[3]!.paper).toEqual({
      id: '1810.04805',
      title: 'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding',
      authors: ['Jacob Devlin', 'Ming-Wei Chang', 'Kenton Lee', 'Kristina Toutanova'],
    });
    expect(reasons(inc)).toEqual([
      'entry DBLP:journals/corr/cs-DS-0310049: old-style',
      'entry DBLP:conf/nips/KrizhevskySH12: no-arxiv',
      'entry DBLP:conf/nips/VaswaniSPUJGKP17: no-arxiv',
      'entry DBLP:journals/corr/abs-2106-09685: duplicate',
    ]);
    expect(list(inc).oldStyle).toMatchObject([
      { id: 'cs.DS/0310049', oldStyle: true, title: 'An O(m) Algorithm for Cores Decomposition of Networks' },
    ]);
    expect(list(inc).candidates!.map((c) => [c.title, c.year])).toEqual([
      ['ImageNet Classification with Deep Convolutional Neural Networks', 2012],
      ['Attention is All you Need', 2017],
    ]);
  });

  it('Paperpile: eprint, arxivid, a DOI alone; an arXiv entry without id is offered to the title look-up', async () => {
    const inc = await read('paperpile.bib');
    expect(ids(inc)).toEqual(['1706.03762', '2106.09685', '2201.11903']);
    expect(list(inc).items[0]!.paper.abstract).toBe(
      'The dominant sequence transduction models are based on complex recurrent or convolutional neural networks in an encoder-decoder configuration.',
    );
    expect(list(inc).items[1]!.paper.title).toBe('LoRA: Low-rank adaptation of large language models');
    expect(list(inc).skipped).toEqual([
      { where: 'entry Touvron2023-ef', why: 'names arXiv but no arXiv id (eprint, arXiv URL or DOI)', reason: 'no-arxiv' },
      { where: 'entry Krizhevsky2012-gh', why: 'no arXiv id (eprint, arXiv URL or DOI)', reason: 'no-arxiv' },
    ]);
    expect(list(inc).candidates![0]).toEqual({
      where: 'entry Touvron2023-ef',
      title: 'Llama 2: Open foundation and fine-tuned chat models',
      authors: ['Hugo Touvron', 'Louis Martin', 'Kevin Stone'],
      year: 2023,
      tags: [],
    });
  });

  it('biblatex: eprinttype/eprintclass, versions dropped, dates; old-style ids whole or as number and class; another archive’s eprint ignored', async () => {
    const inc = await read('biblatex.bib');
    expect(ids(inc)).toEqual(['1412.6980', '1512.03385', '2010.11929']);
    expect(list(inc).items[0]).toEqual({
      paper: {
        id: '1412.6980',
        title: 'Adam: A Method for Stochastic Optimization',
        authors: ['Diederik P. Kingma', 'Jimmy Ba'],
        publishedAt: '2014-12-22',
      },
      tags: ['optimization', 'deep learning'],
      note: 'Read §2 again. Bias correction matters early on.',
    });
    expect(list(inc).oldStyle!.map((p) => p.id)).toEqual(['hep-th/9711200', 'quant-ph/9508027']);
    expect(reasons(inc)).toEqual(['entry maldacena1999large: old-style', 'entry shor1997: old-style', 'entry pubmed2020: no-arxiv']);
  });

  it('Google Scholar: "arXiv preprint arXiv:…" in journal; its conference entries go to the title look-up', async () => {
    const inc = await read('google-scholar.bib');
    expect(ids(inc)).toEqual(['1810.04805', '1312.6114']);
    expect(list(inc).items[1]!.paper.authors).toEqual(['Diederik P Kingma', 'Max Welling']);
    expect(list(inc).candidates!.map((c) => c.title)).toEqual(['Attention is all you need', 'Deep residual learning for image recognition']);
    expect(list(inc).candidates![0]!.authors![6]).toBe('Łukasz Kaiser');
    expect(list(inc).oldStyle!.map((p) => p.id)).toEqual(['math/0211159']);
  });

  it('Mendeley: arxivId, double-braced titles, the user’s tags (mendeley-tags) rather than every keyword, annote as the note', async () => {
    const inc = await read('mendeley.bib');
    expect(list(inc).items).toEqual([
      expect.objectContaining({ paper: expect.objectContaining({ id: '1706.03762', title: 'Attention is all you need' }), tags: ['transformers'] }),
      expect.objectContaining({
        paper: expect.objectContaining({ id: '1406.2661', title: 'Generative Adversarial Networks' }),
        tags: ['GAN', 'generative models'],
        note: 'The original GAN paper. Compare with WGAN.',
      }),
    ]);
    expect(list(inc).candidates!.map((c) => c.title)).toEqual(['ImageNet Classification with Deep Convolutional Neural Networks']);
  });

  it('arXiv’s own export, and Zotero’s (DOI, URL, Extra as note)', async () => {
    const arxiv = await read('arxiv.bib');
    expect(ids(arxiv)).toEqual(['1706.03762', '2407.21783']);
    expect(list(arxiv).oldStyle!.map((p) => p.id)).toEqual(['math/0211159']);
    const zotero = await read('zotero.bib');
    expect(ids(zotero)).toEqual(['1810.04805', '1402.1516']);
    // Zotero's `note` is its Extra field, not the user's note.
    expect(list(zotero).items.every((i) => i.note === undefined)).toBe(true);
    expect(list(zotero).items[1]!.tags).toEqual(['Mathematical Physics', 'Mathematics - Symplectic Geometry']);
  });
});

describe('RIS and CSL-JSON from Zotero', () => {
  it('RIS: TY GEN preprints by DOI and URL, dates, HTML notes as text (their paragraphs kept), tags', async () => {
    const inc = await read('zotero.ris');
    expect(inc.kind).toBe('ris');
    expect(list(inc).items[0]).toEqual({
      paper: {
        id: '1810.04805',
        title: 'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding',
        authors: ['Jacob Devlin', 'Ming-Wei Chang', 'Kenton Lee', 'Kristina Toutanova'],
        abstract:
          'We introduce a new language representation model called BERT, which stands for Bidirectional Encoder Representations from Transformers.',
        publishedAt: '2019-05-24',
      },
      tags: ['Computer Science - Computation and Language', 'to read'],
      note: 'Comment: 13 pages\n\nMasked language modelling & next sentence prediction.\n\nCompare with GPT: left-to-right only.',
    });
    expect(ids(inc)).toEqual(['1810.04805', '1402.1516']);
    expect(list(inc).skipped.map((s) => s.where)).toEqual(['record 3 (line 43)', 'record 4 (line 55)']);
    expect(list(inc).oldStyle!.map((p) => p.id)).toEqual(['quant-ph/9508027']);
    expect(list(inc).candidates!.map((c) => c.title)).toEqual(['Gravitational waves from a binary black hole merger']);
  });

  it('CSL-JSON: number (archive ID), DOI, dates with string years; Extra (note) is not the user’s note', async () => {
    const inc = await read('zotero.csl.json');
    expect(inc.kind).toBe('csljson');
    expect(list(inc).items.map((i) => [i.paper.id, i.paper.publishedAt, i.note])).toEqual([
      ['1810.04805', '2019-05-24', undefined],
      ['2302.13971', '2023-02-27', undefined],
    ]);
    expect(list(inc).skipped).toEqual([
      { where: 'item 3 (“ImageNet Classification with Deep Convolutional…”)', why: 'no arXiv id (arXiv number, URL or DOI)', reason: 'no-arxiv' },
      {
        where: 'item 4 (“The Large N Limit of Superconformal Field Theor…”)',
        why: 'hep-th/9711200 is an old-style arXiv id; Hugging Face lists papers by new-style ids only',
        reason: 'old-style',
      },
    ]);
    expect(list(inc).candidates![0]).toMatchObject({ title: 'ImageNet Classification with Deep Convolutional Neural Networks', year: 2012 });
  });
});

describe('PaperMemory', () => {
  let db: ShelfDB;
  beforeEach(() => {
    db = new ShelfDB(`pm-${Math.random()}`);
  });
  afterEach(() => db.delete());

  it('reads its memory: arXiv papers (old-style apart), a record of another source by its BibTeX’s eprint, the rest offered by title', async () => {
    const inc = await read('PaperMemory-data-2.3.2026-14.05.09.json');
    expect(inc.kind).toBe('papermemory');
    expect(ids(inc)).toEqual(['1703.10593', '2106.09685', '1602.03837']);
    expect(list(inc).items[0]).toEqual({
      paper: {
        id: '1703.10593',
        title: 'Unpaired Image-to-Image Translation using Cycle-Consistent Adversarial Networks',
        authors: ['Jun-Yan Zhu', 'Taesung Park', 'Phillip Isola', 'Alexei A. Efros'],
        githubRepo: 'https://github.com/junyanz/CycleGAN',
      },
      tags: ['GAN', 'image-translation'],
      note: 'Accepted @ ICCV 2017 -- [dblp.org]\nCycle loss: the idea to reuse for domain adaptation.',
      addedAt: Date.parse('2022-08-29T08:35:02.977Z'),
      priority: 3,
    });
    expect(list(inc).oldStyle).toMatchObject([{ where: 'paper Arxiv-hep-th_9711200', id: 'hep-th/9711200', tags: ['physics'], note: 'AdS/CFT' }]);
    expect(list(inc).candidates!.map((c) => [c.where, c.priority ?? 0])).toEqual([
      ['paper OR-ICLR-2022_EZNOb_uNpJk', 0],
      ['paper NeurIPS-2017_3f5ee243547dee91fbd053c1c4a845aa', 3],
      ['paper ACL-ACL-2020_2020.acl-main.405', 0],
    ]);
  });

  it('reads a memory from before data version 208 (bare arXiv ids as keys)', async () => {
    const inc = await read('PaperMemory-data-0.2.json');
    expect(list(inc).items).toEqual([
      {
        paper: {
          id: '1703.10593',
          title: 'Unpaired Image-to-Image Translation using Cycle-Consistent Adversarial Networks',
          authors: ['Jun-Yan Zhu', 'Taesung Park', 'Phillip Isola', 'Alexei A. Efros'],
        },
        tags: ['GAN'],
        note: 'cycle consistency',
        addedAt: Date.parse('2021-06-02T10:00:00.000Z'),
      },
    ]);
  });

  it('merges: favourite as High priority and added date where the library has none; the user’s own note and priority kept; twice changes nothing', async () => {
    // The library already has LoRA saved with a priority, and CycleGAN with a note.
    await setBookmarks(db, { ids: ['2106.09685', '1703.10593'], on: true, papers: [{ id: '2106.09685' }, { id: '1703.10593' }] }, 100);
    await setPriority(db, ['2106.09685'], 1, 101);
    await setNote(db, '1703.10593', 'my own note', 102);
    const text = fixture('import/PaperMemory-data-2.3.2026-14.05.09.json');
    const summary = await importIncoming(db, await readImportText(text), 1e12);
    expect(summary).toMatchObject({ added: 1, updated: 2, unchanged: 0, kind: 'papermemory' });
    expect(summary.candidates).toHaveLength(3);
    expect(summary.oldStyle).toHaveLength(1);
    expect(await db.entries.get('1703.10593')).toMatchObject({
      note: 'my own note',
      priority: 3,
      bookmarkedAt: 100,
      tags: ['GAN', 'image-translation'],
    });
    expect(await db.entries.get('2106.09685')).toMatchObject({ priority: 1, tags: ['fine-tuning'] });
    expect(await db.entries.get('1602.03837')).toMatchObject({
      bookmarkedAt: Date.parse('2022-11-20T18:30:00.000Z'),
      priority: 0,
      status: 'to-read',
      tags: ['physics', 'gravitational waves'],
      note: 'Published @ Phys. Rev. Lett. (2016)',
    });
    const again = await importIncoming(db, await readImportText(text), 2e12);
    expect(again).toMatchObject({ added: 0, updated: 0, unchanged: 3 });
  });
});
