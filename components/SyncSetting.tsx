import type { Actions } from '../utils/ui/actions';
import { useSync } from '../utils/ui/useSync';

/** The sync switch, the "last synced" line, and what syncs and what does not. */
export function SyncSetting({ actions }: { actions: Actions }) {
  const sync = useSync();
  return (
    <div class="sync-setting">
      <label class="check">
        <input type="checkbox" data-testid="sync-toggle" checked={sync?.on ?? true} onChange={(e) => void actions.setSync(e.currentTarget.checked)} />
        Sync with your other devices through the browser's own sync
      </label>
      <p class="sync-note">Bookmarks, status, tags, priority, notes and settings sync; each device fetches the papers' details itself.</p>
      {sync && (
        <p class="sync-status" data-testid="sync-status" aria-live="polite">
          {sync.text.line}
          {sync.text.usage && ` · ${sync.text.usage}`}
        </p>
      )}
      {sync?.text.leftOut && <p class="sync-note">{sync.text.leftOut}</p>}
      {sync?.text.problem && (
        <p class="sync-note sync-problem" role="status">
          {sync.text.problem}
        </p>
      )}
    </div>
  );
}
