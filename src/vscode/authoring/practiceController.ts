// Practice mode in the editor: a status-bar timer through the interview phases, nudges when the
// doc shows a phase being skipped, and the review report at the end with a summary of the session.
// Stopping asks first (a stray click on the timer must not end an interview), and "Stop Practice
// Interview" is only in the palette while one runs. The timing and the nudges are decided by the
// pure PracticeSession; this class only shows them.
import * as vscode from 'vscode';
import { core } from '../loadCore';
import type { ActiveAnalysis, ActiveDesignDoc } from './activeDoc';
import { AUTHORING_COMMANDS } from './ids';
import type { Clock, PracticeEvent, PracticeSession } from './practice';
import { markWalkthroughStep, WALKTHROUGH_DONE } from './walkthrough';

const TICK_MS = 1000;

/** True while a practice session runs; the palette shows "Stop Practice Interview" only then. */
export const PRACTICE_RUNNING_CONTEXT = 'mlsd.practiceRunning';

/** The argument that stops without asking (tests; keybindings may pass it too). */
export interface StopOptions {
  confirmed?: boolean;
}

export interface PracticeState {
  running: boolean;
  /** The status-bar timer text, undefined when no session was started. */
  timer: string | undefined;
  phase: string | undefined;
  /** URI of the answer document. */
  document: string | undefined;
  /** Every message shown during the current (or last) session, in order. */
  messages: string[];
}

export interface PracticeHooks {
  /** Opens the answer document for a new session (the scenario, if given, skips the question); undefined when cancelled. */
  openAnswer(scenario?: unknown): Promise<vscode.TextDocument | undefined>;
  /** Shows the review report of the finished answer, with the session's summary appended. */
  showReview(document: vscode.TextDocument, practiceSummary: string): Promise<unknown>;
}

export class PracticeController implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('mlsd.practiceTimer', vscode.StatusBarAlignment.Left, 11);
  private session: PracticeSession | undefined;
  private document: vscode.TextDocument | undefined;
  private interval: ReturnType<typeof setInterval> | undefined;
  private messages: string[] = [];
  private nudges: string[] = [];
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly clock: Clock,
    private readonly activeDoc: ActiveDesignDoc,
    private readonly hooks: PracticeHooks,
  ) {
    this.item.name = vscode.l10n.t('mlsd practice timer');
    this.item.command = AUTHORING_COMMANDS.stopPractice;
    this.subscriptions = [
      vscode.commands.registerCommand(AUTHORING_COMMANDS.startPractice, (scenario?: unknown) => this.start(scenario)),
      vscode.commands.registerCommand(AUTHORING_COMMANDS.stopPractice, (options?: StopOptions) => this.stop(options)),
      activeDoc.onDidChange((analysis) => this.checkDoc(analysis)),
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (document === this.document && this.session) this.finishWithoutReview();
      }),
    ];
  }

  async start(scenario?: unknown): Promise<PracticeState> {
    const document = await this.hooks.openAnswer(scenario);
    if (!document) return this.state();
    this.finishWithoutReview();
    this.session = new (core().PracticeSession)(this.clock);
    this.document = document;
    this.messages = [];
    this.nudges = [];
    this.interval = setInterval(() => this.tick(), TICK_MS);
    this.setRunning(true);
    markWalkthroughStep(WALKTHROUGH_DONE.practiceStarted);
    this.say(vscode.l10n.t('Practice started: {0} minutes. Scope the problem and define metrics first.', this.session.totalMs / 60_000));
    this.tick();
    return this.state();
  }

  /** After a confirmation, ends the session and shows the review of the answer with the session's summary. */
  async stop(options?: StopOptions): Promise<PracticeState> {
    const session = this.session;
    const document = this.document;
    if (!session || session.snapshot().status === 'finished') {
      // A click on the finished timer puts it away.
      this.item.hide();
      return this.state();
    }
    if (options?.confirmed !== true && !(await this.confirmStop(session))) return this.state();
    if (session.stop().length === 0) return this.state();
    this.clearInterval();
    this.setRunning(false);
    this.render();
    if (document && !document.isClosed) {
      const analysis = this.activeDoc.analysis?.document === document ? this.activeDoc.analysis : await this.activeDoc.refresh();
      const model = analysis?.document === document ? analysis.result.model : undefined;
      if (model) this.nudges.push(...session.closingNudges(model, vscode.l10n.t).map((nudge) => nudge.message));
      const summary = model ? core().practiceSummaryMarkdown(session.snapshot(), session.phases, model, this.nudges, vscode.l10n.t) : '';
      await this.hooks.showReview(document, summary);
    }
    return this.state();
  }

  private async confirmStop(session: PracticeSession): Promise<boolean> {
    const snap = session.snapshot();
    const stop = vscode.l10n.t('Stop and Review');
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t('Stop the practice interview? You are in "{0}" after {1}.', snap.phase.title, core().formatDuration(snap.elapsedMs)),
      { modal: true },
      stop,
    );
    return choice === stop;
  }

  /** Re-reads the clock: phase changes, overtime and the timer text. Called every second. */
  tick(): PracticeState {
    if (this.session) {
      for (const event of this.session.advance()) this.announce(event);
      this.render();
    }
    return this.state();
  }

  state(): PracticeState {
    const snap = this.session?.snapshot();
    return {
      running: snap?.status === 'running',
      timer: snap && this.item.text,
      phase: snap?.phase.id,
      document: this.document?.uri.toString(),
      messages: [...this.messages],
    };
  }

  dispose(): void {
    this.clearInterval();
    for (const subscription of this.subscriptions) subscription.dispose();
    this.item.dispose();
  }

  private announce(event: PracticeEvent): void {
    if (event.kind === 'phase-started') {
      this.say(vscode.l10n.t('Next phase: {0} ({1} minutes).', event.phase.title, event.phase.minutes));
    } else if (event.kind === 'overtime') {
      this.say(vscode.l10n.t('Time is up. Wrap up, then stop practice to see the review.'));
    }
    const analysis = this.activeDoc.analysis;
    if (analysis) this.checkDoc(analysis);
  }

  private checkDoc(analysis: ActiveAnalysis | undefined): void {
    if (!this.session || !analysis || analysis.document !== this.document) return;
    for (const nudge of this.session.nudges(analysis.result.model, vscode.l10n.t)) {
      this.nudges.push(nudge.message);
      this.say(nudge.message, true);
    }
  }

  private render(): void {
    const session = this.session;
    if (!session) return;
    const snap = session.snapshot();
    const icon = snap.status === 'finished' ? '$(check)' : snap.totalRemainingMs <= 0 ? '$(warning)' : '$(watch)';
    this.item.text = `${icon} ${core().practiceTimerText(snap, session.phases.length, vscode.l10n.t)}`;
    this.item.tooltip =
      snap.status === 'running'
        ? vscode.l10n.t('mlsd practice: click to stop and see the review')
        : vscode.l10n.t('mlsd practice: click to hide');
    this.item.show();
  }

  private say(message: string, warning = false): void {
    this.messages.push(message);
    if (warning) void vscode.window.showWarningMessage(message);
    else void vscode.window.showInformationMessage(message);
  }

  private finishWithoutReview(): void {
    this.session?.stop();
    this.clearInterval();
    this.setRunning(false);
    this.render();
  }

  private setRunning(running: boolean): void {
    void vscode.commands.executeCommand('setContext', PRACTICE_RUNNING_CONTEXT, running);
  }

  private clearInterval(): void {
    if (this.interval !== undefined) clearInterval(this.interval);
    this.interval = undefined;
  }
}
