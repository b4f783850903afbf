// Rule pages ship inside the extension (docs/rules/<id>.md), so the links in diagnostics and
// "Learn more" work offline, in untrusted workspaces and on the web alike. They are served under
// their own read-only scheme (mlsd-rule:/<id>.md), never as the files of the installed extension,
// which a person could edit by mistake, and shown as a locked preview: rendered, and staying on the
// rule when another editor becomes active. The Problems panel opens a diagnostic's link as a text
// editor; that editor is swapped for the preview as soon as it shows.
import * as vscode from 'vscode';
import { ruleDocsPath } from '../core/rules/rule';

export const RULE_DOCS_SCHEME = 'mlsd-rule';

export class RuleDocs implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly extensionUri: vscode.Uri) {
    this.subscriptions = [
      vscode.workspace.registerTextDocumentContentProvider(RULE_DOCS_SCHEME, this),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor?.document.uri.scheme === RULE_DOCS_SCHEME) void this.replaceWithPreview(editor.document.uri);
      }),
    ];
  }

  /** The page of a rule, given its ID or a "rule-id/sub" finding ID. */
  uriOf(ruleId: string): vscode.Uri {
    return vscode.Uri.from({ scheme: RULE_DOCS_SCHEME, path: `/${ruleDocsPath(ruleId).split('/').at(-1)}` });
  }

  /** Opens the page rendered, in a preview locked on it. */
  show(ruleId: string): Thenable<unknown> {
    return this.preview(this.uriOf(ruleId));
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const page = vscode.Uri.joinPath(this.extensionUri, 'docs', 'rules', uri.path.replace(/^\/+/, ''));
    try {
      return new TextDecoder().decode(await vscode.workspace.fs.readFile(page));
    } catch {
      return `# ${uri.path.replace(/^\/+|\.md$/g, '')}\n\n${vscode.l10n.t('This rule has no page in the installed extension.')}\n`;
    }
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  private preview(uri: vscode.Uri): Thenable<unknown> {
    return vscode.commands.executeCommand('markdown.showPreview', uri, undefined, { locked: true });
  }

  private async replaceWithPreview(uri: vscode.Uri): Promise<void> {
    const tab = vscode.window.tabGroups.activeTabGroup.tabs.find(
      (candidate) => candidate.input instanceof vscode.TabInputText && candidate.input.uri.toString() === uri.toString(),
    );
    if (tab) await vscode.window.tabGroups.close(tab);
    await this.preview(uri);
  }
}
