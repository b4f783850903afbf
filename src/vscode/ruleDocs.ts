// Rule pages ship inside the extension (docs/rules/<id>.md), so the links in diagnostics and
// "Learn more" work offline, in untrusted workspaces and on the web alike.
import * as vscode from 'vscode';
import { ruleDocsPath } from '../core/rules/rule';

export class RuleDocs {
  constructor(private readonly extensionUri: vscode.Uri) {}

  /** The page of a rule, given its ID or a "rule-id/sub" finding ID. */
  uriOf(ruleId: string): vscode.Uri {
    return vscode.Uri.joinPath(this.extensionUri, ...ruleDocsPath(ruleId).split('/'));
  }

  /** Opens the page rendered, the way a reader wants it, rather than as Markdown source. */
  show(ruleId: string): Thenable<unknown> {
    return vscode.commands.executeCommand('markdown.showPreview', this.uriOf(ruleId));
  }
}
