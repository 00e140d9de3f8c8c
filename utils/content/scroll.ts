/**
 * The side panel picked a card: the page scrolls to it and flashes it. A card the hide controls
 * took out is shown again (until the next page) so the reader sees what was picked.
 */
export function scrollToCard(doc: Document, id: string): boolean {
  const card = doc.querySelector<HTMLElement>(`[data-hfp-paper="${CSS.escape(id)}"]`);
  if (!card) return false;
  card.setAttribute('data-hfp-picked', '');
  card.removeAttribute('data-hfp-flash');
  // Restarted on the next frame, so picking the same card twice flashes it twice.
  requestAnimationFrame(() => card.setAttribute('data-hfp-flash', ''));
  card.scrollIntoView({ block: 'center', behavior: doc.defaultView?.matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
  setTimeout(() => card.removeAttribute('data-hfp-flash'), 1600);
  return true;
}
