// "Disable <rule> in the project config": an undoable WorkspaceEdit on the config file that applies
// to the document, or a new `.mlsd.json` at the workspace folder's root when there is none.
import { modify } from 'jsonc-parser';
import * as vscode from 'vscode';
import { isMap, parseDocument } from 'yaml';
import { configFormatOf } from '../core/config';
import type { ProjectConfig } from './projectConfig';

const NEW_CONFIG_NAME = '.mlsd.json';
const JSON_FORMATTING = { insertSpaces: true, tabSize: 2, eol: '\n' } as const;

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
    const text = `${JSON.stringify({ rules: { [ruleId]: 'off' } }, null, 2)}\n`;
    // createFile's `contents` does not survive the trip to a remote workbench: create, then insert.
    edit.createFile(target, { ignoreIfExists: true });
    edit.insert(target, new vscode.Position(0, 0), text);
    return { file: target, edit };
  }
  if (project.problems.some((problem) => problem.severity === 'error')) return undefined;
  const config = await vscode.workspace.openTextDocument(project.uri);
  const text = config.getText();
  if (configFormatOf(project.uri.path) === 'yaml') {
    const yaml = parseDocument(text);
    if (yaml.errors.length > 0 || (yaml.contents !== null && !isMap(yaml.contents))) return undefined;
    yaml.setIn(['rules', ruleId], 'off');
    edit.replace(project.uri, new vscode.Range(config.positionAt(0), config.positionAt(text.length)), yaml.toString());
    return { file: project.uri, edit };
  }
  const changes = modify(text.trim() === '' ? '{}' : text, ['rules', ruleId], 'off', { formattingOptions: JSON_FORMATTING });
  if (text.trim() === '') {
    // An empty file: write the whole object rather than patching nothing.
    edit.replace(project.uri, new vscode.Range(config.positionAt(0), config.positionAt(text.length)), `${applyChanges('{}', changes)}\n`);
    return { file: project.uri, edit };
  }
  for (const change of changes) {
    edit.replace(project.uri, new vscode.Range(config.positionAt(change.offset), config.positionAt(change.offset + change.length)), change.content);
  }
  return { file: project.uri, edit };
}

function newConfigLocation(documentUri: vscode.Uri): vscode.Uri {
  const folder = vscode.workspace.getWorkspaceFolder(documentUri);
  if (folder) return vscode.Uri.joinPath(folder.uri, NEW_CONFIG_NAME);
  return documentUri.with({ path: `${documentUri.path.slice(0, documentUri.path.lastIndexOf('/'))}/${NEW_CONFIG_NAME}` });
}

function applyChanges(text: string, changes: { offset: number; length: number; content: string }[]): string {
  let result = text;
  for (const change of [...changes].sort((a, b) => b.offset - a.offset)) {
    result = result.slice(0, change.offset) + change.content + result.slice(change.offset + change.length);
  }
  return result;
}
