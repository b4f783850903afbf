// The file-wide suppression comment (the core itself offers the one for a single line).
import * as vscode from 'vscode';

const FRONT_MATTER_FENCE = /^---\s*$/;

/** The first line after the front matter (0 when there is none): where file-wide comments go. */
function firstLineAfterFrontMatter(document: vscode.TextDocument): number {
  if (document.lineCount === 0 || !FRONT_MATTER_FENCE.test(document.lineAt(0).text)) return 0;
  for (let line = 1; line < document.lineCount; line++) {
    if (FRONT_MATTER_FENCE.test(document.lineAt(line).text)) return line + 1;
  }
  return 0;
}

/** Inserts `<!-- mlsd-disable-file RULE -->` right after the front matter. */
export function disableFileEdit(document: vscode.TextDocument, ruleId: string): vscode.TextEdit {
  const line = firstLineAfterFrontMatter(document);
  const comment = `<!-- mlsd-disable-file ${ruleId} -->`;
  if (line >= document.lineCount) {
    // Front matter is the whole file: append after it.
    const end = document.lineAt(document.lineCount - 1).range.end;
    return vscode.TextEdit.insert(end, `${eolOf(document)}${comment}`);
  }
  return vscode.TextEdit.insert(new vscode.Position(line, 0), `${comment}${eolOf(document)}`);
}

function eolOf(document: vscode.TextDocument): string {
  return document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
}
