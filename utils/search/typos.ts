/**
 * Every string one slip away from a word: a letter dropped, doubled or added, two swapped, one
 * wrong. About 55 × length strings, each looked up in the sorted terms: cheaper than any
 * fuzzy structure to keep, and nothing to store.
 */
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

export function oneSlip(word: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i <= word.length; i++) {
    const head = word.slice(0, i);
    const tail = word.slice(i);
    if (tail) out.add(head + tail.slice(1));
    if (tail.length > 1) out.add(head + tail[1] + tail[0] + tail.slice(2));
    for (const c of LETTERS) {
      out.add(head + c + tail);
      if (tail && c !== tail[0]) out.add(head + c + tail.slice(1));
    }
  }
  out.delete(word);
  return out;
}
