/** Small DOM builders for the card's menu: text always as text, never as HTML. */

export function el(doc: Document, tag: string, attrs: Record<string, string> = {}, ...children: Node[]): HTMLElement {
  const node = doc.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

export function button(doc: Document, text: string, attrs: Record<string, string> = {}): HTMLButtonElement {
  const b = el(doc, 'button', { type: 'button', ...attrs }) as HTMLButtonElement;
  b.textContent = text;
  return b;
}

/** A labelled control: the label's text, then the control. */
export function field(doc: Document, label: string, control: HTMLElement): HTMLElement {
  const caption = el(doc, 'span');
  caption.textContent = label;
  // A group of controls (the tags) is named by its caption; a single control is wrapped by its label.
  if (control.matches('select, input, textarea')) return el(doc, 'label', { class: 'hfp-menu-field' }, caption, control);
  const id = `hfp-menu-${label.toLowerCase()}`;
  caption.id = id;
  return el(doc, 'div', { class: 'hfp-menu-field', role: 'group', 'aria-labelledby': id }, caption, control);
}

/** A tag with its remove button. */
export function chip(doc: Document, name: string, onRemove: () => void): HTMLElement {
  const text = el(doc, 'span');
  text.textContent = name;
  const remove = button(doc, '×', { 'aria-label': `Remove tag ${name}`, 'data-hfp-action': 'tag-remove' });
  remove.onclick = onRemove;
  return el(doc, 'span', { class: 'hfp-menu-chip' }, text, remove);
}
