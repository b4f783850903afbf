// Where each rule's docs page lives. Pages are linked by URL (docs/rules/<id>.md in the project's
// repository) so the .vsix need not ship them and the link works the same on desktop and web.
import * as vscode from 'vscode';

export class RuleDocs {
  private readonly base: string;

  constructor(packageJson: { repository?: string | { url?: string }; homepage?: string }) {
    const repository = typeof packageJson.repository === 'string' ? packageJson.repository : packageJson.repository?.url;
    const root = (repository ?? packageJson.homepage ?? 'https://github.com/mlsd/mlsd').replace(/^git\+/, '').replace(/\.git$/, '');
    this.base = `${root}/blob/main/docs/rules/`;
  }

  uriOf(ruleId: string): vscode.Uri {
    return vscode.Uri.parse(`${this.base}${encodeURIComponent(ruleId)}.md`);
  }

  /** The page that lists every rule. */
  indexUri(): vscode.Uri {
    return vscode.Uri.parse(this.base);
  }
}
