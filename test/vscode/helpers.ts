// Helpers for the integration suite. Diagnostics and code actions reach the workbench
// asynchronously, so everything polls for the expected state instead of sleeping.
import * as vscode from 'vscode';

const POLL_MS = 50;

export function workspaceUri(relativePath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the suite needs the fixture workspace open');
  return vscode.Uri.joinPath(folder.uri, relativePath);
}

export async function openEditor(relativePath: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceUri(relativePath));
  return vscode.window.showTextDocument(document);
}

/** Polls until `probe` returns something other than undefined; fails with `what` after the timeout. */
export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 30000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

export function mlsdDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'mlsd');
}

export function ruleOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' && code !== null ? String(code.value) : String(code);
}

/** "rule-id 12:0-12:18", the compact form the tests compare. */
export function describe(diagnostic: vscode.Diagnostic): string {
  const { start, end } = diagnostic.range;
  return `${ruleOf(diagnostic)} ${start.line}:${start.character}-${end.line}:${end.character}`;
}

/** Waits until the document's mlsd diagnostics satisfy `accept`, and returns them. */
export function waitForDiagnostics(
  uri: vscode.Uri,
  what: string,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean,
): Promise<vscode.Diagnostic[]> {
  return waitFor(what, () => {
    const diagnostics = mlsdDiagnostics(uri);
    return accept(diagnostics) ? diagnostics : undefined;
  });
}

/** Code actions at a range, polled until one with `title` is offered (the workbench gets markers late). */
export function waitForCodeAction(uri: vscode.Uri, range: vscode.Range, title: string, kind?: string): Promise<vscode.CodeAction> {
  return waitFor(`code action "${title}"`, async () => {
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, kind);
    return actions.find((action) => action.title === title);
  });
}

export async function applyCodeAction(action: vscode.CodeAction): Promise<void> {
  if (action.edit && !(await vscode.workspace.applyEdit(action.edit))) throw new Error(`could not apply "${action.title}"`);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

/** One Undo in the active editor (an applied code action is one undo step). */
export async function undo(): Promise<void> {
  await vscode.commands.executeCommand('undo');
}

export async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('mlsd').update(key, value, vscode.ConfigurationTarget.Workspace);
}
