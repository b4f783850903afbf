// A raw-text HTML block (`<pre>`, `<script>`, `<style>`, `<textarea>`) that nothing closes. In
// CommonMark it runs to the end of the document, so a renderer shows every heading below it as part
// of one code listing (or, for a script or style, hides them). The raw text still shows those
// sections, so the analysis reads them as sections (segments.ts) and reports the block instead, as
// it does an unclosed code fence (hidden-content).
import type { Root } from 'mdast';
import type { Segmentation } from './segments';
import type { SegmentSignals } from './signal-types';

/** The start of a raw-text block as CommonMark reads it at the top level: at most 3 spaces, then the tag. */
const RAW_BLOCK_START = /^ {0,3}<(pre|script|style|textarea)(?=[ \t>]|$)/i;
/** Any of the four end tags ends any raw-text block. */
const RAW_BLOCK_END = /<\/(?:pre|script|style|textarea)>/i;

/** A raw-text block at the top level of a segment that runs to the segment's end without an end tag. */
export interface OpenRawHtmlSignal {
  /** Line (relative to the segment) of its start tag. */
  line: number;
  /** Its tag name, lower case ("pre"). */
  tag: string;
}

/**
 * The raw-text block of a segment's parse that its end tag never closes, if any. Only a block at
 * the top level: inside a list item or a quote, or continuing another HTML block, it ends with
 * that container, and the headings after it render as headings.
 */
export function openRawHtmlBlock(tree: Root): OpenRawHtmlSignal | undefined {
  for (const node of tree.children) {
    if (node.type !== 'html') continue;
    const start = RAW_BLOCK_START.exec(node.value);
    if (start && !RAW_BLOCK_END.test(node.value)) return { line: (node.position?.start.line ?? 1) - 1, tag: start[1]!.toLowerCase() };
  }
  return undefined;
}

/** An unclosed raw-text block and the headings it swallows in a renderer. */
export interface SwallowingRawHtml {
  /** Line of its start tag. */
  open: number;
  /** Its tag name, lower case: the end tag that closes it is `</tag>`. */
  tag: string;
  /** Lines of the headings after it. */
  headings: number[];
}

/**
 * The first raw-text block that runs to the end of the document and swallows headings, from the
 * segmentation (which notes whether some start tag is closed by nothing below, at any indentation)
 * and each segment's parse (which tells whether it opens a top-level block). A document without
 * such a start tag costs nothing.
 */
export function swallowingRawHtml(segmentation: Segmentation, signals: readonly SegmentSignals[]): SwallowingRawHtml | undefined {
  if (segmentation.unclosedRawHtml === undefined) return undefined;
  const { segments } = segmentation;
  // The last segment swallows no heading.
  for (let index = 0; index < segments.length - 1; index++) {
    const block = signals[index]?.openRawHtml;
    if (!block) continue;
    const headings = segments.slice(index + 1).map((segment) => segment.startLine);
    return { open: segments[index]!.startLine + block.line, tag: block.tag, headings };
  }
  return undefined;
}
