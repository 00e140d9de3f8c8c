import { useState } from 'preact/hooks';
import type { Tag } from '../utils/model';

interface Props {
  tags: Tag[];
  /** Tags already on the paper: not suggested again. */
  have?: string[];
  onAdd: (name: string) => void;
  label?: string;
}

/** A tag name with autocomplete from the existing tags (a native datalist); Enter adds it. */
export function TagInput({ tags, have = [], onAdd, label = 'Add a tag' }: Props) {
  const [value, setValue] = useState('');
  const haveKeys = new Set(have.map((t) => t.toLowerCase()));
  const listId = `tags-${label.replace(/\W+/g, '-').toLowerCase()}`;
  const add = () => {
    const name = value.trim();
    if (!name) return;
    onAdd(name);
    setValue('');
  };
  return (
    <span class="tag-input">
      <input
        data-testid="tag-input"
        type="text"
        list={listId}
        value={value}
        placeholder={label}
        aria-label={label}
        maxLength={64}
        onInput={(e) => setValue(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === ',') {
            e.preventDefault();
            add();
          }
        }}
      />
      <datalist id={listId}>
        {tags
          .filter((t) => !haveKeys.has(t.key))
          .map((t) => (
            <option key={t.key} value={t.name} />
          ))}
      </datalist>
    </span>
  );
}
