// Splits a document into segments at ATX headings with one cheap line scan. A segment is a heading
// line and the lines up to the next heading (the first segment is the preamble, front matter
// included). Headings inside fenced code (a fence in a list item ends with the item), HTML comments,
// raw-text HTML blocks (`<pre>`, `<script>`, `<style>`, `<textarea>`), other HTML blocks (to their
// blank line) and front matter do not split, as in CommonMark, so each segment parses on
// its own exactly as it would in the whole document for everything the analysis reads. Two
// exceptions, both read as the raw text shows them: a fence never closed (its swallowed headings
// split, see SwallowingFence), and a `<pre>` that continues another HTML block (`<h3>Setup</h3>`
// with no blank line between): CommonMark ends that block at the first blank line and takes the
// `# install dependencies` lines below as headings, but a reader, and a browser, see one code
// listing, so they do not split (they stay in the segment, parsed there as in the whole document).
// This is the unit of incremental re-analysis: an edit re-parses and re-judges only the segments
// whose text changed.

export interface Segment {
  /** The segment's lines joined with "\n", without a trailing newline. */
  text: string;
  /** 0-based document line of the segment's first line. */
  startLine: number;
  lineCount: number;
}

import { BLOCK_TAG, LONE_TAG } from './html-block-tags';
import { pausesAfter, runSteps, type Steps } from './steps';

