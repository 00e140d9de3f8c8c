/**
 * Fuzzing the site parser over mutated real pages: whatever the page, nothing throws, no card is
 * invented where the page links to no paper, every field read is valid. CI runs 3,000 page cases
 * (a fixed seed); `npm run fuzz` runs FUZZ_RUNS per page kind (2,500 × 4: 10,000).
 */
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PAPER_ID_RE } from '../../utils/ids';
import { PaperFieldsSchema } from '../../utils/model';
import { BASES, linkedIds, mutate, mutation, PARSER_RUNS, recycledDocuments, REPLAY } from '../harness/mutate';
import { parseDocument } from '../harness/parse-page';
import { parseHtml } from './helpers';

describe('parser fuzz', () => {
  for (const base of BASES) {
    it(`${base.name}: never throws, never invents a card, every field valid (${PARSER_RUNS} cases)`, async () => {
      const cards0 = parseDocument(parseHtml(base.html), base.url, new Date()).cards.length;
      expect(cards0).toBeGreaterThan(0);
      const docs = recycledDocuments(base.html, base.url);
      try {
        await fc.assert(
          fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 10 }), async (muts) => {
            const doc = await docs.next();
            for (const m of muts) mutate(doc, m);
            const parsed = parseDocument(doc, base.url, new Date());
            const linked = linkedIds(doc, base.url);
            const els = new Set<Element>();
            for (const card of parsed.cards) {
              expect(card.fields.id).toMatch(PAPER_ID_RE);
              expect(linked.has(card.fields.id), `card ${card.fields.id} not linked on the page`).toBe(true);
              expect(els.has(card.el), 'one element read as two cards').toBe(false);
              els.add(card.el);
              expect(PaperFieldsSchema.safeParse(card.fields).success, JSON.stringify(card.fields).slice(0, 300)).toBe(true);
            }
          }),
          { numRuns: PARSER_RUNS, ...REPLAY },
        );
      } finally {
        await docs.close();
      }
    }, 1_800_000);
  }
});
