/** The end of every reader: what it found, or, when nothing can be imported, a refusal that says why. */
import { clip } from '../text';
import { ImportError, type OldStylePaper, type ReadResult, type TitleCandidate } from './types';

export function emptyResult(): ReadResult {
  return { items: [], skipped: [], candidates: [], oldStyle: [] };
}

/** "hep-th/9901001, math/0601001 and 3 more" */
export function someIds(papers: OldStylePaper[], shown = 3): string {
  const ids = papers.slice(0, shown).map((p) => p.id);
  return papers.length > shown ? `${ids.join(', ')} and ${papers.length - shown} more` : ids.join(', ');
}

export const OLD_STYLE_WHY = (id: string) => `${id} is an old-style arXiv id; Hugging Face lists papers by new-style ids only`;

/**
 * The result, if it holds a paper to import. Otherwise the file is refused: `none` says what it
 * lacks ("None of the 12 BibTeX entries names an arXiv paper…"), then what could still be done.
 */
export function finishRead(result: ReadResult, none: string): ReadResult {
  if (result.items.length) return result;
  const broken = result.skipped.filter((k) => k.reason === 'unreadable');
  const first = broken[0] ? ` ${broken.length} could not be read (${broken[0].where}: ${broken[0].why}${broken.length > 1 ? '; …' : ''}).` : '';
  throw new ImportError(`${none}${first} Nothing was imported.${afterword(result.candidates, result.oldStyle)}`, result.candidates, result.oldStyle);
}

function afterword(candidates: TitleCandidate[], oldStyle: OldStylePaper[]): string {
  let text = '';
  if (oldStyle.length) {
    text += ` ${oldStyle.length} name${oldStyle.length === 1 ? 's an old-style arXiv id' : ' old-style arXiv ids'} (${someIds(oldStyle)}): Hugging Face lists only papers from 2007 on.`;
  }
  if (candidates.length) {
    const one = candidates.length === 1;
    text += ` ${candidates.length} ${one ? 'has a title' : 'have titles'} that can be looked up on Hugging Face (“${clip(candidates[0]!.title, 50)}”${one ? '' : ', …'}).`;
  }
  return text;
}
