/** New-style arXiv ids, the only kind huggingface.co/papers serves: 2409.12345 (or 1501.0001 before 2015). */
export const PAPER_ID_RE = /^\d{4}\.\d{4,5}$/;
