import { useEffect, useRef } from 'preact/hooks';
import type { Zotero } from '../utils/ui/useZotero';

const papers = (n: number) => `${n} paper${n === 1 ? '' : 's'}`;

/**
 * "Send to Zotero", step by step: the browser's permission, where Zotero will save (with Send and
 * Cancel), the progress, and what came of it. One per page; the buttons start it.
 */
export function ZoteroDialog({ zotero }: { zotero: Zotero }) {
  const s = zotero.state;
  const focus = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    focus.current?.focus();
  }, [s.step]);
  if (s.step === 'idle') return null;
  const busy = s.step === 'asking' || s.step === 'finding' || s.step === 'sending';

  return (
    <div class="zotero-backdrop">
      <section
        class="zotero-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="zotero-head"
        aria-busy={busy}
        data-testid="zotero-dialog"
        onKeyDown={(e) => {
          if (e.key === 'Escape' && s.step !== 'sending') zotero.close();
        }}
      >
        <h2 id="zotero-head">Send to Zotero</h2>
        {s.step === 'asking' && (
          <p class="muted" role="status">
            Your browser asks whether HF Papers Shelf may reach Zotero on this computer (127.0.0.1). Choose “Allow” to send.
          </p>
        )}
        {s.step === 'finding' && (
          <p class="muted" role="status">
            Looking for Zotero on this computer…
          </p>
        )}
        {s.step === 'confirm' && (
          <>
            <p data-testid="zotero-collection">
              {papers(s.count)} will go to <strong>{s.label}</strong>, the collection selected in Zotero.
            </p>
            {s.alreadySent > 0 && (
              <p class="muted" data-testid="zotero-already">
                {s.alreadySent === s.count ? (s.count === 1 ? 'It was' : 'All were') : `${s.alreadySent} of them were`} sent to this Zotero library
                before and will be skipped (you can send {s.alreadySent === 1 ? 'it' : 'them'} again afterwards).
              </p>
            )}
            <p class="muted hint">To save elsewhere, select another collection in Zotero, then send again.</p>
            <div class="zotero-actions">
              <button ref={focus} type="button" class="button primary" data-testid="zotero-confirm" onClick={zotero.send}>
                Send {papers(s.count - s.alreadySent)}
              </button>
              <button type="button" class="button" onClick={zotero.cancel}>
                Cancel
              </button>
            </div>
          </>
        )}
        {s.step === 'sending' && (
          <>
            <p data-testid="zotero-collection">
              Sending to <strong>{s.label}</strong>…
            </p>
            <progress value={s.done} max={s.total || 1} aria-label={`Sent ${s.done} of ${papers(s.total)}`} />
            <div class="zotero-actions">
              <button type="button" class="button" disabled={s.stopping} onClick={zotero.cancel}>
                {s.stopping ? 'Stopping after this batch…' : 'Cancel'}
              </button>
            </div>
          </>
        )}
        {s.step === 'done' && (
          <>
            <p
              data-testid="zotero-message"
              data-kind={s.kind}
              role={s.kind === 'ok' ? 'status' : 'alert'}
              class={s.kind === 'ok' ? '' : 'zotero-problem'}
            >
              {s.message}
            </p>
            {zotero.summary && <p class="muted">{zotero.summary}</p>}
            <div class="zotero-actions">
              {!!s.report?.alreadySent.length && (
                <button type="button" class="button" data-testid="zotero-send-again" onClick={zotero.sendAgain}>
                  Send again ({s.report.alreadySent.length})
                </button>
              )}
              <button ref={focus} type="button" class="button" onClick={zotero.close}>
                Close
              </button>
            </div>
          </>
        )}
        {busy && s.step !== 'sending' && (
          <div class="zotero-actions">
            <button type="button" class="button" onClick={zotero.cancel}>
              Cancel
            </button>
          </div>
        )}
      </section>
    </div>
  );
}
