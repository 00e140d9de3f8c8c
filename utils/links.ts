/** Where a paper lives, from its arXiv id; and the one check every site-given link passes. */
export const hfUrl = (id: string) => `https://huggingface.co/papers/${id}`;
export const arxivUrl = (id: string) => `https://arxiv.org/abs/${id}`;
export const pdfUrl = (id: string) => `https://arxiv.org/pdf/${id}`;
/** arXiv registers a DataCite DOI for every paper. */
export const arxivDoi = (id: string) => `10.48550/arXiv.${id}`;

/** The link if it is http(s), else nothing: a `javascript:` or `data:` URL never reaches a page or a file. */
export function safeHttpUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/** `owner/repo` or a full GitHub URL, as a URL. */
export function githubUrl(repo: string | undefined): string | undefined {
  if (!repo) return undefined;
  return safeHttpUrl(/^[\w.-]+\/[\w.-]+$/.test(repo) ? `https://github.com/${repo}` : repo);
}
