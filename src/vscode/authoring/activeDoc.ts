// Follows the active Markdown editor and its latest analysis, so the status bar, the coverage view
// and practice mode all show the same result without analysing the document more than once.
import * as vscode from 'vscode';
import type { AnalysisResult } from '../../core/types';

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

export class ActiveDesignDoc implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<ActiveAnalysis | undefined>();
  readonly onDidChange = this.emitter.event;
  private current: ActiveAnalysis | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private request = 0;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly source: DocumentAnalysisSource) {
    this.subscriptions = [
      this.emitter,
      vscode.window.onDidChangeActiveTextEditor(() => void this.refresh()),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document === this.trackedDocument() && event.contentChanges.length > 0) this.refreshSoon();
      }),
      // Settings or config changes re-check the doc without editing it: follow its diagnostics.
      vscode.languages.onDidChangeDiagnostics((event) => {
        const tracked = this.trackedDocument();
        if (tracked && event.uris.some((uri) => uri.toString() === tracked.uri.toString())) this.refreshSoon();
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

  /** Analyses the active Markdown document now; resolves with what the views will show. */
  async refresh(): Promise<ActiveAnalysis | undefined> {
    this.cancelTimer();
    const request = ++this.request;
    const document = this.trackedDocument();
    let next: ActiveAnalysis | undefined;
    if (document) {
      const version = document.version;
      const result = await this.source.analyzeDocument(document);
      if (result?.model.isDesignDoc) next = { document, version, result };
    }
    // A newer refresh started meanwhile: its answer wins.
    if (request !== this.request) return this.current;
    this.current = next;
    this.emitter.fire(next);
    return next;
  }

  dispose(): void {
    this.cancelTimer();
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  private trackedDocument(): vscode.TextDocument | undefined {
    const document = vscode.window.activeTextEditor?.document;
    return document?.languageId === 'markdown' ? document : undefined;
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
