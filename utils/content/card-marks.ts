/**
 * What a card's root shows besides its buttons: `data-hfp-marks` (space-separated words among
 * `new`, `seen`, `saved`, `followed`, `dismissed`: a public hook, and what public/papers-triage.css
 * highlights, dims and hides by) and `data-hfp-reason`, why it is highlighted ("follows: Yann
 * LeCun"), which the stylesheet shows as text (CSS `attr()` never makes HTML). Two attributes,
 * no element: a 100-card page pays two writes a card.
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
  const reason = s.follows?.join(' · ');
  if (!reason) root.removeAttribute('data-hfp-reason');
  else if (root.getAttribute('data-hfp-reason') !== reason) root.setAttribute('data-hfp-reason', reason);
}
