// Follows the design doc the user works on and its latest analysis, so the status bar, the coverage
// view, practice mode and the "this document" commands all show and act on the same result without
// analysing the document more than once. The active editor is that doc when it is a design doc;
// when it is something else (the design review, a README, the Welcome page, no editor at all) the
// last active design doc stays, as long as it is open.
import * as vscode from 'vscode';
import type { AnalysisResult } from '../../core/types';
import { isShownReview } from './reviewCommand';

/** What authoring needs from the extension: the cached analysis of an open document. */
export interface DocumentAnalysisSource {
  analyzeDocument(document: vscode.TextDocument): Promise<AnalysisResult | undefined>;
}

export interface ActiveAnalysis {
  document: vscode.TextDocument;
  /** The document version the result was computed for. */
  version: number;
  result: AnalysisResult;
}

/** Same pause as the diagnostics, so both views settle together. */
const TYPING_DELAY_MS = 300;

/** True while there is a design doc to show and act on; `when` clauses of the contributions read it. */
export const HAS_DESIGN_DOC_CONTEXT = 'mlsd.hasDesignDoc';

export class ActiveDesignDoc implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<ActiveAnalysis | undefined>();
  readonly onDidChange = this.emitter.event;
  private current: ActiveAnalysis | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private request = 0;
  private readonly subscriptions: vscode.Disposable[];

  /**
   * `followsTyping` says whether a document's views update as it is edited, or only when mlsd
   * publishes its diagnostics (`published`: on save, or a setting or config changed).
   */
  constructor(
    private readonly source: DocumentAnalysisSource,
    private readonly followsTyping: (document: vscode.TextDocument) => boolean,
    published: vscode.Event<vscode.Uri>,
  ) {
    this.subscriptions = [
      this.emitter,
      vscode.window.onDidChangeActiveTextEditor(() => void this.refresh()),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0 && this.isFollowed(event.document) && this.followsTyping(event.document)) this.refreshSoon();
      }),
      // Saves, settings and config changes re-check the doc without editing it: follow mlsd's
      // diagnostics (not the built-in link checker's, which change as the user types).
      published((uri) => {
        const followed = this.current?.document;
        if (followed && uri.toString() === followed.uri.toString()) this.refreshSoon();
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (document === this.current?.document) void this.refresh();
      }),
    ];
    void this.refresh();
  }

  get analysis(): ActiveAnalysis | undefined {
    return this.current;
  }

  /** The document "this document" commands act on: the active Markdown editor's, else the last design doc. */
  target(): vscode.TextDocument | undefined {
    return activeMarkdownDocument() ?? this.openCurrent()?.document;
  }

  /**
   * Analyses the active Markdown document now (or the last design doc when the active editor is not
   * one); resolves with what the views will show.
   */
  async refresh(): Promise<ActiveAnalysis | undefined> {
    this.cancelTimer();
    const request = ++this.request;
    const candidates = [activeMarkdownDocument(), this.openCurrent()?.document].filter(
      (document, index, all): document is vscode.TextDocument => document !== undefined && all.indexOf(document) === index,
    );
    let next: ActiveAnalysis | undefined;
    for (const document of candidates) {
      const version = document.version;
      const result = await this.source.analyzeDocument(document);
      if (result?.model.isDesignDoc && !document.isClosed) {
        next = { document, version, result };
        break;
      }
    }
    // A newer refresh started meanwhile: its answer wins.
    if (request !== this.request) return this.current;
    this.current = next;
    void vscode.commands.executeCommand('setContext', HAS_DESIGN_DOC_CONTEXT, next !== undefined);
    this.emitter.fire(next);
    return next;
  }

  dispose(): void {
    this.cancelTimer();
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  private openCurrent(): ActiveAnalysis | undefined {
    return this.current && !this.current.document.isClosed ? this.current : undefined;
  }

  /** Edits to the shown doc, or to the active Markdown doc (it may become a design doc), update the views. */
  private isFollowed(document: vscode.TextDocument): boolean {
    return document === this.current?.document || document === activeMarkdownDocument();
  }

  private refreshSoon(): void {
    this.cancelTimer();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.refresh();
    }, TYPING_DELAY_MS);
  }

  private cancelTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}

/** The active editor's document when it is Markdown and not a review mlsd opened. */
function activeMarkdownDocument(): vscode.TextDocument | undefined {
  const document = vscode.window.activeTextEditor?.document;
  return document?.languageId === 'markdown' && !isShownReview(document) ? document : undefined;
}
