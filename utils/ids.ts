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
