// Rule pages ship inside the extension (docs/rules/<id>.md), so the links in diagnostics and
// "Learn more" work offline, in untrusted workspaces and on the web alike. They are served by a
// read-only file system of their own (mlsd-rule:/<id>.md), never as the files of the installed
// extension, which a person could edit by mistake, and shown as a locked preview: rendered, and
// staying on the rule when another editor becomes active. The Problems panel opens a diagnostic's
// link as a text editor; that editor is swapped for the preview as soon as it shows.
import * as vscode from 'vscode';
import { ruleDocsPath } from '../core/rules/rule';

export const RULE_DOCS_SCHEME = 'mlsd-rule';

export class RuleDocs implements vscode.FileSystemProvider, vscode.Disposable {
  private readonly subscriptions: vscode.Disposable[];
  private readonly changes = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  /** The pages never change while the extension runs. */
  readonly onDidChangeFile = this.changes.event;

  constructor(private readonly extensionUri: vscode.Uri) {
    this.subscriptions = [
      this.changes,
      vscode.workspace.registerFileSystemProvider(RULE_DOCS_SCHEME, this, { isReadonly: true, isCaseSensitive: true }),
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

  stat(uri: vscode.Uri): Thenable<vscode.FileStat> {
    return vscode.workspace.fs.stat(this.shipped(uri));
  }

  readFile(uri: vscode.Uri): Thenable<Uint8Array> {
    return vscode.workspace.fs.readFile(this.shipped(uri));
  }

  readDirectory(uri: vscode.Uri): Thenable<[string, vscode.FileType][]> {
    return vscode.workspace.fs.readDirectory(this.shipped(uri));
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  writeFile(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  createDirectory(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  delete(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  rename(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  /** The file inside the extension that a mlsd-rule: URI serves. */
  private shipped(uri: vscode.Uri): vscode.Uri {
    const name = uri.path.replace(/^\/+/, '');
    return name ? vscode.Uri.joinPath(this.extensionUri, 'docs', 'rules', name) : vscode.Uri.joinPath(this.extensionUri, 'docs', 'rules');
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