const FENCE_OPEN = /^\s*(`{3,}|~{3,})(.*)$/;
const ATX_HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;
const COMMENT_OPEN = /^\s{0,3}<!--/;
/**
 * The start of a raw-text HTML block (CommonMark's type 1): it runs to the line holding an end tag.
 * Any indentation, since it may continue an indented HTML block (`<li>` ... `<pre>`).
 */
const RAW_HTML_OPEN = /^[ \t]*<(?:pre|script|style|textarea)(?:[ \t>]|$)/i;
/** Any of the four end tags ends any raw-text block, as in CommonMark. */
const RAW_HTML_CLOSE = /<\/(?:pre|script|style|textarea)>/i;
const BLOCK_TAG_LINE = new RegExp(`^ {0,3}${BLOCK_TAG}`, 'i');
const LONE_TAG_LINE = new RegExp(`^ {0,3}${LONE_TAG}`, 'i');

/** Splits `text` into lines the way the analysis counts them (LF, CRLF or CR). */
function splitLines(text: string): string[] {
  // A plain string split is several times faster than the regex, and most documents have no CR.
  return text.includes('\r') ? text.split(/\r\n|\r|\n/) : text.split('\n');
}

/**
 * A code fence that is never closed swallows every heading after it in a renderer. The reader of the
 * raw text (and a reviewer) still sees those sections, so the analysis reads them as sections and
 * reports the fence instead (hidden-content).
 */
export interface SwallowingFence {
  /** Line of the opening fence. */
  open: number;
  /** Lines of the headings it swallows. */
  headings: number[];
}

/** How the analysis reads a document: its lines (a wrapper's fence lines blanked) and its segments. */
export interface Segmentation {
  lines: string[];
  segments: Segment[];
  wrapper?: MarkdownWrapper;
  swallowing?: SwallowingFence;
  /** Line of a `<pre>` (or script, style, textarea) no later line closes, read as text; an end tag added below would close it. */
  unclosedRawHtml?: number;
}

/** The one place that decides which lines and segment texts the analysis reads, in steps. */
export function* segmentDocumentSteps(text: string): Steps<Segmentation> {
  const lines = splitLines(text);
  yield;
  const wrapper = findMarkdownWrapper(lines);
  // The wrapper's fence lines are read as blank so the design doc inside is analysed as the reader sees it.
  if (wrapper) {
    lines[wrapper.open] = '';
    if (wrapper.close !== undefined) lines[wrapper.close] = '';
  }
  const { segments, swallowing, unclosedRawHtml } = yield* splitSegmentsSteps(lines);
  const segmentation: Segmentation = { lines, segments };
  if (wrapper) segmentation.wrapper = wrapper;
  if (swallowing) segmentation.swallowing = swallowing;
  if (unclosedRawHtml !== undefined) segmentation.unclosedRawHtml = unclosedRawHtml;
  return segmentation;
}

export function segmentDocument(text: string): Segmentation {
  return runSteps(segmentDocumentSteps(text));
}

/**
 * Segments at headings; the headings a swallowing fence hides still split, as the reader sees them.
 * In steps (see steps.ts): each line scan is one, and so is every thousand segments.
 */
function* splitSegmentsSteps(
  lines: readonly string[],
): Steps<{ segments: Segment[]; swallowing?: SwallowingFence; unclosedRawHtml?: number }> {
  const rawHtml = rawHtmlCloser(lines);
  let scan = scanHeadings(lines, rawHtml);
  let swallowing: SwallowingFence | undefined;
  if (scan.openFence !== undefined) {
    yield;
    // Scan again as if the unclosed fence were text; without swallowed headings it is just a code block.
    // Every other fence that never closes is read as text too: a second unclosed fence right after
    // the first would otherwise hide the same headings again, and the fix that closes the first
    // would not bring them back.
    const open = scan.openFence;
    const asText = scanHeadings(lines, rawHtml, unclosedFences(lines));
    const headings = asText.starts.filter((line) => line > open);
    if (headings.length > 0) [scan, swallowing] = [asText, { open, headings }];
  }
  yield;
  const { starts, unclosedRawHtml } = scan;
  const segments: Segment[] = [];
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i]!;
    const end = starts[i + 1] ?? lines.length;
    segments.push({ text: lines.slice(start, end).join('\n'), startLine: start, lineCount: end - start });
    if (pausesAfter(i)) yield;
  }
  return {
    segments,
    ...(swallowing ? { swallowing } : {}),
    ...(unclosedRawHtml === undefined ? {} : { unclosedRawHtml }),
  };
}

/** Lines where segments start, and the line of a fence still open at the end (reading the fences `ignoresFence` names as text). */
function scanHeadings(
  lines: readonly string[],
  rawHtml: RawHtmlCloser,
  ignoresFence?: FenceFilter,
): { starts: number[]; openFence?: number; unclosedRawHtml?: number } {
  const starts: number[] = [0];
  const scanner = new HeadingScanner(rawHtml, ignoresFence);
  for (let index = frontMatterEnd(lines); index < lines.length; index++)
    if (scanner.startsSegment(lines[index] ?? '', index)) starts.push(index);
  return {
    starts,
    ...(scanner.openFence === undefined ? {} : { openFence: scanner.openFence }),
    ...(scanner.unclosedRawHtml === undefined ? {} : { unclosedRawHtml: scanner.unclosedRawHtml }),
  };
}

/**
 * Whether a raw-text HTML block opening at line `index` is closed on a later line. A `<pre>` never
 * closed would hide every heading below it in a renderer; the raw text still shows those sections,
 * so such a line is read as text (the document loses nothing, as with an unclosed fence).
 */
export type RawHtmlCloser = (index: number) => boolean;

/**
 * Where raw-text HTML blocks can close: one pass from the end for the last line holding an end tag,
 * made when a block first opens (most documents have none, and every keystroke's fixes ask).
 */
export function rawHtmlCloser(lines: readonly string[]): RawHtmlCloser {
  let lastEndTag: number | undefined;
  return (index) => {
    if (lastEndTag === undefined) {
      lastEndTag = -1;
      for (let at = lines.length - 1; at >= 0 && lastEndTag < 0; at--) {
        const line = lines[at] ?? '';
        if (line.includes('</') && RAW_HTML_CLOSE.test(line)) lastEndTag = at;
      }
    }
    return index < lastEndTag;
  };
}

/**
 * The heading scan, one line at a time: code fences, HTML comments and raw-text HTML blocks
 * (`<pre>`, `<script>`, `<style>`, `<textarea>`, running across blank lines to their end tag) hide
 * headings: a shell comment `# install dependencies` in an HTML code listing is not a section. At
 * every segment start it is outside all three, which is what lets an edit re-scan from a segment start.
 */
export class HeadingScanner {
  /** The open fence; `column` is where its list item's content starts (0 outside lists): a line left of it ends the item and the fence. */
  private fence: { char: string; length: number; column: number } | undefined;
  private fenceLine = -1;
  /** Content columns of the list items the scan is in, innermost last. */
  private listColumns: number[] = [];
  private inComment = false;
  private commentLine = -1;
  private inRawHtml = false;
  private firstUnclosedRawHtml: number | undefined;
  /** In an HTML block of kind 6 or 7, which runs to the next blank line. */
  private inHtmlBlock = false;
  /** Where the open HTML block's list item's content starts (0 outside lists): a line left of it ends the item and the block. */
  private htmlColumn = 0;
  /** The last line read ended a code block by ending its list item, so the block ended on the line above. */
  private blockEndedAbove = false;
  /** The line above is paragraph text, which a lone tag cannot interrupt. */
  private paragraphAbove = false;

  /** `rawHtmlCloses` tells whether a raw-text block opening at a line is closed below; only those hide headings. */
  constructor(
    private readonly rawHtmlCloses: RawHtmlCloser,
    private readonly ignoresFence?: FenceFilter,
  ) {}

  /** Whether the scan is outside code fences, comments and HTML blocks, as at a segment start. */
  get atTopLevel(): boolean {
    return !this.inHiddenBlock && !this.inHtmlBlock;
  }

  /** Whether the last line read ended a code block on the line above it (by ending the list item holding it). */
  get endedBlockAbove(): boolean {
    return this.blockEndedAbove;
  }

  /** Whether the scan is inside a code fence, a comment or a raw-text HTML block: lines a reader sees as code or not at all. */
  get inHiddenBlock(): boolean {
    return this.fence !== undefined || this.inComment || this.inRawHtml;
  }

  /** Whether a raw-text HTML block is still open. */
  get inRawHtmlBlock(): boolean {
    return this.inRawHtml;
  }

  /** Line of the first raw-text block opening read as text because nothing below closes it. */
  get unclosedRawHtml(): number | undefined {
    return this.firstUnclosedRawHtml;
  }

  /** Line of a fence still open, if one is. */
  get openFence(): number | undefined {
    return this.fence ? this.fenceLine : undefined;
  }

  /** Line of an HTML comment still open, if one is. */
  get openComment(): number | undefined {
    return this.inComment ? this.commentLine : undefined;
  }

  /** Reads line `index`; true when it is a heading that starts a segment. */
  startsSegment(line: string, index: number): boolean {
    const wasTop = this.atTopLevel;
    this.blockEndedAbove = false;
    const heading = this.read(line, index);
    this.paragraphAbove = wasTop && !heading && this.atTopLevel && line.trim() !== '';
    // The first line is the preamble's, even as a heading.
    return heading && index > 0;
  }

  /** A raw-text block opening on `line`: it hides what follows up to its end tag, if a later line holds one. */
  private openRawHtml(line: string, index: number): void {
    if (RAW_HTML_CLOSE.test(line)) return;
    this.inRawHtml = this.rawHtmlCloses(index);
    if (this.inRawHtml) this.inHtmlBlock = false;
    else this.firstUnclosedRawHtml ??= index;
  }

  /** Reads line `index`; true when it is a heading. */
  private read(line: string, index: number): boolean {
    if (this.fence) {
      if (line.trim() === '') return false;
      const indent = indentation(line);
      const { column } = this.fence;
      // A code block in a list item ends with the item, at the first line left of its content.
      if (indent < column) {
        this.fence = undefined;
        this.blockEndedAbove = true;
        return this.read(line, index);
      }
      const close = FENCE_OPEN.exec(line);
      if (
        close &&
        indent - column <= 3 &&
        close[1]![0] === this.fence.char &&
        close[1]!.length >= this.fence.length &&
        close[2]!.trim() === ''
      )
        this.fence = undefined;
      return false;
    }
    if (this.inComment) {
      if (line.includes('-->')) this.inComment = false;
      return false;
    }
    if (this.inRawHtml) {
      if (line.includes('</') && RAW_HTML_CLOSE.test(line)) this.inRawHtml = false;
      return false;
    }
    // A fence or a heading marker in an HTML block is raw HTML: `<div align="center">` over a line
    // of backticks opens no code block.
    if (this.inHtmlBlock) {
      const blank = line.trim() === '';
      if (!blank && indentation(line) < this.htmlColumn) {
        // An HTML block in a list item ends with the item.
        this.inHtmlBlock = false;
        return this.read(line, index);
      }
      if (blank) this.inHtmlBlock = false;
      // A `<pre>` in it still runs to its end tag, as its writer meant: the shell comments of an
      // HTML code listing after a blank line are no headings to a reader.
      else if (line.includes('<') && RAW_HTML_OPEN.test(line)) this.openRawHtml(line, index);
      return false;
    }
    if (this.opensFence(line, index)) return false;
    if (COMMENT_OPEN.test(line)) {
      // `<!-->` and `<!--->` are whole comments.
      this.inComment = !line.slice(line.indexOf('<!--') + 2).includes('-->');
      this.commentLine = index;
      return false;
    }
    // Tested only on lines holding "<": most lines do not.
    if (line.includes('<') && RAW_HTML_OPEN.test(line)) {
      this.openRawHtml(line, index);
      return false;
    }
    if (line.includes('<') && (BLOCK_TAG_LINE.test(line) || (!this.paragraphAbove && LONE_TAG_LINE.test(line)))) {
      this.inHtmlBlock = true;
      this.htmlColumn = this.listColumns[this.listColumns.length - 1] ?? 0;
      return false;
    }
    if (!ATX_HEADING.test(line)) return false;
    // A heading ends the lists above it (one indented into an item is still read as a section).
    this.listColumns.length = 0;
    return true;
  }

  /**
   * Whether `line` opens a code fence, in a list item or not: at most 3 columns right of where its
   * container's content starts (more is indented code, or a paragraph's text), on its own line or
   * right after a list marker. Keeps the list items the line is in up to date.
   */
  private opensFence(line: string, index: number): boolean {
    const columns = this.listColumns;
    // Most lines neither start with a fence or a list marker nor leave a list: one look at their first character.
    const first = FIRST_CHARACTER.exec(line)?.[0];
    if (first === undefined || (columns.length === 0 && !FENCE_OR_ITEM_START.includes(first))) return false;
    const indent = indentation(line);
    while (columns.length > 0 && columns[columns.length - 1]! > indent) columns.pop();
    let column = columns[columns.length - 1] ?? 0;
    let content = line;
    const item = LIST_ITEM.exec(line);
    if (item && !THEMATIC_BREAK.test(line)) {
      const spaces = item[3]!.length;
      column = indent + item[2]!.length + (spaces === 0 || spaces > 4 ? 1 : spaces);
      columns.push(column);
      // Five spaces or more after the marker start indented code in the item, not its text.
      content = ' '.repeat(indent + item[2]!.length + spaces) + line.slice(item[0].length);
    }
    const open = FENCE_OPEN.exec(content);
    if (!open || indentation(content) - column > 3) return false;
    const [marker, info] = [open[1]!, open[2]!];
    if ((marker[0] === '`' && info.includes('`')) || this.ignoresFence?.(index, marker[0]!, marker.length)) return false;
    this.fence = { char: marker[0]!, length: marker.length, column };
    this.fenceLine = index;
    return true;
  }
}

const FIRST_CHARACTER = /\S/;
const FENCE_OR_ITEM_START = '`~-*+0123456789';
/** A list item's marker and the spaces after it (none when the item is empty). */
const LIST_ITEM = /^([ \t]*)([-*+]|\d{1,9}[.)])( {1,}(?=\S)|[ \t]*$)/;
const THEMATIC_BREAK = /^ {0,3}(?:[-*_][ \t]*){3,}$/;

