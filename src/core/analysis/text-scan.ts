// Scanning a segment's content as one text: locating matches back on their lines, and the
// paragraph-unwrapped copy the cue scans read.
import { lastAtOrBefore } from '../sorted';
import type { Locator, Span, Unit } from './signal-types';

/** Where each line starts in `content.join('\n')`. */
export function lineStartsOf(content: readonly string[]): number[] {
  const lineStarts: number[] = [];
  let offset = 0;
  for (const text of content) {
    lineStarts.push(offset);
    offset += text.length + 1;
  }
  return lineStarts;
}

export function createLocator(lineStarts: readonly number[]): Locator {
  return (start, end) => {
    const low = lastAtOrBefore(lineStarts, start);
    const lineStart = lineStarts[low]!;
    const lineEnd = (lineStarts[low + 1] ?? Number.MAX_SAFE_INTEGER) - 1;
    return { line: low, start: start - lineStart, end: Math.min(end, lineEnd) - lineStart };
  };
}

/** Calls `onMatch` with the span of every non-empty match of the global `pattern` in `text`. */
export function eachMatch(pattern: RegExp, text: string, locate: Locator, onMatch: (span: Span) => void): void {
  forEachMatch(pattern, text, (index, length) => {
    if (length > 0) onMatch(locate(index, index + length));
  });
}

/** How many times the global `pattern` matches in `text`. */
export function countMatches(pattern: RegExp, text: string): number {
  let count = 0;
  forEachMatch(pattern, text, () => count++);
  return count;
}

/**
 * The matches `text.matchAll(pattern)` gives (from the pattern's lastIndex, an empty match stepping
 * one character or code point on), found with the pattern itself: matchAll copies the pattern on
 * every call (on a short line, three times the cost of the scan), and dozens of patterns scan every
 * segment and every line with a metric. `onMatch` gets each match's index and length, and the match.
 * The pattern's lastIndex is put back, so a pattern shared across modules keeps no state; `onMatch`
 * must not scan with the same pattern.
 */
export function forEachMatch(
  pattern: RegExp,
  text: string,
  onMatch: (index: number, length: number, match: RegExpExecArray) => void,
): void {
  if (!pattern.global) throw new TypeError(`${String(pattern)} must be global to find every match`);
  const from = pattern.lastIndex;
  const unicode = pattern.unicode || (pattern as { unicodeSets?: boolean }).unicodeSets === true;
  try {
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      if (match[0].length === 0) pattern.lastIndex = advanceIndex(text, pattern.lastIndex, unicode);
      onMatch(match.index, match[0].length, match);
    }
  } finally {
    pattern.lastIndex = from;
  }
}

/** The index after `index`: past a whole surrogate pair when the pattern reads code points (AdvanceStringIndex). */
function advanceIndex(text: string, index: number, unicode: boolean): number {
  if (!unicode || index + 1 >= text.length) return index + 1;
  const first = text.charCodeAt(index);
  const second = text.charCodeAt(index + 1);
  return first >= 0xd800 && first <= 0xdbff && second >= 0xdc00 && second <= 0xdfff ? index + 2 : index + 1;
}

/**
 * The content with each paragraph's line breaks (and the indentation of its continuation lines)
 * turned into one space, and a locator back to the original lines; undefined when no paragraph
 * spans lines. A match that crosses a break is located on the line where it starts.
 */
export function unwrapParagraphs(
  content: readonly string[],
  unitOfLine: readonly (Unit | undefined)[],
): { text: string; locate: Locator } | undefined {
  const starts: number[] = [];
  const indents: number[] = [];
  const lengths: number[] = [];
  let text = '';
  let joined = false;
  content.forEach((line, index) => {
    const continues =
      index > 0 &&
      line !== '' &&
      content[index - 1] !== '' &&
      unitOfLine[index] !== undefined &&
      unitOfLine[index] === unitOfLine[index - 1];
    const piece = continues ? line.trimStart() : line;
    if (index > 0) text += continues ? ' ' : '\n';
    if (continues) joined = true;
    starts.push(text.length);
    indents.push(line.length - piece.length);
    lengths.push(piece.length);
    text += piece;
  });
  if (!joined) return undefined;
  return {
    text,
    locate: (start, end) => {
      const low = lastAtOrBefore(starts, start);
      const from = starts[low]!;
      const shift = indents[low]!;
      return { line: low, start: start - from + shift, end: Math.min(end, from + lengths[low]!) - from + shift };
    },
  };
}
