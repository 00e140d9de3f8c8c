/** A short message in the page's corner, for what the user must know (a failed save). */
export function showToast(doc: Document, message: string, ms = 6000) {
  let box = doc.querySelector<HTMLElement>('[data-hfp-ui="toast"]');
  if (!box) {
    box = doc.createElement('div');
    box.dataset.hfpUi = 'toast';
    box.className = 'hfp-toast';
    box.setAttribute('role', 'alert');
    doc.body.append(box);
  }
  box.textContent = message;
  box.hidden = false;
  clearTimeout(Number(box.dataset.timer));
  box.dataset.timer = String(setTimeout(() => (box.hidden = true), ms));
}
