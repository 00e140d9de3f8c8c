/**
 * The relevance contract of the library search (issue 12), on a library where every query has
 * look-alikes to lose to: ids and links, pasted titles, names with digits, dots and hyphens,
 * misspelt long words, authors' full names, several words, and the true count.
 */
import { describe, expect, it } from 'vitest';
import { LibraryIndex, type SearchDoc } from '../../utils/search/index';

const doc = (id: string, title: string, over: Partial<SearchDoc> = {}): SearchDoc => ({
  id,
  title,
  authors: [],
  tags: [],
  note: '',
  abstract: '',
  ...over,
});

const LIBRARY: SearchDoc[] = [
  doc('2407.21783', 'The Llama 3 Herd of Models', { authors: ['Abhimanyu Dubey', 'Abhinav Jauhri'] }),
  doc('2407.10671', 'Llama 3.1 Scaling Notes', { authors: ['Abhinav Pandey'] }),
  doc('2307.09288', 'Llama 2: Open Foundation and Fine-Tuned Chat Models', { authors: ['Hugo Touvron'] }),
  doc('2502.13923', 'Qwen2.5-VL Technical Report', { authors: ['Shuai Bai', 'Keqin Chen'] }),
  doc('2409.12191', 'Qwen2-VL: Enhancing Vision-Language Model Perception', { authors: ['Peng Wang', 'Shuai Bai'] }),
  doc('2503.20215', 'Qwen2.5-Omni Technical Report', { authors: ['Jin Xu'] }),
  doc('2410.21276', 'GPT-4o System Card', { abstract: 'GPT-4o is an autoregressive omni model.' }),
  doc('2412.00001', 'Distilling GPT-4o-mini into Small Students'),
  doc('2303.08774', 'GPT-4 Technical Report'),
  doc('2501.12948', 'DeepSeek-R1: Incentivizing Reasoning Capability in LLMs via Reinforcement Learning'),
  doc('2506.09985', 'V-JEPA 2: Self-Supervised Video Models Enable Understanding, Prediction and Planning'),
  doc('2404.08471', 'Revisiting Feature Prediction for Learning Visual Representations from Video (V-JEPA)'),
  doc('2601.00042', 'QX00042: A Lab Model for Tables'),
  doc('2601.08942', 'QX08942: A Lab Model for Charts'),
  doc('2601.03242', 'QX03242: A Lab Model for Plots'),
  doc('2601.00420', 'QX00420 Evaluation', { note: 'compare with QX00042 later' }),
  doc('2602.00001', 'Code Obfuscation against Language Model Attacks'),
  doc('2602.00002', 'Representation Learning with Contrastive Predictive Coding', { authors: ['Aaron van den Oord'] }),
  doc('2602.00003', 'A Tokenizer-Free Byte Transformer'),
  doc('2602.00004', 'Progressive Distillation for Fast Sampling of Diffusion Models', { authors: ['Tim Salimans', 'Jonathan Ho'] }),
  doc('2602.00005', 'Denoising Diffusion Probabilistic Models', { authors: ['Jonathan Ho', 'Ajay Jain', 'Pieter Abbeel'] }),
  doc('2602.00006', 'Classifier-Free Diffusion Guidance', { authors: ['Jonathan Ho', 'Tim Salimans'] }),
  doc('2602.00007', 'Video Diffusion Models', { authors: ['Jonathan Ho', 'Tim Salimans'] }),
  doc('2602.00008', 'Diffusion Models for Molecules', { authors: ['Jonathan Heek', 'Wei Ho'] }),
  doc('2602.00009', 'Models of Diffusion in Porous Media', { authors: ['Jonathan Smith', 'Ho Tin'] }),
  doc('2602.00010', 'Latent Diffusion Models', { abstract: 'High-resolution image synthesis with latent diffusion models.' }),
  doc('2602.00011', 'Latent Consistency Models', { tags: ['diffusion'] }),
  doc('2602.00012', 'Think-at-Hard: Selective Latent Iterations to Improve Reasoning Language Models'),
  doc('2602.00013', 'Selective Latent Iterations to Improve Language Models: Reasoning at Hard Tokens'),
];

function library() {
  const index = new LibraryIndex();
  index.update(LIBRARY);
  while (index.indexText()) {}
  return index;
}
const first = (index: LibraryIndex, q: string) => index.search(q).ids[0];
const top = (index: LibraryIndex, q: string, n: number) => index.search(q).ids.slice(0, n);

