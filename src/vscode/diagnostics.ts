// Keeps the Problems panel in step with open design docs: checks on open and save, debounced while
// typing, drops results for a document that changed (or was re-checked) meanwhile, clears on close.
import * as vscode from 'vscode';
import type { AnalysisResult } from '../core/types';
import type { DocumentAnalyzer } from './analyzer';
import { configErrorToDiagnostic, toDiagnostic } from './convert';
import type { RuleDocs } from './ruleDocs';
import type { RunMode } from './settings';

/** Long enough to skip most keystrokes, short enough to feel live. */
const TYPING_DELAY_MS = 300;

/** Views of Markdown that are not the user's document (diffs, output, previews of edits). */
const IGNORED_SCHEMES = new Set(['git', 'output', 'vscode-bulkeditpreview', 'vscode-scm', 'review', 'pr']);

export function isCheckable(document: vscode.TextDocument): boolean {
  return document.languageId === 'markdown' && !IGNORED_SCHEMES.has(document.uri.scheme);
}

export class DiagnosticsController implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('mlsd');
  private readonly published = new vscode.EventEmitter<vscode.Uri>();
  /** mlsd's diagnostics of a document were set or cleared (other sources' diagnostics do not count). */
  readonly onDidPublish = this.published.event;
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Bumped by every check request, so an older answer arriving late is recognised and dropped. */
  private readonly requests = new Map<string, number>();
  private openDocumentsTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly analyzer: DocumentAnalyzer,
    private readonly runModeOf: (document: vscode.TextDocument) => RunMode,
    private readonly docs: RuleDocs,
  ) {
    this.subscriptions = [
      this.published,
      vscode.workspace.onDidOpenTextDocument((document) => this.onOpenOrSave(document)),
      vscode.workspace.onDidSaveTextDocument((document) => this.onOpenOrSave(document)),
      vscode.workspace.onDidChangeTextDocument((event) => this.onChange(event)),
      vscode.workspace.onDidCloseTextDocument((document) => this.forget(document.uri)),
    ];
  }

  /** (Re)checks every open Markdown document, e.g. after a setting or a config file changed. */
  recheckOpenDocuments(): void {
    for (const document of vscode.workspace.textDocuments) {
      if (!isCheckable(document)) continue;
      if (this.runModeOf(document) === 'off') this.forget(document.uri);
      else void this.check(document);
    }
  }

  /**
   * The same on a later turn of the event loop: activation asks for this, so the documents already
   * open are checked once activate has returned, never inside it.
   */
  recheckOpenDocumentsSoon(): void {
    this.openDocumentsTimer ??= setTimeout(() => {
      this.openDocumentsTimer = undefined;
      this.recheckOpenDocuments();
    }, 0);
  }

  /** Checks now, whatever the run mode; resolves once the diagnostics are published or dropped. */
  async check(document: vscode.TextDocument): Promise<void> {
    const key = document.uri.toString();
    this.cancelTimer(key);
    const request = (this.requests.get(key) ?? 0) + 1;
    this.requests.set(key, request);
    const version = document.version;
    const result = await this.analyzer.analyzeDocument(document);
    const stale = document.isClosed || document.version !== version || this.requests.get(key) !== request;
    if (!stale) this.publish(document.uri, result);
  }

  /** Shows the result of a check made outside an editor (the workspace-wide check). */
  publish(uri: vscode.Uri, result: AnalysisResult | undefined): void {
    if (!result || !result.model.isDesignDoc) this.collection.delete(uri);
    // Problems in the front-matter mlsd: block belong to this document too.
    else
      this.collection.set(uri, [
        ...result.configErrors.map(configErrorToDiagnostic),
        ...result.findings.map((finding) => toDiagnostic(finding, uri, this.docs)),
      ]);
    this.published.fire(uri);
  }

  dispose(): void {
    if (this.openDocumentsTimer !== undefined) clearTimeout(this.openDocumentsTimer);
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    for (const subscription of this.subscriptions) subscription.dispose();
    this.collection.dispose();
  }

  private onOpenOrSave(document: vscode.TextDocument): void {
    if (isCheckable(document) && this.runModeOf(document) !== 'off') void this.check(document);
  }

  private onChange(event: vscode.TextDocumentChangeEvent): void {
    const { document } = event;
    if (event.contentChanges.length === 0 || !isCheckable(document) || this.runModeOf(document) !== 'onType') return;
    const key = document.uri.toString();
    this.cancelTimer(key);
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.check(document);
      }, TYPING_DELAY_MS),
    );
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    this.analyzer.forget(uri);
    this.cancelTimer(key);
    this.requests.delete(key);
    this.collection.delete(uri);
    this.published.fire(uri);
  }

  private cancelTimer(key: string): void {
    const timer = this.timers.get(key);
    if (timer !== undefined) clearTimeout(timer);
    this.timers.delete(key);
  }
}