/** The columns of a line's leading whitespace, tabs to the next multiple of 4. */
function indentation(line: string): number {
  let column = 0;
  for (const char of line) {
    if (char === ' ') column++;
    else if (char === '\t') column += 4 - (column % 4);
    else break;
  }
  return column;
}

/** Whether the fence opening at line `index` with `length` times `char` is to be read as text. */
type FenceFilter = (index: number, char: string, length: number) => boolean;

/**
 * Fences that no later line can close, in one pass from the end: for each line, the longest bare
 * backtick and tilde fence after it. (A fence closes at the first bare fence of its character at
 * least as long; if there is one anywhere after it, it closes.)
 */
function unclosedFences(lines: readonly string[]): FenceFilter {
  const longestAfter = { '`': new Int32Array(lines.length + 1), '~': new Int32Array(lines.length + 1) };
  for (let i = lines.length - 1; i >= 0; i--) {
    longestAfter['`'][i] = longestAfter['`'][i + 1]!;
    longestAfter['~'][i] = longestAfter['~'][i + 1]!;
    const bare = FENCE_OPEN.exec(lines[i] ?? '');
    if (bare && bare[2]!.trim() === '') {
      const char = bare[1]![0] as '`' | '~';
      longestAfter[char][i] = Math.max(longestAfter[char][i]!, bare[1]!.length);
    }
  }
  return (index, char, length) => (longestAfter[char as '`' | '~']?.[index + 1] ?? 0) < length;
}

