import { STATUS_LABEL, STATUSES, type Status, type Tag } from '../utils/model';
import type { Actions } from '../utils/ui/actions';
import { TagInput } from './TagInput';
import { FORMATS, type FormatKey } from '../utils/export';
import { runExport } from '../utils/ui/exporter';
import type { Notify } from '../utils/ui/actions';
import { ORDER } from './ExportPanel';
import type { ComponentChildren } from 'preact';

interface Props {
  ids: string[];
  tags: Tag[];
  actions: Actions;
  notify: Notify;
  onSelectAll: () => void;
  onClear: () => void;
  /** More for the selected papers (Send to Zotero). */
  children?: ComponentChildren;
}

/** What can be done to the selected papers at once. */
export function BulkBar({ ids, tags, actions, notify, onSelectAll, onClear, children }: Props) {
  return (
    <div class="bulk-bar" role="toolbar" aria-label={`${ids.length} selected`}>
      <strong>{ids.length} selected</strong>
      <button type="button" class="link-button" onClick={onSelectAll}>
        Select all shown
      </button>
      <TagInput tags={tags} label="Tag the selected" onAdd={(name) => void actions.addTags(ids, [name])} />
      <select
        aria-label="Set the status of the selected"
        value=""
        onChange={(e) => {
          const s = e.currentTarget.value as Status;
          if (s) void actions.setStatus(ids, s);
          e.currentTarget.value = '';
        }}
      >
        <option value="">Set status…</option>
        {STATUSES.map((s) => (
          <option key={s} value={s}>
            {STATUS_LABEL[s]}
          </option>
        ))}
      </select>
      <select
        aria-label="Export the selected"
        value=""
        onChange={(e) => {
          const f = e.currentTarget.value as FormatKey;
          e.currentTarget.value = '';
          if (f) void runExport({ format: f, ids }, notify);
        }}
      >
        <option value="">Export as…</option>
        {ORDER.map((f) => (
          <option key={f} value={f}>
            {FORMATS[f].label}
          </option>
        ))}
      </select>
      {children}
      <button
        type="button"
        class="button danger"
        onClick={() => {
          void actions.remove(ids);
          onClear();
        }}
      >
        Remove
      </button>
      <button type="button" class="link-button" onClick={onClear}>
        Clear selection
      </button>
    </div>
  );
}
