// Re-segmenting after an edit without re-reading the whole document. Splitting a 5,000-line text
// into lines and segments again costs more than judging the one segment a keystroke changed, so the
// lines and segments before the edit are kept as they are, those after it move by the lines the
// edit added, and only the lines in between are split and scanned for headings again.
import { frontMatterEnd, findWrapperOpen, HeadingScanner, type Segment, type Segmentation } from './segments';
import { lastAtOrBefore } from '../sorted';

/**
 * Where `next` differs from the previous text, when the caller knows (an editor's edit): the
 * previous text's characters [start, end) were replaced. The texts are then compared only around
 * it, not from both ends of the whole document.
 */
export interface EditedRange {
  start: number;
  end: number;
}

/**
 * Segmentations this module made, whose texts are known to have no CR: a keystroke then looks for
 * one only in the text it inserted, not in the whole document twice.
 */
const withoutCr = new WeakSet<Segmentation>();

/** Characters compared at a time when looking for where two texts differ (one native comparison each). */
const COMPARE_CHUNK = 4096;

/**
 * The segmentation of `next`, given `previous`, the segmentation of `previousText`; always equal to
 * `segmentDocument(next)`. Undefined when the edit may change what is decided for the document as
 * a whole (front matter, a ```markdown wrapper, an unclosed fence or `<pre>`) or lines end in CR: the caller
 * then segments `next` from scratch.
 */
export function resegment(previousText: string, previous: Segmentation, next: string, edited?: EditedRange): Segmentation | undefined {
  if (previousText === next) return previous;
  if (decidedForWholeText(previousText, previous)) return undefined;
  const { lines: oldLines, segments: oldSegments } = previous;
  const prefix = commonPrefix(previousText, next, edited?.start ?? 0);
  const suffix = commonSuffix(previousText, next, prefix, edited ? previousText.length - edited.end : 0);
  // The previous text has no CR, so only the inserted text can bring one.
  if (next.slice(prefix, next.length - suffix).includes('\r')) return undefined;
  const oldOffsets = segmentOffsets(oldSegments);
  // The scan restarts at the segment holding the line before the edited one: a heading line that
  // stops being one joins the segment above it.
  const editedSegment = segmentAtOffset(oldOffsets, prefix);
  const editedLine =
    oldSegments[editedSegment]!.startLine + countLineBreaks(oldSegments[editedSegment]!.text, 0, prefix - oldOffsets[editedSegment]!);
  const first = editedLine > oldSegments[editedSegment]!.startLine ? editedSegment : editedSegment - 1;
  // The preamble holds the front matter and is where a wrapper would open: an edit there re-segments all.
  if (first < 1) return undefined;

  const scanFrom = oldSegments[first]!.startLine;
  const unchangedFrom = next.length - suffix;
  const shift = next.length - previousText.length;
  // Segment starts are outside code, comments and raw HTML blocks, so the scan can start afresh at
  // one. A `<pre>` it meets is taken as closed below: if none closes it, the scan runs to the end
  // without finding the end tag, and the whole text is segmented afresh.
  const scanner = new HeadingScanner(() => true);
  const newLines: string[] = [];
  const starts: number[] = [];
  let nextOld = first + 1;
  let resumeAt: number | undefined;
  for (let offset = oldOffsets[first]!, line = scanFrom; offset <= next.length; line++) {
    // Past the edit, an old segment start reached outside code and comments means the old scan
    // went on from here exactly as a new one would: keep the old segments from here.
    if (offset > unchangedFrom) {
      while (nextOld < oldSegments.length && oldOffsets[nextOld]! < offset - shift) nextOld++;
      if (nextOld < oldSegments.length && oldOffsets[nextOld] === offset - shift && scanner.atTopLevel) {
        resumeAt = nextOld;
        break;
      }
    }
    const lineEnd = next.indexOf('\n', offset);
    const text = next.slice(offset, lineEnd < 0 ? next.length : lineEnd);
    // The first line is the heading of segment `first`, before the edit: it starts a segment again.
    if (scanner.startsSegment(text, line)) starts.push(line);
    newLines.push(text);
    if (lineEnd < 0) break;
    offset = lineEnd + 1;
  }
  // A fence left open at the end may swallow headings, and a `<pre>` nothing closes is read as text:
  // both are decided for the whole document.
  if (resumeAt === undefined && (scanner.openFence !== undefined || scanner.inRawHtmlBlock)) return undefined;

  const lineShift = resumeAt === undefined ? 0 : scanFrom + newLines.length - oldSegments[resumeAt]!.startLine;
  const lines = oldLines
    .slice(0, scanFrom)
    .concat(newLines, resumeAt === undefined ? [] : oldLines.slice(oldSegments[resumeAt]!.startLine));
  const segments: Segment[] = oldSegments.slice(0, first);
  const scannedEnd = scanFrom + newLines.length;
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i]!;
    const end = starts[i + 1] ?? scannedEnd;
    segments.push({ text: newLines.slice(start - scanFrom, end - scanFrom).join('\n'), startLine: start, lineCount: end - start });
  }
  if (resumeAt !== undefined) {
    for (let i = resumeAt; i < oldSegments.length; i++) {
      const segment = oldSegments[i]!;
      segments.push(
        lineShift === 0 ? segment : { text: segment.text, startLine: segment.startLine + lineShift, lineCount: segment.lineCount },
      );
    }
  }
  const segmentation = { lines, segments };
  withoutCr.add(segmentation);
  return segmentation;
}