/** Index of the first line after a YAML front matter block, or 0 when there is none. */
export function frontMatterEnd(lines: readonly string[]): number {
  if (lines[0]?.trimEnd() !== '---') return 0;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!.trimEnd();
    if (line === '---') return i + 1;
  }
  return 0;
}

export interface MarkdownWrapper {
  /** Line of the opening ```markdown fence. */
  open: number;
  /** Line of the closing fence; undefined when it runs to the end. */
  close?: number;
}

const WRAPPER_OPEN = /^\s{0,3}(`{3,}|~{3,})\s*(?:markdown|md)\s*$/i;

/**
 * A document pasted with its ```markdown wrapper (typical of LLM output) is one code block to a
 * Markdown renderer, but a reader sees the design doc inside. Finds such a wrapper: a markdown
 * fence holding most of the document and several headings, closed by the document's last bare fence.
 */
function findMarkdownWrapper(lines: readonly string[]): MarkdownWrapper | undefined {
  const open = findWrapperOpen(lines);
  if (open < 0) return undefined;
  const marker = WRAPPER_OPEN.exec(lines[open]!)![1]!;
  let close: number | undefined;
  for (let i = lines.length - 1; i > open; i--) {
    const line = (lines[i] ?? '').trim();
    if (line === '') continue;
    if (line[0] === marker[0] && /^(`{3,}|~{3,})$/.test(line) && line.length >= marker.length) close = i;
    break;
  }
  const end = close ?? lines.length;
  let headings = 0;
  for (let i = open + 1; i < end; i++) if (ATX_HEADING.test(lines[i] ?? '')) headings++;
  if (headings < 2 || end - open < lines.length / 2) return undefined;
  return close === undefined ? { open } : { open, close };
}

/** Line of a ```markdown fence among the first lines, before any other fence or heading; -1 if none. */
export function findWrapperOpen(lines: readonly string[]): number {
  const from = frontMatterEnd(lines);
  for (let i = from; i < Math.min(lines.length, from + 20); i++) {
    if (WRAPPER_OPEN.test(lines[i] ?? '')) return i;
    if (/^\s{0,3}(`{3,}|~{3,})/.test(lines[i] ?? '') || ATX_HEADING.test(lines[i] ?? '')) return -1;
  }
  return -1;
}
