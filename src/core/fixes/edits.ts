// Applying plain text edits, the one generic routine every fix goes through (CLI --fix, tests).
import type { Position, TextEdit } from '../types';

/**
 * Converts LSP positions into offsets in `text`, the one conversion every edit goes through; positions
 * past a line's end clamp to it, lines past the end to the end of the text. Line starts are found on
 * demand and kept, so one lookup scans only up to its line and many lookups scan the text once.
 */
export function createOffsetLookup(text: string): (position: Position) => number {
  const starts = [0];
  // Most documents have no CR: then indexOf finds each line break, far faster than a regex or a
  // loop over the characters. Otherwise this lookup's own regex does (its lastIndex is the scan's).
  const onlyLf = !text.includes('\r');
  const lineBreak = /\r\n|\r|\n/g;
  let done = false;
  const reach = (line: number): void => {
    while (!done && starts.length <= line) {
      if (onlyLf) {
        const found = text.indexOf('\n', starts[starts.length - 1]!);
        if (found === -1) done = true;
        else starts.push(found + 1);
      } else {
        const found = lineBreak.exec(text);
        if (found === null) done = true;
        else starts.push(found.index + found[0].length);
      }
    }
  };
  return ({ line, character }) => {
    if (line < 0) return 0;
    reach(line + 1);
    if (line >= starts.length) return text.length;
    const start = starts[line]!;
    let end = text.length;
    if (line + 1 < starts.length) {
      const next = starts[line + 1]!;
      end = next - (text.charCodeAt(next - 1) === 10 && text.charCodeAt(next - 2) === 13 ? 2 : 1);
    }
    return Math.min(start + Math.max(0, character), end);
  };
}

/**
 * Applies edits to `text`. Edits are applied from the end so earlier ranges stay valid; overlapping
 * edits keep the first. An edit whose new text is already in place (the same fix applied a second
 * time) is skipped, so repeating a fix never duplicates or corrupts.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const offsetOf = createOffsetLookup(text);
  const resolved = edits
    .map((edit, index) => ({ start: offsetOf(edit.range.start), end: offsetOf(edit.range.end), newText: edit.newText, index }))
    .filter((edit) => edit.end >= edit.start)
    .sort((a, b) => a.start - b.start || a.index - b.index);
  const kept: typeof resolved = [];
  for (const edit of resolved) {
    const previous = kept[kept.length - 1];
    if (previous && edit.start < previous.end) continue;
    if (isAlreadyApplied(text, edit.start, edit.end, edit.newText)) continue;
    kept.push(edit);
  }
  let result = text;
  for (let i = kept.length - 1; i >= 0; i--) {
    const edit = kept[i]!;
    result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
  }
  return result;
}

/**
 * A stale fix applied a second time: its text (after any leading line breaks) already starts where
 * it would go. Only forward: text *before* the spot is the document's own (a code block's opening
 * fence right above where the closing one goes is not the closing fence).
 */
function isAlreadyApplied(text: string, start: number, end: number, newText: string): boolean {
  if (newText === '') return false;
  if (text.slice(start, end) === newText) return true;
  const trimmed = newText.replace(/^(?:\r?\n|\r)+/, '');
  let from = start;
  while (text.charCodeAt(from) === 10 || text.charCodeAt(from) === 13) from++;
  return trimmed !== '' && text.startsWith(trimmed, from);
}

/** The document's line break (its first one), which every inserted line must use too. */
export function lineBreakOf(text: string): '\n' | '\r\n' | '\r' {
  const at = text.search(/\r\n|\r|\n/);
  if (at < 0) return '\n';
  if (text.charCodeAt(at) === 10) return '\n';
  return text.charCodeAt(at + 1) === 10 ? '\r\n' : '\r';
}

/** `newText` (written with "\n") with the document's line breaks. */
export function withLineBreak(newText: string, lineBreak: string): string {
  return lineBreak === '\n' ? newText : newText.replace(/\r\n|\r|\n/g, lineBreak);
}