/** Whether what an edit anywhere may change is decided for the whole text, or its lines end in CR. */
function decidedForWholeText(text: string, segmentation: Segmentation): boolean {
  // A `<pre>` nothing closed is read as text; an end tag typed anywhere below would close it.
  if (segmentation.wrapper || segmentation.swallowing || segmentation.unclosedRawHtml !== undefined) return true;
  if (!withoutCr.has(segmentation) && text.includes('\r')) return true;
  const lines = segmentation.lines;
  // An unclosed front matter fence, or a ```markdown fence opening the document, can be completed by an edit anywhere.
  return (lines[0]?.trimEnd() === '---' && frontMatterEnd(lines) === 0) || findWrapperOpen(lines) >= 0;
}

/** Offset in the document of each segment's first character (segments are joined by "\n"). */
function segmentOffsets(segments: readonly Segment[]): number[] {
  const offsets: number[] = [];
  let offset = 0;
  for (const segment of segments) {
    offsets.push(offset);
    offset += segment.text.length + 1;
  }
  return offsets;
}

/** Index of the segment holding `offset` (the last one starting at or before it). */
function segmentAtOffset(offsets: readonly number[], offset: number): number {
  return Math.max(0, lastAtOrBefore(offsets, offset));
}

function countLineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let index = text.indexOf('\n', from); index >= 0 && index < to; index = text.indexOf('\n', index + 1)) count++;
  return count;
}

/** Length of the common start of `a` and `b`, known to be at least `known`. */
function commonPrefix(a: string, b: string, known: number): number {
  const max = Math.min(a.length, b.length);
  let length = Math.min(known, max);
  while (length + COMPARE_CHUNK <= max && a.slice(length, length + COMPARE_CHUNK) === b.slice(length, length + COMPARE_CHUNK))
    length += COMPARE_CHUNK;
  while (length < max && a.charCodeAt(length) === b.charCodeAt(length)) length++;
  return length;
}

/** Length of the common end of `a` and `b` that does not overlap their common start of `prefix` characters; it is at least `known` where it may be. */
function commonSuffix(a: string, b: string, prefix: number, known: number): number {
  const max = Math.min(a.length, b.length) - prefix;
  let length = Math.min(known, max);
  while (
    length + COMPARE_CHUNK <= max &&
    a.slice(a.length - length - COMPARE_CHUNK, a.length - length) === b.slice(b.length - length - COMPARE_CHUNK, b.length - length)
  )
    length += COMPARE_CHUNK;
  while (length < max && a.charCodeAt(a.length - length - 1) === b.charCodeAt(b.length - length - 1)) length++;
  return length;
}
