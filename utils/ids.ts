/**
 * What an arXiv id looks like, and where one is found: in a link, a page path, a piece of text,
 * the site's embedded JSON. The one home of these rules (the content script uses the small ones).
 */

/** New-style arXiv ids, the only kind huggingface.co/papers serves: 2409.12345 (or 1501.0001 before 2015). */
export const PAPER_ID_RE = /^\d{4}\.\d{4,5}$/;

const JSON_ID = /"id":"(\d{4}\.\d{4,5})"/g;

/**
 * The paper ids an embedded JSON string holds, found without parsing it: the content script
 * decides with this which cards the JSON covers (parse/props.ts validates it later, elsewhere).
 */
export function idsInJson(raw: string): Set<string> {
  const ids = new Set<string>();
  for (const m of raw.matchAll(JSON_ID)) ids.add(m[1]!);
  return ids;
}

/**
 * `2409.12345`, `2409.12345v2` → `2409.12345`; anything else → undefined. Not URL-decoded: an id
 * is digits and a dot, and a malformed escape would throw.
 */
export function paperIdFromPath(segment: string): string | undefined {
  const id = segment.replace(/v\d+$/, '');
  return PAPER_ID_RE.test(id) ? id : undefined;
}

/** The paper id of a link such as `/papers/2409.12345` or `/papers/2409.12345#community`. */
export function paperIdFromHref(href: string | null): string | undefined {
  if (!href) return undefined;
  // The common case, checked without regex or decoding: "/papers/2409.12345".
  if (href.length <= 19 && href.startsWith('/papers/') && PAPER_ID_RE.test(href.slice(8))) return href.slice(8);
  const m = /^(?:https:\/\/huggingface\.co)?\/papers\/([^/?#]+)\/?(?:[?#].*)?$/.exec(href);
  return m?.[1] ? paperIdFromPath(m[1]) : undefined;
}

/** `…/papers/2409.12345`, `arxiv.org/abs/2409.12345v2`, `arxiv.org/pdf/2409.12345v1.pdf` → `2409.12345`. */
export function paperIdFromLink(link: string | undefined): string | undefined {
  if (!link) return undefined;
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return undefined;
  }
  const host = url.hostname.replace(/^www\./, '');
  const m =
    host === 'huggingface.co'
      ? /^\/papers\/([^/]+)\/?$/.exec(url.pathname)
      : host === 'arxiv.org'
        ? /^\/(?:abs|pdf)\/([^/]+?)(?:\.pdf)?\/?$/.exec(url.pathname)
        : null;
  const id = m?.[1]?.replace(/v\d+$/, '');
  return id && PAPER_ID_RE.test(id) ? id : undefined;
}

const NEW_ID = String.raw`\d{4}\.\d{4,5}`;
/** An arXiv or Hugging Face paper link, or an id alone (`2409.12345`, `arXiv:2409.12345v2`). */
const ID_IN_TEXT = new RegExp(
  String.raw`(?:arxiv\.org/(?:abs|pdf|html)/|huggingface\.co/papers/|10\.48550/arxiv\.|arxiv:\s*|(?<![\w./-]))(${NEW_ID})(?:v\d+)?(?![\d])`,
  'gi',
);

/** Every new-style arXiv id a piece of text names (deduplicated, in order). */
export function idsIn(text: string): string[] {
  return [...new Set([...text.matchAll(ID_IN_TEXT)].map((m) => m[1]!))].filter((id) => PAPER_ID_RE.test(id));
}

/** An old-style arXiv id (`hep-th/9901001`, `math.AG/0601001`) a piece of text names, if any. */
export function oldStyleIdIn(text: string): string | undefined {
  return /\b(?:arxiv:)?([a-z-]+(?:\.[A-Z]{2})?\/\d{7})(?:v\d+)?\b/i.exec(text)?.[1];
}

const ID_QUERY = /* @__PURE__ */ new RegExp(
  String.raw`^\s*(?:arxiv:\s*|(?:https?://)?(?:www\.)?(?:arxiv\.org/(?:abs|pdf|html)|huggingface\.co/papers)/)?` +
    String.raw`(\d{4}\.\d{4,5})(?:v\d+)?(?:\.pdf)?/?(?:[?#]\S*)?\s*$`,
  'i',
);

/**
 * The paper a search query names, when the whole query is an arXiv id (`2407.21783`,
 * `arXiv:2407.21783v2`) or a link to one on arXiv (abs, pdf, html) or huggingface.co/papers.
 */
export function paperIdFromText(text: string): string | undefined {
  const m = ID_QUERY.exec(text);
  return m?.[1];
}
