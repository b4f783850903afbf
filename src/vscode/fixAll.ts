// "Fix all": applies every finding's preferred fix, in passes like ESLint's --fix, because one fix
// (a new section) can move or settle another. The result is one minimal edit over the changed
// middle of the document, so the cursor outside it stays put and a single undo reverts it all.
import * as vscode from 'vscode';
import { applyEdits } from '../core';
import type { AnalysisResult, TextEdit } from '../core/types';

/** Enough for every fix to settle; a fix that keeps re-appearing must not loop forever. */
const MAX_PASSES = 10;

export function applyFixesRepeatedly(text: string, analyzeText: (text: string) => AnalysisResult | undefined): string {
  let current = text;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const result = analyzeText(current);
    if (!result?.model.isDesignDoc) break;
    // applyEdits keeps the first of overlapping edits; the next pass redoes what was dropped.
    const edits = distinct(result.findings.flatMap((finding) => finding.fixes.find((fix) => fix.isPreferred)?.edits ?? []));
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

/** Several findings can share one fix (a scenario checklist answers all its items): apply it once. */
function distinct(edits: TextEdit[]): TextEdit[] {
  const seen = new Set<string>();
  return edits.filter((edit) => {
    const key = JSON.stringify(edit);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
