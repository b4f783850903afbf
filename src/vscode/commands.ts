// The palette commands (category "mlsd"). Each returns a small result so tests can assert on it,
// and tells the person what happened: a check of the workspace shows its progress (with a count and
// a Cancel button) and ends with what it found; fix-all says what it fixed.
import * as vscode from 'vscode';
import type { DocumentAnalyzer } from './analyzer';
import type { MlsdCodeActionProvider } from './codeActions';
import { isCheckable, type DiagnosticsController } from './diagnostics';
import { core } from './loadCore';
import type { RuleDocs } from './ruleDocs';

export const COMMANDS = {
  checkWorkspace: 'mlsd.checkWorkspace',
  fixAll: 'mlsd.fixAll',
  openRuleDocs: 'mlsd.openRuleDocs',
  /** Internal (not in the palette): saves a file a code action just edited. */
  saveFile: 'mlsd.saveFile',
  /** Internal: shows the heading a quick fix just inserted, which may be far from the cursor. */
  revealLine: 'mlsd.revealLine',
} as const;

const MARKDOWN_FILES = '**/*.{md,markdown}';
const NEVER_SEARCHED = '**/{node_modules,.git}/**';

export interface WorkspaceCheckSummary {
  /** Markdown files looked at. */
  files: number;
  designDocs: number;
  problems: number;
  /** True when the person cancelled before every file was checked. */
  cancelled: boolean;
}

export interface FixAllResult {
  /** Problems before and after the fixes. */
  before: number;
  after: number;
  /** Fixes applied: a section inserted for a missing one leaves a prompt to fill in, so this is not before − after. */
  applied: number;
}

const designDocs = (n: number) => (n === 1 ? vscode.l10n.t('{0} design doc', n) : vscode.l10n.t('{0} design docs', n));
const problems = (n: number) => (n === 1 ? vscode.l10n.t('{0} problem', n) : vscode.l10n.t('{0} problems', n));

export class Commands implements vscode.Disposable {
  private readonly registrations: vscode.Disposable[];

  constructor(
    private readonly analyzer: DocumentAnalyzer,
    private readonly diagnostics: DiagnosticsController,
    private readonly codeActions: MlsdCodeActionProvider,
    private readonly docs: RuleDocs,
    /** The document "this document" commands act on: the active Markdown editor's, else the last design doc. */
    private readonly targetDocument: () => vscode.TextDocument | undefined,
  ) {
    this.registrations = [
      vscode.commands.registerCommand(COMMANDS.checkWorkspace, () => this.checkWorkspace()),
      vscode.commands.registerCommand(COMMANDS.fixAll, () => this.fixAllInActiveEditor()),
      vscode.commands.registerCommand(COMMANDS.openRuleDocs, (ruleId?: unknown) => this.openRuleDocs(ruleId)),
      vscode.commands.registerCommand(COMMANDS.saveFile, (uri: unknown) => this.saveFile(uri)),
      vscode.commands.registerCommand(COMMANDS.revealLine, (uri: unknown, line: unknown) => this.revealLine(uri, line)),
    ];
  }

  dispose(): void {
    for (const registration of this.registrations) registration.dispose();
  }

