// Where a comment line can go near a finding without changing what a renderer shows. A comment
// line between two table rows ends the table, one between two lines of a paragraph splits it, one
// at a list's own indentation between two items ends the list, and one inside a code block is
// shown as code (and is no directive). So a comment goes right above the finding's line only when
// that line starts a block; otherwise a pair of comments goes around the whole block.
// Read from the lines alone, scanning for code blocks only from the finding's section heading, since
// every finding offers the fix and it is built on every keystroke.
import { BLOCK_TAG, LONE_TAG } from '../analysis/html-block-tags';
import { frontMatterEnd, HeadingScanner, rawHtmlCloser, type RawHtmlCloser } from '../analysis/segments';
import { lastAtOrBefore } from '../sorted';

/** What a comment above a line, or a pair around its block, must cover. */
export type BlockKind = 'line' | 'paragraph' | 'table' | 'code block' | 'HTML block';

export interface CommentPlacement {
  kind: BlockKind;
  /** The first line of what the comment(s) must cover: the line itself for `line`. */
  start: number;
  /** The last line of the block; equal to `start` for `line`. */
  end: number;
  /** What each inserted comment line starts with to stay in the block's container (quote markers, list indentation). */
  prefix: string;
  /** A code block never closed: it runs to the end, so nothing can follow it. */
  unclosed?: true;
}

const CONTAINER = /^((?:[ \t]{0,3}>[ \t]?)*)([ \t]*)/;
const LIST_MARKER = /^([-*+]|\d{1,9}[.)])([ \t]{1,4}(?=\S)|[ \t]*$)/;
const TABLE_DELIMITER = /^\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
/**
 * Lines that start a block even right below a paragraph line (they can interrupt a paragraph): of
 * HTML, only the kinds 1 to 6 (an inline tag such as `<em>` continues the paragraph), and of ordered
 * list items only one numbered 1.
 */
