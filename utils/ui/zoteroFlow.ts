/**
 * The steps of "Send to Zotero", one send at a time per page: the permission (asked inside the
 * user's click), Zotero found and where it will save shown with Send and Cancel, the send with its
 * progress (cancellable between batches), and the summary with "Send again" for papers sent
 * before. Every failure ends on its message (utils/zotero/outcome.ts). No Preact here: the hook
 * (useZotero.ts) renders these states, tests drive this class directly.
 */
import type { ProblemKind, SendReport } from '../zotero/outcome';
import { PERMISSION_MISSING } from '../zotero/outcome';
import { targetLabel, type ZoteroTarget } from '../zotero/target';
import { prepareSend, runSend, type SendEnv } from './zoteroSend';

export interface FlowEnv extends SendEnv {
  /** The browser's request for the optional permission. Called synchronously inside the click: Firefox allows it only there. */
  requestPermission: () => Promise<boolean>;
}

export type FlowState =
  | { step: 'idle' }
  /** The browser is asking the user for the permission. */
  | { step: 'asking' }
  | { step: 'finding' }
  | { step: 'confirm'; target: ZoteroTarget; label: string; count: number; alreadySent: number }
  | { step: 'sending'; label: string; done: number; total: number; stopping: boolean }
  | { step: 'done'; kind: 'ok' | ProblemKind; message: string; report?: SendReport };

export type Papers = readonly string[] | (() => Promise<readonly string[]> | readonly string[]);

const IDLE: FlowState = { step: 'idle' };

/** "12 sent to Zotero · 3 already sent · 1 not sent": what became of the papers, in short. */
export function summaryOf(r: SendReport): string {
  const parts = [`${r.sent.length} sent to Zotero`];
  if (r.alreadySent.length) parts.push(`${r.alreadySent.length} already sent`);
  if (r.unsent.length) parts.push(`${r.unsent.length} not sent`);
  if (r.uncertain.length) parts.push(`${r.uncertain.length} uncertain`);
  return parts.join(' · ');
}

function ask(request: () => Promise<boolean>): Promise<boolean> {
  try {
    // A browser refuses a request made outside a user's action by throwing or rejecting: that is a refusal too.
    return request().catch(() => false);
  } catch {
    return Promise.resolve(false);
  }
}

export class ZoteroFlow {
  private state: FlowState = IDLE;
  /** Each start or send is a run; the answers of an abandoned run are dropped. */
  private run = 0;
  private ids: readonly string[] = [];
  private target?: ZoteroTarget;
  private stop?: AbortController;
  /** Whether the permission was granted, when known (then no prompt will show). */
  granted?: boolean;

  constructor(
    readonly env: FlowEnv,
    private readonly onChange: (s: FlowState) => void = () => {},
  ) {}

  get current(): FlowState {
    return this.state;
  }

  private set(run: number, s: FlowState) {
    if (run !== this.run) return;
    this.state = s;
    this.onChange(s);
  }

  /** From the user's click: asks for the permission before anything else, then finds Zotero. */
  start(papers: Papers): Promise<void> {
    if (this.state.step === 'sending') return Promise.resolve();
    const asked = ask(this.env.requestPermission);
    const run = ++this.run;
    this.set(run, this.granted ? { step: 'finding' } : { step: 'asking' });
    return this.find(run, asked, papers);
  }

  private async find(run: number, asked: Promise<boolean>, papers: Papers) {
    try {
      this.granted = await asked;
      if (!this.granted) return this.set(run, { step: 'done', ...PERMISSION_MISSING });
      this.set(run, { step: 'finding' });
      const ids = typeof papers === 'function' ? await papers() : papers;
      const found = await prepareSend(ids, this.env);
      if (found.kind !== 'ok') return this.set(run, { step: 'done', kind: found.kind, message: found.message });
      if (run !== this.run) return;
      this.ids = ids;
      this.target = found.target;
      this.set(run, { step: 'confirm', target: found.target, label: targetLabel(found.target), count: ids.length, alreadySent: found.alreadySent });
    } catch (err) {
      this.set(run, { step: 'done', kind: 'error', message: `Could not get ready to send: ${err instanceof Error ? err.message : String(err)}` });
    }
  }

  /** The user said Send: papers sent to this library before are skipped (and counted). */
  send(): Promise<void> {
    const s = this.state;
    if (s.step !== 'confirm') return Promise.resolve();
    return this.sendIds(this.ids, s.target, false, s.count - s.alreadySent);
  }

  /** The user chose "Send again" for the papers skipped as sent before. */
  sendAgain(): Promise<void> {
    const s = this.state;
    if (s.step !== 'done' || !s.report?.alreadySent.length || !this.target) return Promise.resolve();
    const ids = s.report.alreadySent;
    return this.sendIds(ids, this.target, true, ids.length);
  }

  private async sendIds(ids: readonly string[], target: ZoteroTarget, force: boolean, total: number) {
    const run = ++this.run;
    const stop = new AbortController();
    this.stop = stop;
    const label = targetLabel(target);
    this.set(run, { step: 'sending', label, done: 0, total, stopping: false });
    try {
      const out = await runSend(
        ids,
        {
          target,
          force,
          signal: stop.signal,
          onProgress: (done, all) => this.set(run, { step: 'sending', label, done, total: all, stopping: stop.signal.aborted }),
        },
        this.env,
      );
      this.set(run, { step: 'done', kind: out.kind, message: out.message, report: out.report });
    } catch (err) {
      this.set(run, { step: 'done', kind: 'error', message: `Could not send to Zotero: ${err instanceof Error ? err.message : String(err)}` });
    } finally {
      if (this.stop === stop) this.stop = undefined;
    }
  }

  /** Cancel: before sending, forgets the send; while sending, stops after the batch under way. */
  cancel() {
    const s = this.state;
    if (s.step === 'sending') {
      this.stop?.abort();
      this.set(this.run, { ...s, stopping: true });
      return;
    }
    this.close();
  }

  /** Back to idle (not while sending: that needs cancel). */
  close() {
    if (this.state.step === 'sending') return;
    this.set(++this.run, IDLE);
  }
}
