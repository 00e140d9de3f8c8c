import type { SavedPaper } from '../utils/db/queries';

export function paperUrl(id: string) {
  return `https://huggingface.co/papers/${id}`;
}

export function authorLine(p: Pick<SavedPaper, 'authors' | 'authorCount'>, shown = 3): string {
  const total = Math.max(p.authorCount ?? 0, p.authors.length);
  if (!total) return '';
  const names = p.authors.slice(0, shown).join(', ');
  const more = total - Math.min(shown, p.authors.length);
  if (!names) return `${total} authors`;
  return more > 0 ? `${names} +${more}` : names;
}

export function PaperRow({ paper }: { paper: SavedPaper }) {
  return (
    <li class="row" data-testid="paper-row" data-paper-id={paper.id}>
      <a class="row-title" href={paperUrl(paper.id)} target="_blank" rel="noreferrer">
        {paper.title}
      </a>
      <div class="row-meta">
        <span>{authorLine(paper)}</span>
        {paper.publishedAt && <span>{paper.publishedAt}</span>}
        {paper.upvotes !== undefined && <span aria-label={`${paper.upvotes} upvotes`}>▲ {paper.upvotes}</span>}
      </div>
    </li>
  );
}