const INTERRUPTS = new RegExp(
  `^(#{1,6}(?:[ \\t]|$)|\`{3,}|~{3,}|>|<(?:script|pre|style|textarea)(?:[\\s>]|$)|<!--|<\\?|<![A-Za-z]|<!\\[CDATA\\[|${BLOCK_TAG}|(?:[-*_][ \\t]*){3,}$|[-*+][ \\t]+\\S|1[.)][ \\t]+\\S)`,
  'i',
);
/** An HTML block that runs to the next blank line (CommonMark kinds 6 and 7): lines in it are raw HTML, never blocks of their own. */
const HTML_BLOCK = new RegExp(`^(${BLOCK_TAG}|${LONE_TAG})`, 'i');
/** Lines after which the next line starts a new block whatever it is. */
// A comment's end closes a comment block, unless the comment opened after text on the line (inline, in a paragraph).
const ENDS_BLOCK = /^(#{1,6}(?:[ \t]|$)|(?:[-*_][ \t]*){3,}$|(?:<!--.*|(?:(?!<!--).)*)-->[ \t]*$)/;
/** A setext heading's `=` underline, when a line of text comes right above it. */
const SETEXT_UNDERLINE = /^=+[ \t]*$/;

/** Whether the line at `at` ends its block, so the line after it starts one whatever it is. */
function endsBlock(lines: readonly string[], at: number, firstLine: number): boolean {
  const here = split(lines[at] ?? '');
  return ENDS_BLOCK.test(here.content) || /^(`{3,}|~{3,})/.test(here.content) || underlinesText(lines, at, here, firstLine);
}

/**
 * Whether a line of `=` underlines the paragraph line above it: in the same container (a lazy
 * line, less indented than its list item's content or outside its quote, cannot be an underline:
 * it is text).
 */
function underlinesText(lines: readonly string[], at: number, here: SplitLine, firstLine: number): boolean {
  if (!SETEXT_UNDERLINE.test(here.content) || at <= firstLine || blank(lines[at - 1])) return false;
  const above = split(lines[at - 1] ?? '');
  if (above.quotes !== here.quotes || ENDS_BLOCK.test(above.content) || HTML_BLOCK.test(above.content)) return false;
  const column = listContentPrefix(above)?.length ?? containerColumn(lines, at - 1, above, firstLine);
  return here.prefix.length >= column;
}

interface SplitLine {
  /** Quote markers and indentation. */
  prefix: string;
  /** How many block quotes the line is in. */
  quotes: number;
  /** How wide the quote markers are (the rest of the prefix is indentation). */
  quoteWidth: number;
  /** The rest of the line. */
  content: string;
}

function split(line: string): SplitLine {
  const match = CONTAINER.exec(line)!;
  const prefix = match[0];
  return { prefix, quotes: match[1]!.split('>').length - 1, quoteWidth: match[1]!.length, content: line.slice(prefix.length) };
}

/** The prefix that keeps a comment inside a list item's content: its indentation plus the marker's width. */
function listContentPrefix(line: SplitLine): string | undefined {
  const marker = LIST_MARKER.exec(line.content);
  if (!marker) return undefined;
  const width = marker[1]!.length + Math.max(1, marker[2]!.length);
  return line.prefix + ' '.repeat(width);
}

/**
 * A comment above a list item after another item (or inside one's content) goes at the item's
 * content indentation, so it joins the item above and the list is not cut in two. Above the first
 * item of a list (the line above is less indented, or is no list item) it goes at the item's own
 * indentation: the content's could make it code after a heading or text of the paragraph above.
 */
function listItemCommentPrefix(lines: readonly string[], line: number, item: SplitLine, contentPrefix: string, firstLine: number): string {
  return hasItemAbove(lines, line, item, firstLine) ? contentPrefix : item.prefix;
}

/**
 * Whether an item of the same list comes above the item on `line`: scanning up past blank lines,
 * deeper content and lazy continuation lines (a paragraph's lines under an item, not indented), a
 * marker at the item's own indentation is one; a parent item's marker, a heading, or a line at the
 * item's indentation or less that starts a paragraph of its own means the list starts here.
 */
function hasItemAbove(lines: readonly string[], line: number, item: SplitLine, firstLine: number): boolean {
  for (let at = line - 1; at >= firstLine; at--) {
    if (blank(lines[at])) continue;
    const above = split(lines[at] ?? '');
    // A quote the item is not in: content of an item above when indented past the item's marker, else the list's end.
    if (above.quotes !== item.quotes) {
      if (above.quotes > item.quotes && /^[ \t]*/.exec(lines[at] ?? '')![0].length > item.prefix.length) continue;
      return false;
    }
    const isItem = LIST_MARKER.test(above.content);
    if (isItem && above.prefix.length <= item.prefix.length) return above.prefix.length === item.prefix.length;
    if (above.prefix.length > item.prefix.length) continue;
    if (endsBlock(lines, at, firstLine) || at === firstLine || blank(lines[at - 1])) return false;
  }
  return false;
}

const blank = (line: string | undefined): boolean => line === undefined || split(line).content.trim() === '';

/** A code fence, multi-line HTML comment or raw-text HTML block, by its first and last line. */
interface HiddenBlock {
  start: number;
  end: number;
  unclosed?: true;
}

/** Finding where raw-text HTML blocks close reads the document from its end: once per document, not per finding. */
const closers = new WeakMap<readonly string[], RawHtmlCloser>();

function closerOf(lines: readonly string[]): RawHtmlCloser {
  let closer = closers.get(lines);
  if (!closer) {
    closer = rawHtmlCloser(lines);
    closers.set(lines, closer);
  }
  return closer;
}

/** A scan for hidden blocks from one section heading, carried on only as far as a finding needs. */
interface SectionScan {
  scanner: HeadingScanner;
  /** The next line to scan. */
  next: number;
  /** The line a block still open at `next` opened on. */
  open?: number;
  blocks: HiddenBlock[];
}

/** Per document, the scans by the line they start from: the findings of one section share one scan, so a document is scanned at most once. */
const sectionScans = new WeakMap<readonly string[], Map<number, SectionScan>>();

/**
 * The code fence, multi-line comment or raw-text HTML block that holds `line` (opened above it),
 * scanning from `from`, a line outside all of them (a section's heading), until `line` and the
 * block open there, if any, are passed.
 */
function hiddenBlockHolding(lines: readonly string[], line: number, from: number): HiddenBlock | undefined {
  let scans = sectionScans.get(lines);
  if (!scans) sectionScans.set(lines, (scans = new Map()));
  let scan = scans.get(from);
  if (!scan) scans.set(from, (scan = { scanner: new HeadingScanner(closerOf(lines)), next: from, blocks: [] }));
  while (scan.next < lines.length && (scan.next <= line || (scan.open !== undefined && scan.open < line))) {
    const at = scan.next++;
    const wasHidden = scan.scanner.inHiddenBlock;
    scan.scanner.startsSegment(lines[at] ?? '', at);
    if (!wasHidden && scan.scanner.inHiddenBlock) scan.open = at;
    else if (wasHidden && !scan.scanner.inHiddenBlock && scan.open !== undefined) {
      // A fence in a list item ends with the item: the line that ends the item is not code.
      scan.blocks.push({ start: scan.open, end: scan.scanner.endedBlockAbove ? at - 1 : at });
      scan.open = undefined;
    }
  }
  const closed = scan.blocks.find((block) => block.start < line && line <= block.end);
  if (closed) return closed;
  return scan.open !== undefined && scan.open < line ? { start: scan.open, end: lines.length - 1, unclosed: true } : undefined;
}

/**
 * Where a scan for code blocks about `line` can start: the heading of `line`'s section (a section
 * starts outside code blocks and comments), else where content starts after the front matter.
 */
export function scanStart(lines: readonly string[], sections: readonly { startLine: number }[], line: number): number {
  const start = frontMatterEnd(lines);
  const heading = sections[lastAtOrBefore(startLinesOf(sections), line)]?.startLine;
  return heading !== undefined && heading > start ? heading : start;
}

/** The sections' first lines (ascending, as sections come in document order), once per section list: every finding's fix asks. */
const sectionStarts = new WeakMap<readonly { startLine: number }[], number[]>();

function startLinesOf(sections: readonly { startLine: number }[]): number[] {
  let starts = sectionStarts.get(sections);
  if (!starts) sectionStarts.set(sections, (starts = sections.map((section) => section.startLine)));
  return starts;
}

/** The first line of a code block or comment that nothing closes, which runs to the end of the document. */
export function unclosedBlockStart(lines: readonly string[], sections: readonly { startLine: number }[]): number | undefined {
  const block = hiddenBlockHolding(lines, lines.length, scanStart(lines, sections, lines.length));
  return block?.unclosed ? block.start : undefined;
}

/**
 * Where a comment about line `line` goes (see the file comment). `firstLine` is where content starts
 * (after front matter); `scanFrom`, at or before `line`, is outside code blocks and comments (the
 * heading of `line`'s section, else `firstLine`).
 */
export function commentPlacement(lines: readonly string[], line: number, firstLine: number, scanFrom = firstLine): CommentPlacement {
  const hidden = hiddenBlockHolding(lines, line, scanFrom);
  if (hidden) return { kind: 'code block', ...hidden, prefix: split(lines[hidden.start] ?? '').prefix };

  let runStart = line;
  while (runStart > firstLine && !blank(lines[runStart - 1])) runStart--;
  // An HTML block runs to the next blank line: from the run's first line, or from a block-level tag
  // that interrupts a paragraph further down.
  for (let at = runStart; at < line; at++) {
    const opening = split(lines[at] ?? '');
    if (!HTML_BLOCK.test(opening.content) || (at > runStart && !startsBlock(lines, at, firstLine))) continue;
    // A tag inside a code fence the run holds is code, not an HTML block.
    if (hiddenBlockHolding(lines, at, scanFrom)) continue;
    let end = line;
    while (end + 1 < lines.length && !blank(lines[end + 1])) end++;
    return { kind: 'HTML block', start: at, end, prefix: opening.prefix };
  }

  const here = split(lines[line] ?? '');
  const code = indentedCode(lines, line, here, firstLine);
  if (code) return code;
  const listPrefix = listContentPrefix(here);
  if (listPrefix !== undefined && startsBlock(lines, line, firstLine))
    return { kind: 'line', start: line, end: line, prefix: listItemCommentPrefix(lines, line, here, listPrefix, firstLine) };
  if (startsBlock(lines, line, firstLine)) return { kind: 'line', start: line, end: line, prefix: here.prefix };

  let start = line;
  while (!startsBlock(lines, start, firstLine)) start--;
  let end = line;
  while (end + 1 < lines.length && !blank(lines[end + 1]) && !startsBlock(lines, end + 1, firstLine)) end++;
  const first = split(lines[start] ?? '');
  const kind: BlockKind =
    TABLE_DELIMITER.test(split(lines[start + 1] ?? '').content.trim()) && first.content.includes('|') ? 'table' : 'paragraph';
  return { kind, start, end, prefix: listContentPrefix(first) ?? first.prefix };
}

/** Whether `line` is a row of a table in the block that starts at `start` (a table may follow a paragraph's line). */
export function isTableRow(lines: readonly string[], start: number, line: number): boolean {
  if (!(lines[line] ?? '').includes('|')) return false;
  for (let at = start; at <= line + 1 && at < lines.length; at++)
    if (TABLE_DELIMITER.test(split(lines[at] ?? '').content.trim())) return true;
  return false;
}

/**
 * The indented code block holding `line`, if any: a block four columns past its container (the
 * quote, or the list item holding it) that starts after a blank line, since indented code cannot
 * interrupt a paragraph. A comment above its first line goes at the container's indentation (at the
 * code's it would be code); for any other line a pair goes around the whole block, blank lines
 * inside it included.
 */
function indentedCode(lines: readonly string[], line: number, here: SplitLine, firstLine: number): CommentPlacement | undefined {
  if (here.prefix.length < here.quoteWidth + 4) return undefined;
  const column = containerColumn(lines, line, here, firstLine);
  const isCode = (at: number): boolean => split(lines[at] ?? '').prefix.length >= column + 4;
  if (!isCode(line)) return undefined;
  let start = line;
  while (start > firstLine && (blank(lines[start - 1]) || isCode(start - 1))) start--;
  while (blank(lines[start])) start++;
  if (start > firstLine && !blank(lines[start - 1]) && !endsBlock(lines, start - 1, firstLine)) return undefined;
  let end = line;
  for (let at = line + 1; at < lines.length && (blank(lines[at]) || isCode(at)); at++) if (!blank(lines[at])) end = at;
  const prefix = here.prefix.slice(0, column);
  return start === line ? { kind: 'line', start, end: start, prefix } : { kind: 'code block', start, end, prefix };
}

/**
 * The column where the content of `line`'s container starts: past its quote markers, and past the
 * marker of the nearest list item above whose content holds it (no paragraph starts left of that
 * content in between).
 */
function containerColumn(lines: readonly string[], line: number, here: SplitLine, firstLine: number): number {
  let leftmost = here.prefix.length;
  for (let at = line - 1; at >= firstLine; at--) {
    if (blank(lines[at])) continue;
    const above = split(lines[at] ?? '');
    if (above.quotes !== here.quotes) break;
    const content = listContentPrefix(above);
    if (content !== undefined && content.length <= leftmost) return content.length;
    const startsParagraph = at === firstLine || blank(lines[at - 1]);
    if (startsParagraph || content !== undefined) leftmost = Math.min(leftmost, above.prefix.length);
    if (leftmost <= here.quoteWidth) break;
  }
  return here.quoteWidth;
}

/** Whether `line` starts a block (a comment right above it then stays between two blocks). */
function startsBlock(lines: readonly string[], line: number, firstLine: number): boolean {
  if (line <= firstLine || blank(lines[line - 1])) return true;
  const here = split(lines[line] ?? '');
  const above = split(lines[line - 1] ?? '');
  if (here.quotes > above.quotes) return here.quotes > quoteDepthOfParagraph(lines, line - 1, firstLine);
  // Fewer quote markers: a lazy continuation of the quote's paragraph, unless something ends it.
  if (here.quotes < above.quotes)
    return INTERRUPTS.test(here.content) || LIST_MARKER.test(here.content) || endsBlock(lines, line - 1, firstLine);
  // Four columns past the line above's content, a line only continues its paragraph.
  if (here.prefix.length > (listContentPrefix(above) ?? above.prefix).length + 3) return false;
  if (INTERRUPTS.test(here.content) || (LIST_MARKER.test(here.content) && outsideItemAbove(lines, line, here, firstLine))) return true;
  return endsBlock(lines, line - 1, firstLine);
}

/**
 * How many quotes the paragraph holding `line` is in: a lazy line (fewer quote markers than the
 * line above, continuing its paragraph) is in as many as the lines it continues, so a quote line
 * after it continues that paragraph too.
 */
function quoteDepthOfParagraph(lines: readonly string[], line: number, firstLine: number): number {
  let at = line;
  while (
    at > firstLine &&
    !blank(lines[at - 1]) &&
    split(lines[at] ?? '').quotes < split(lines[at - 1] ?? '').quotes &&
    !startsBlock(lines, at, firstLine)
  )
    at--;
  return split(lines[at] ?? '').quotes;
}

/**
 * Whether a list item line under a paragraph line lies outside the content of the nearest item
 * above it in the paragraph (then it starts an item of its own, whatever its number); inside it, or
 * with no item above, only a bullet or a 1 can interrupt the paragraph, so `2.` continues it.
 */
function outsideItemAbove(lines: readonly string[], line: number, here: SplitLine, firstLine: number): boolean {
  for (let at = line - 1; at >= firstLine && !blank(lines[at]); at--) {
    const above = split(lines[at] ?? '');
    if (above.quotes !== here.quotes || endsBlock(lines, at, firstLine)) return false;
    const content = listContentPrefix(above);
    if (content !== undefined) return content.length > here.prefix.length;
  }
  return false;
}
