import type { Counts } from '../utils/catalog/view';
import type { ViewKey } from '../utils/model';
import { sinceText } from '../utils/ui/digest';

/**
 * Today, at a glance: new papers since the last visit, those matching follows, the reading list,
 * each a link to its view. The numbers are the views' own counts (the catalogue's), so a link
 * always opens a list of that length.
 */
export function Digest({ counts, setView }: { counts?: Counts; setView: (v: ViewKey) => void }) {
  if (!counts) return null;
  const lines: Array<{ view: ViewKey; count: number; text: string; extra?: string }> = [
    { view: 'new', count: counts.views.new, text: `new${sinceText(counts.newSince)}` },
    { view: 'followed', count: counts.views.followed, text: 'match your follows', extra: `${counts.followedUnread} unread` },
    { view: 'list', count: counts.views.list, text: 'on your reading list' },
  ];
  return (
    <section class="digest" data-testid="digest" aria-label="Today, at a glance">
      <ul>
        {lines.map((l) => (
          <li key={l.view}>
            <button type="button" class="link-button" data-testid={`digest-${l.view}`} data-count={l.count} onClick={() => setView(l.view)}>
              <strong>{l.count}</strong> {l.text}
            </button>
            {l.extra && <span class="muted"> · {l.extra}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
