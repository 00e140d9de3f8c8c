/**
 * What a card's root shows besides its buttons: `data-hfp-marks` (space-separated words among
 * `new`, `seen`, `saved`, `followed`, `dismissed`: a public hook, and what public/papers.css
 * highlights, dims and hides by) and the reason it is highlighted, as text.
 */

/** What this tab knows of a paper, beyond its button: visit, dismissed, follows, and the bookmark shown. */
export interface Shown {
  visit?: 'new' | 'seen';
  dismissed?: boolean;
  follows?: string[];
  bookmarked?: boolean;
}

export function paintCard(root: Element, s: Shown) {
  const words = [s.visit, s.bookmarked && 'saved', s.follows?.length && 'followed', s.dismissed && 'dismissed'].filter(Boolean).join(' ');
  if (root.getAttribute('data-hfp-marks') !== words) root.setAttribute('data-hfp-marks', words);
  const text = s.follows?.join(' · ');
  let label = root.querySelector(':scope > [data-hfp-ui="reason"]');
  if (!text) label?.remove();
  else {
    if (!label) {
      label = root.ownerDocument.createElement('span');
      label.setAttribute('data-hfp-ui', 'reason');
      root.append(label);
    }
    if (label.textContent !== text) label.textContent = text;
  }
}
