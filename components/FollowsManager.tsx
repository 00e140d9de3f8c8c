import { useState } from 'preact/hooks';
import { FOLLOW_KINDS, type FollowKind } from '../utils/model';
import type { Actions } from '../utils/ui/actions';
import type { Follows } from '../utils/ui/useFollows';

const KIND_LABEL: Record<FollowKind, string> = { author: 'Author', org: 'Organisation', keyword: 'Keyword' };
const HINT: Record<FollowKind, string> = {
  author: 'Full name, e.g. Yann LeCun',
  org: 'Hub or full name, e.g. deepseek-ai',
  keyword: 'Word or phrase, e.g. diffusion',
};

/** The library page's follows: add one (author, organisation or keyword), see what each matches, unfollow. */
export function FollowsManager({ follows, actions }: { follows: Follows; actions: Actions }) {
  const [kind, setKind] = useState<FollowKind>('author');
  const [value, setValue] = useState('');
  const add = () => {
    const text = value.trim();
    if (!text) return;
    void actions.follow(kind, text);
    setValue('');
  };
  return (
    <details class="follows" open>
      <summary>Follows</summary>
      <form
        class="follow-form"
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
      >
        <select data-testid="follow-kind" aria-label="Follow an" value={kind} onChange={(e) => setKind(e.currentTarget.value as FollowKind)}>
          {FOLLOW_KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABEL[k]}
            </option>
          ))}
        </select>
        <input
          data-testid="follow-input"
          type="text"
          value={value}
          maxLength={200}
          placeholder={HINT[kind]}
          aria-label={`${KIND_LABEL[kind]} to follow`}
          onInput={(e) => setValue(e.currentTarget.value)}
        />
        <button type="submit" class="button">
          Follow
        </button>
      </form>
      {follows.follows?.length ? (
        <ul class="follow-list">
          {follows.follows.map(({ follow, total, unread }) => (
            <li key={follow.key} class="follow-line" data-follow-key={follow.key}>
              <span class="follow-kind">{KIND_LABEL[follow.kind]}</span>
              <span class="follow-label">{follow.label}</span>
              <span class="count" title={`${total} paper${total === 1 ? '' : 's'}, ${unread} unread`}>
                {unread}/{total}
              </span>
              <button
                type="button"
                class="icon-button"
                aria-label={`Unfollow ${follow.label}`}
                onClick={() => void actions.unfollow(follow.key, follow.label)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">Cards of papers by the authors, organisations and keywords you follow are highlighted on the site.</p>
      )}
    </details>
  );
}