describe('relevance contract', () => {
  const index = library();

  it('an arXiv id, an arXiv link or a huggingface.co link brings its paper first', () => {
    const forms = [
      '2407.21783',
      ' 2407.21783v2 ',
      'arXiv:2407.21783',
      'https://arxiv.org/abs/2407.21783',
      'https://arxiv.org/pdf/2407.21783v1.pdf',
      'http://www.arxiv.org/abs/2407.21783',
      'https://huggingface.co/papers/2407.21783',
      'huggingface.co/papers/2407.21783#community',
    ];
    for (const q of forms) {
      expect(first(index, q), q).toBe('2407.21783');
    }
    expect(index.search('https://arxiv.org/abs/2607.99999')).toEqual({ ids: [], total: 0, complete: false });
  });

  it('a full title brings its paper first, however pasted, over a title of the same words', () => {
    const title = 'Think-at-Hard: Selective Latent Iterations to Improve Reasoning Language Models';
    expect(first(index, title)).toBe('2602.00012');
    expect(first(index, title.toLowerCase().replace(': ', ':\n'))).toBe('2602.00012');
    expect(first(index, 'Selective Latent Iterations to Improve Language Models: Reasoning at Hard Tokens')).toBe('2602.00013');
    expect(first(index, 'The Llama 3 Herd of Models')).toBe('2407.21783');
  });

  it('a name with digits, dots or hyphens finds its paper first, not its siblings', () => {
    expect(first(index, 'Qwen2.5-VL')).toBe('2502.13923');
    expect(first(index, 'qwen2.5-vl')).toBe('2502.13923');
    expect(first(index, 'Qwen2.5 VL')).toBe('2502.13923');
    expect(first(index, 'qwen2-vl')).toBe('2409.12191');
    expect(first(index, 'Qwen2.5-Omni')).toBe('2503.20215');
    expect(first(index, 'GPT-4o')).toBe('2410.21276');
    expect(index.search('GPT-4o').ids).not.toContain('2303.08774');
    expect(first(index, 'gpt-4')).toBe('2303.08774');
    expect(first(index, 'Llama 3')).toBe('2407.21783');
    expect(first(index, 'llama3')).toBe('2407.21783');
    expect(first(index, 'Llama 3.1')).toBe('2407.10671');
    expect(first(index, 'V-JEPA 2')).toBe('2506.09985');
    expect(top(index, 'R1', 3)).toContain('2501.12948');
  });

  it('a code finds the one title holding it, and its true count (QX00042 is not QX08942)', () => {
    const result = index.search('QX00042');
    expect(result.ids).toEqual(['2601.00042', '2601.00420']);
    expect(result.total).toBe(2);
    expect(index.search('qx08942')).toMatchObject({ ids: ['2601.08942'], total: 1 });
  });

  it('a long word with one letter dropped, doubled, swapped or wrong still finds its paper', () => {
    expect(top(index, 'Obfucation', 5)).toContain('2602.00001');
    expect(top(index, 'Reresentation', 5)).toContain('2602.00002');
    expect(top(index, 'Toenizer', 5)).toContain('2602.00003');
    expect(top(index, 'Progessive', 5)).toContain('2602.00004');
    expect(top(index, 'Progresssive', 5)).toContain('2602.00004');
    expect(top(index, 'Porgressive', 5)).toContain('2602.00004');
    expect(top(index, 'Progrwssive', 5)).toContain('2602.00004');
  });

  it("an author's full name brings their papers before those of namesakes", () => {
    const ho = ['2602.00004', '2602.00005', '2602.00006', '2602.00007'];
    expect(top(index, 'Jonathan Ho', 4).sort()).toEqual(ho);
    expect(top(index, 'jonathan ho', 4).sort()).toEqual(ho);
    expect(top(index, 'Tim Salimans', 3).sort()).toEqual(['2602.00004', '2602.00006', '2602.00007']);
  });

  it('several words list the papers holding all of them, and only those', () => {
    const result = index.search('latent diffusion');
    expect(result.ids).toEqual(['2602.00010', '2602.00011']);
    expect(result).toMatchObject({ total: 2, complete: true });
    expect(first(index, 'diffusion models')).not.toBe('2602.00011');
  });

  it('when no paper holds every word, lists those holding the most and says so', () => {
    const result = index.search('diffusion zebra');
    expect(result.complete).toBe(false);
    expect(result.ids).toContain('2602.00010');
  });

  it('the count is the number of matches, however many are listed', () => {
    const all = index.search('models', { limit: Infinity });
    const some = index.search('models', { limit: 3 });
    expect(some.ids).toEqual(all.ids.slice(0, 3));
    expect(some.total).toBe(all.ids.length);
    expect(all.total).toBeGreaterThan(10);
  });

  it('matches what is being typed, and takes no noise for a typo', () => {
    expect(first(index, 'obfusc')).toBe('2602.00001');
    expect(first(index, 'salim')).toBe('2602.00004');
    expect(index.search('zzqqxx').ids).toEqual([]);
    expect(index.search('   ').total).toBe(0);
  });
});
