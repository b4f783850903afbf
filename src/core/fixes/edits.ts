// Applying plain text edits, the one generic routine every fix goes through (CLI --fix, tests).
import type { Position, TextEdit } from '../types';

/** Offsets of each line start; positions past a line's end clamp to it. */
export function createOffsetLookup(text: string): (position: Position) => number {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) starts.push(i + 1);
    else if (code === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return ({ line, character }) => {
    if (line < 0) return 0;
    if (line >= starts.length) return text.length;
    const start = starts[line]!;
    const next = line + 1 < starts.length ? starts[line + 1]! : text.length;
    let end = next;
    if (line + 1 < starts.length) {
      end = next - 1;
      if (end > start && text.charCodeAt(end - 1) === 13 && text.charCodeAt(end) === 10) end--;
      else if (text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end = next;
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