  /** Checks every Markdown file in the workspace into the Problems panel, open or not. */
  async checkWorkspace(): Promise<WorkspaceCheckSummary> {
    const summary = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('mlsd: checking design docs'), cancellable: true },
      async (progress, token) => {
        const summary: WorkspaceCheckSummary = { files: 0, designDocs: 0, problems: 0, cancelled: false };
        const open = new Map(vscode.workspace.textDocuments.filter(isCheckable).map((document) => [document.uri.toString(), document]));
        const decoder = new TextDecoder();
        const files = await vscode.workspace.findFiles(MARKDOWN_FILES, NEVER_SEARCHED, undefined, token);
        for (const uri of files) {
          if (token.isCancellationRequested) {
            summary.cancelled = true;
            break;
          }
          progress.report({
            message: vscode.l10n.t('{0} of {1} Markdown files', summary.files + 1, files.length),
            increment: 100 / files.length,
          });
          summary.files++;
          const document = open.get(uri.toString());
          let result;
          if (document) {
            result = await this.analyzer.analyzeDocument(document);
          } else {
            const text = await vscode.workspace.fs.readFile(uri).then(
              (bytes) => decoder.decode(bytes),
              () => undefined,
            );
            if (text === undefined) continue;
            result = await this.analyzer.analyzeText(uri, text);
          }
          this.diagnostics.publish(uri, result);
          if (result?.model.isDesignDoc) {
            summary.designDocs++;
            summary.problems += result.findings.length;
          }
        }
        return summary;
      },
    );
    void this.announce(summary);
    return summary;
  }

  private async announce(summary: WorkspaceCheckSummary): Promise<void> {
    const found = vscode.l10n.t('{0} checked: {1}.', designDocs(summary.designDocs), problems(summary.problems));
    const message = summary.cancelled
      ? vscode.l10n.t('mlsd: cancelled after {0} of the Markdown files. {1}', summary.files, found)
      : `mlsd: ${found}`;
    const showProblems = vscode.l10n.t('Show Problems');
    const choice = await vscode.window.showInformationMessage(message, ...(summary.problems > 0 ? [showProblems] : []));
    if (choice === showProblems) await vscode.commands.executeCommand('workbench.actions.view.problems');
  }

  /**
   * Applies every preferred fix in the active Markdown editor (else the last active design doc) and
   * says how many problems that fixed; undefined when there was no document to fix.
   */
  async fixAllInActiveEditor(): Promise<FixAllResult | undefined> {
    const document = this.targetDocument();
    if (!document || !isCheckable(document)) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a Markdown design doc to fix its problems.'));
      return undefined;
    }
    const before = (await this.analyzer.analyzeDocument(document))?.findings.length ?? 0;
    const fixAll = await this.codeActions.fixAll(document);
    if (!fixAll?.action.edit || !(await vscode.workspace.applyEdit(fixAll.action.edit))) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('mlsd: nothing to fix automatically: {0} left, each needs your words.', problems(before)),
      );
      return { before, after: before, applied: 0 };
    }
    const after = (await this.analyzer.analyzeDocument(document))?.findings.length ?? 0;
    const { applied } = fixAll;
    const fixes = applied === 1 ? vscode.l10n.t('{0} fix', applied) : vscode.l10n.t('{0} fixes', applied);
    void vscode.window.showInformationMessage(vscode.l10n.t('mlsd: applied {0}; {1} left.', fixes, problems(after)));
    return { before, after, applied };
  }

  /** `uri` is a Uri, or its JSON form when the action went through vscode.executeCodeActionProvider. */
  async saveFile(uri: unknown): Promise<boolean> {
    const target = uri instanceof vscode.Uri ? uri : uriFromJson(uri);
    return target ? (await vscode.workspace.openTextDocument(target)).save() : false;
  }

  /** Puts the caret at the end of line `line` of the document at `uri` in its visible editor and scrolls to it if it is out of view. */
  revealLine(uri: unknown, line: unknown): boolean {
    const target = uri instanceof vscode.Uri ? uri : uriFromJson(uri);
    const editor = target && vscode.window.visibleTextEditors.find((candidate) => candidate.document.uri.toString() === target.toString());
    if (!editor || typeof line !== 'number' || line < 0 || line >= editor.document.lineCount) return false;
    // The caret at the heading's end, nothing selected: the next keystroke must not replace the heading.
    const { range } = editor.document.lineAt(line);
    editor.selection = new vscode.Selection(range.end, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return true;
  }

  /** Opens one rule's page (when given its ID), else lets the user pick a rule. */
  async openRuleDocs(ruleId: unknown): Promise<boolean> {
    let chosen = typeof ruleId === 'string' ? ruleId : undefined;
    if (chosen === undefined) {
      const items = core().RULES.map((rule) => ({ label: rule.id, detail: rule.description }));
      chosen = (await vscode.window.showQuickPick(items, { title: 'mlsd: open the docs of a rule', matchOnDetail: true }))?.label;
    }
    if (chosen === undefined) return false;
    await this.docs.show(chosen);
    return true;
  }
}

function uriFromJson(value: unknown): vscode.Uri | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { scheme, authority, path, query, fragment } = value as Record<string, unknown>;
  if (typeof scheme !== 'string' || typeof path !== 'string') return undefined;
  const text = (part: unknown) => (typeof part === 'string' ? part : '');
  return vscode.Uri.from({ scheme, authority: text(authority), path, query: text(query), fragment: text(fragment) });
}
