// "Fix all": applies every finding's preferred fix, in passes like ESLint's --fix, because one fix
// (a new section) can move or settle another. The result is one minimal edit over the changed
// middle of the document, so the cursor outside it stays put and a single undo reverts it all.
import * as vscode from 'vscode';
import type { AnalysisResult, TextEdit } from '../core/types';

/** Enough for every fix to settle; a fix that keeps re-appearing must not loop forever. */
const MAX_PASSES = 10;

export function applyFixesRepeatedly(text: string, analyzeText: (text: string) => AnalysisResult | undefined): string {
  let current = text;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const result = analyzeText(current);
    if (!result?.model.isDesignDoc) break;
    const edits = nonOverlapping(result.findings.flatMap((finding) => finding.fixes.find((fix) => fix.isPreferred)?.edits ?? []));
    if (edits.length === 0) break;
    const next = applyEdits(current, edits);
    if (next === current) break;
    current = next;
  }
  return current;
}

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

/** Edits of different findings may collide; keep the first of any overlapping group, later passes redo the rest. */
function nonOverlapping(edits: TextEdit[]): TextEdit[] {
  const sorted = [...edits].sort((a, b) => comparePositions(a.range.start, b.range.start) || comparePositions(a.range.end, b.range.end));
  const kept: TextEdit[] = [];
  for (const edit of sorted) {
    const previous = kept[kept.length - 1];
    if (previous && comparePositions(edit.range.start, previous.range.end) < 0) continue;
    // Two insertions at the same point would interleave unpredictably.
    if (previous && comparePositions(edit.range.start, previous.range.start) === 0) continue;
    kept.push(edit);
  }
  return kept;
}

function applyEdits(text: string, edits: TextEdit[]): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const offsetOf = ({ line, character }: TextEdit['range']['start']): number => {
    if (line >= lineStarts.length) return text.length;
    return Math.min((lineStarts[line] as number) + character, text.length);
  };
  let result = text;
  // From the end, so earlier offsets stay valid.
  for (const edit of [...edits].reverse()) {
    result = result.slice(0, offsetOf(edit.range.start)) + edit.newText + result.slice(offsetOf(edit.range.end));
  }
  return result;
}

function comparePositions(a: TextEdit['range']['start'], b: TextEdit['range']['start']): number {
  return a.line - b.line || a.character - b.character;
}
