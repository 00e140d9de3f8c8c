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

/** arXiv's archives before April 2007, when ids were `archive/YYMMNNN` (`hep-th/9901001`). */
const OLD_ARCHIVES =
  'acc-phys|adap-org|alg-geom|ao-sci|astro-ph|atom-ph|bayes-an|chao-dyn|chem-ph|cmp-lg|comp-gas|cond-mat|cs|dg-ga|funct-an|gr-qc|' +
  'hep-ex|hep-lat|hep-ph|hep-th|math|math-ph|mtrl-th|nlin|nucl-ex|nucl-th|patt-sol|physics|plasm-ph|q-alg|q-bio|quant-ph|solv-int|supr-con';
/** An archive, perhaps its subject class (`math.AG`, `cs.DS`), a slash, the year, month and number. */
const OLD_ID = String.raw`(?:${OLD_ARCHIVES})(?:\.[A-Za-z][A-Za-z-]*)?/\d{2}(?:0[1-9]|1[0-2])\d{3}`;

/** An old-style arXiv id as written (`hep-th/9901001`, `math.AG/0601001`), without a version. */
export const OLD_STYLE_ID_RE = new RegExp(`^${OLD_ID}$`, 'i');
const OLD_IN_TEXT = new RegExp(String.raw`(?:10\.48550/arxiv\.|(?<![\w.-]))(${OLD_ID})(?:v\d+)?(?!\d)`, 'i');
const OLD_EPRINT = new RegExp(String.raw`^(${OLD_ID})(?:v\d+)?$`, 'i');

/** An old-style arXiv id a piece of text names, if any, as written there (its version dropped). */
export function oldStyleIdIn(text: string): string | undefined {
  return OLD_IN_TEXT.exec(text)?.[1];
}

/** The arXiv paper a record names; `oldStyle` when its id is of the kind Hugging Face does not list. */
export interface ArxivRef {
  id: string;
  oldStyle?: true;
}

/** The first arXiv paper a piece of text names: a new-style id, else an old-style one. */
export function arxivRefIn(text: string): ArxivRef | undefined {
  const id = idsIn(text)[0];
  if (id) return { id };
  const old = oldStyleIdIn(text);
  return old ? { id: old, oldStyle: true } : undefined;
}

/**
 * What an eprint-like field names: `2302.06984`, `arXiv:2302.06984v2`, `hep-th/9901001`, or the
 * old-style number alone with its class given apart (`9901001` and `hep-th`, as biblatex's
 * `eprintclass` or BibTeX's `primaryClass` may write it).
 */
export function eprintRef(value: string, primaryClass?: string): ArxivRef | undefined {
  const v = value.trim().replace(/^arxiv:\s*/i, '');
  const fresh = /^(?:[a-z-]+(?:\.[a-z-]+)?\/)?(\d{4}\.\d{4,5})(?:v\d+)?$/i.exec(v)?.[1];
  if (fresh && PAPER_ID_RE.test(fresh)) return { id: fresh };
  const old = OLD_EPRINT.exec(v)?.[1];
  if (old) return { id: old, oldStyle: true };
  const digits = /^(\d{7})(?:v\d+)?$/.exec(v)?.[1];
  const joined = digits && primaryClass ? `${primaryClass.trim()}/${digits}` : undefined;
  if (joined && OLD_STYLE_ID_RE.test(joined)) return { id: joined, oldStyle: true };
  return arxivRefIn(v);
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
