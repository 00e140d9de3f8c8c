/** Saves text (whole, or in parts) as a file through the browser's own download (no `downloads` permission needed). */
export function download(name: string, text: string | string[], mime: string) {
  const url = URL.createObjectURL(new Blob(typeof text === 'string' ? [text] : text, { type: `${mime};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later, not at once: Firefox reads the blob after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
