import type { Position, Range } from '../types';
import { lastAtOrBefore } from '../sorted';

/** Converts UTF-16 offsets into LSP positions; built once per text, each lookup is a binary search. */
export function createPositionLookup(text: string): (offset: number) => Position {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) lineStarts.push(i + 1);
    else if (code === 13 && text.charCodeAt(i + 1) !== 10) lineStarts.push(i + 1);
  }
  return (offset: number): Position => {
    const clamped = Math.max(0, Math.min(offset, text.length));
    const low = lastAtOrBefore(lineStarts, clamped);
    return { line: low, character: clamped - (lineStarts[low] as number) };
  };
}

export function rangeFromOffsets(toPosition: (offset: number) => Position, start: number, end: number): Range {
  return { start: toPosition(start), end: toPosition(Math.max(start, end)) };
}

export const START_OF_FILE: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
