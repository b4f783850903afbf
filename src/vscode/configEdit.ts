// "Disable <rule> in the project config": an undoable WorkspaceEdit on the config file that applies
// to the document, or a new `.mlsd.json` at the workspace folder's root when there is none. The
// edits themselves are the core's (the language server makes the same ones).
import * as vscode from 'vscode';
import { disableRuleInConfigText, newConfigWithRuleOff } from '../core/config';
import type { ProjectConfig } from './projectConfig';

const NEW_CONFIG_NAME = '.mlsd.json';

export interface ConfigFileEdit {
  /** The config file edited (or created). */
  file: vscode.Uri;
  edit: vscode.WorkspaceEdit;
}

/** Undefined when the existing config file cannot be edited safely (it does not parse). */
export async function disableRuleInConfigEdit(
  ruleId: string,
  documentUri: vscode.Uri,
  project: ProjectConfig,
): Promise<ConfigFileEdit | undefined> {
  const edit = new vscode.WorkspaceEdit();
  if (!project.uri) {
    const target = newConfigLocation(documentUri);
    const text = newConfigWithRuleOff(ruleId);
    // createFile's `contents` does not survive the trip to a remote workbench: create, then insert.
    edit.createFile(target, { ignoreIfExists: true });
    edit.insert(target, new vscode.Position(0, 0), text);
    return { file: target, edit };
  }
  if (project.problems.some((problem) => problem.severity === 'error')) return undefined;
  const config = await vscode.workspace.openTextDocument(project.uri);
  const changes = disableRuleInConfigText(project.uri.path, config.getText(), ruleId);
  if (!changes) return undefined;
  for (const change of changes) {
    edit.replace(
      project.uri,
      new vscode.Range(config.positionAt(change.offset), config.positionAt(change.offset + change.length)),
      change.content,
    );
  }
  return { file: project.uri, edit };
}

function newConfigLocation(documentUri: vscode.Uri): vscode.Uri {
  const folder = vscode.workspace.getWorkspaceFolder(documentUri);
  if (folder) return vscode.Uri.joinPath(folder.uri, NEW_CONFIG_NAME);
  return documentUri.with({ path: `${documentUri.path.slice(0, documentUri.path.lastIndexOf('/'))}/${NEW_CONFIG_NAME}` });
}
