// The palette commands (category "mlsd"). Each returns a small result so tests can assert on it.
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
} as const;

const MARKDOWN_FILES = '**/*.{md,markdown}';
const NEVER_SEARCHED = '**/{node_modules,.git}/**';

export interface WorkspaceCheckSummary {
  /** Markdown files looked at. */
  files: number;
  designDocs: number;
  problems: number;
}

export class Commands implements vscode.Disposable {
  private readonly registrations: vscode.Disposable[];

  constructor(
    private readonly analyzer: DocumentAnalyzer,
    private readonly diagnostics: DiagnosticsController,
    private readonly codeActions: MlsdCodeActionProvider,
    private readonly docs: RuleDocs,
  ) {
    this.registrations = [
      vscode.commands.registerCommand(COMMANDS.checkWorkspace, () => this.checkWorkspace()),
      vscode.commands.registerCommand(COMMANDS.fixAll, () => this.fixAllInActiveEditor()),
      vscode.commands.registerCommand(COMMANDS.openRuleDocs, (ruleId?: unknown) => this.openRuleDocs(ruleId)),
      vscode.commands.registerCommand(COMMANDS.saveFile, (uri: unknown) => this.saveFile(uri)),
    ];
  }

  dispose(): void {
    for (const registration of this.registrations) registration.dispose();
  }

  /** Checks every Markdown file in the workspace into the Problems panel, open or not. */
  async checkWorkspace(): Promise<WorkspaceCheckSummary> {
    return vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: 'mlsd: checking design docs' },
      async () => {
        const summary: WorkspaceCheckSummary = { files: 0, designDocs: 0, problems: 0 };
        const open = new Map(vscode.workspace.textDocuments.filter(isCheckable).map((document) => [document.uri.toString(), document]));
        const decoder = new TextDecoder();
        for (const uri of await vscode.workspace.findFiles(MARKDOWN_FILES, NEVER_SEARCHED)) {
          summary.files++;
          const document = open.get(uri.toString());
          let result;
          if (document) {
            result = await this.analyzer.analyzeDocument(document);
          } else {
            const text = await vscode.workspace.fs.readFile(uri).then((bytes) => decoder.decode(bytes), () => undefined);
            if (text === undefined) continue;
            result = await this.analyzer.analyzeText(uri, text);
          }
          this.diagnostics.publish(uri, result);
          if (result?.model.isDesignDoc) {
            summary.designDocs++;
            summary.problems += result.findings.length;
          }
        }
        void vscode.window.setStatusBarMessage(
          `mlsd: ${summary.designDocs} design doc(s) checked, ${summary.problems} problem(s)`, 5000);
        return summary;
      },
    );
  }

  /** Applies every preferred fix in the active Markdown editor; false when there was nothing to fix. */
  async fixAllInActiveEditor(): Promise<boolean> {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !isCheckable(document)) return false;
    const action = await this.codeActions.fixAllAction(document);
    return action?.edit ? vscode.workspace.applyEdit(action.edit) : false;
  }

  /** `uri` is a Uri, or its JSON form when the action went through vscode.executeCodeActionProvider. */
  async saveFile(uri: unknown): Promise<boolean> {
    const target = uri instanceof vscode.Uri ? uri : uriFromJson(uri);
    return target ? (await vscode.workspace.openTextDocument(target)).save() : false;
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
