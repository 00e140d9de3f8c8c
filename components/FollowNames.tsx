import type { Item } from '../utils/model';
import type { Actions } from '../utils/ui/actions';
import { useFollows } from '../utils/ui/useFollows';

/** In a paper's editor: follow (or unfollow) its organisation and each of its authors. */
export function FollowNames({ paper, actions }: { paper: Item; actions: Actions }) {
  const follows = useFollows();
  const org = paper.organization;
  const names: Array<['author' | 'org', string]> = [
    ...(org ? [['org', org.fullname || org.name] as ['org', string]] : []),
    ...paper.authors.map((a) => ['author', a] as ['author', string]),
  ];
  if (!names.length) return null;
  return (
    <details class="follow-names">
      <summary>Follow an author or the organisation</summary>
      <div class="follow-buttons">
        {names.map(([kind, name]) => {
          // The organisation may be followed by its hub name rather than its full name.
          const key = follows.keyOf(kind, name) ?? (kind === 'org' && org ? follows.keyOf('org', org.name) : undefined);
          return (
            <button
              key={`${kind}:${name}`}
              type="button"
              class="chip-button"
              data-follow-kind={kind}
              aria-pressed={key ? 'true' : 'false'}
              onClick={() => void (key ? actions.unfollow(key, name) : actions.follow(kind, name))}
            >
              {key ? 'Following' : 'Follow'} {name}
            </button>
          );
        })}
      </div>
    </details>
  );
}
