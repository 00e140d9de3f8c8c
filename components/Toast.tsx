import type { ToastState } from '../utils/ui/useToast';

/** One message at a time, with an undo when the change has one. Announced to screen readers. */
export function Toast({ toast, onClose }: { toast: ToastState | null; onClose: () => void }) {
  return (
    <div class="toast-area" role="status" aria-live="polite">
      {toast && (
        <div class="toast" key={toast.key}>
          <span>{toast.message}</span>
          {toast.undo && (
            <button
              type="button"
              class="link-button"
              onClick={() => {
                toast.undo!();
                onClose();
              }}
            >
              Undo
            </button>
          )}
          <button type="button" class="icon-button" aria-label="Dismiss" onClick={onClose}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
