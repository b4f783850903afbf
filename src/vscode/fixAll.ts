// "Fix all" in the editor: the core's fixUntilStable (the same as `mlsd check --fix`) turned into
// one minimal edit over the changed middle of the document, so the cursor outside it stays put and
// a single undo reverts it all.
import * as vscode from 'vscode';

/** One edit turning `before` into `after`, touching only the part between their common prefix and suffix. */
export function minimalEdit(document: vscode.TextDocument, after: string): vscode.TextEdit | undefined {
  const before = document.getText();
  if (before === after) return undefined;
  let start = 0;
  const shorter = Math.min(before.length, after.length);
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < shorter - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  const range = new vscode.Range(document.positionAt(start), document.positionAt(before.length - end));
  return vscode.TextEdit.replace(range, after.slice(start, after.length - end));
}
