// Where a comment line can go near a finding without changing what a renderer shows. A comment
// line between two table rows ends the table, one between two lines of a paragraph splits it, one
// at a list's own indentation between two items ends the list, and one inside a code block is
// shown as code (and is no directive). So a comment goes right above the finding's line only when
// that line starts a block; otherwise a pair of comments goes around the whole block.
// Read from the lines alone, scanning for code blocks only from the finding's section heading, since
// every finding offers the fix and it is built on every keystroke.
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
/** Lines that start a block even right below a paragraph line (they can interrupt a paragraph). */
const INTERRUPTS = /^(#{1,6}(?:[ \t]|$)|`{3,}|~{3,}|>|<!--|<\/?[A-Za-z]|(?:[-*_][ \t]*){3,}$|[-*+][ \t]+\S|1[.)][ \t]+\S)/;
/** An HTML block that runs to the next blank line (CommonMark kinds 6 and 7): lines in it are raw HTML, never blocks of their own. */
const HTML_BLOCK =
  /^(<\/?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:[\s/>]|$)|<\/?[A-Za-z][\w-]*(?:\s[^<>]*)?\/?>\s*$)/i;
/** Lines after which the next line starts a new block whatever it is. */
// A comment's end closes a comment block, unless the comment opened after text on the line (inline, in a paragraph).
const ENDS_BLOCK = /^(#{1,6}(?:[ \t]|$)|(?:[-*_][ \t]*){3,}$|(?:<!--.*|(?:(?!<!--).)*)-->[ \t]*$)/;

interface SplitLine {
  /** Quote markers and indentation. */
  prefix: string;
  /** How many block quotes the line is in. */
  quotes: number;
  /** The rest of the line. */
  content: string;
}

function split(line: string): SplitLine {
  const match = CONTAINER.exec(line)!;
  const prefix = match[0];
  return { prefix, quotes: match[1]!.split('>').length - 1, content: line.slice(prefix.length) };
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
  let above = line - 1;
  while (above >= firstLine && blank(lines[above])) above--;
  if (above < firstLine) return item.prefix;
  let previous = split(lines[above] ?? '');
  // Lazy continuation lines (the item above's paragraph, not indented) belong to that item: look past them.
  while (
    previous.prefix.length <= item.prefix.length &&
    !LIST_MARKER.test(previous.content) &&
    above > firstLine &&
    !blank(lines[above - 1])
  )
    previous = split(lines[--above] ?? '');
  const inList =
    previous.prefix.length > item.prefix.length || (previous.prefix.length === item.prefix.length && LIST_MARKER.test(previous.content));
  return inList ? contentPrefix : item.prefix;
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
    const wasTop = scan.scanner.atTopLevel;
    scan.scanner.startsSegment(lines[at] ?? '', at);
    if (wasTop && !scan.scanner.atTopLevel) scan.open = at;
    else if (!wasTop && scan.scanner.atTopLevel && scan.open !== undefined) {
      scan.blocks.push({ start: scan.open, end: at });
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
  const opening = split(lines[runStart] ?? '');
  if (runStart < line && HTML_BLOCK.test(opening.content)) {
    let end = line;
    while (end + 1 < lines.length && !blank(lines[end + 1])) end++;
    return { kind: 'HTML block', start: runStart, end, prefix: opening.prefix };
  }

  const here = split(lines[line] ?? '');
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

/** Whether `line` starts a block (a comment right above it then stays between two blocks). */
function startsBlock(lines: readonly string[], line: number, firstLine: number): boolean {
  if (line <= firstLine || blank(lines[line - 1])) return true;
  const here = split(lines[line] ?? '');
  const above = split(lines[line - 1] ?? '');
  if (here.quotes > above.quotes) return true;
  // Fewer quote markers: a lazy continuation of the quote's paragraph, unless something ends it.
  if (here.quotes < above.quotes)
    return (
      INTERRUPTS.test(here.content) ||
      LIST_MARKER.test(here.content) ||
      ENDS_BLOCK.test(above.content) ||
      /^(`{3,}|~{3,})/.test(above.content)
    );
  // Four columns past the line above's content, a line only continues its paragraph.
  if (here.prefix.length > (listContentPrefix(above) ?? above.prefix).length + 3) return false;
  if (INTERRUPTS.test(here.content) || LIST_MARKER.test(here.content)) return true;
  const previous = above.content;
  return ENDS_BLOCK.test(previous) || /^(`{3,}|~{3,})/.test(previous);
}
