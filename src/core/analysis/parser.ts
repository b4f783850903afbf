// The one Markdown parser: unified + remark-parse + GFM + remark-frontmatter (YAML), built once and
// reused. Only parsing runs; no transforms, no serialisation. GFM is registered part by part
// (tables, task lists, footnotes, strikethrough) without autolink literals: a bare URL reads the
// same as text or as a link, and that one extension was the largest cost of the parse (profile it
// with `npm run bench`), because it tests every word and then rewrites the tree.
import type { Root } from 'mdast';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';

function gfmWithoutAutolinkLiterals(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmFootnote(), gfmStrikethrough(), gfmTable(), gfmTaskListItem());
  (data.fromMarkdownExtensions ??= []).push(
    gfmFootnoteFromMarkdown(),
    gfmStrikethroughFromMarkdown(),
    gfmTableFromMarkdown(),
    gfmTaskListItemFromMarkdown(),
  );
}

const processor = unified().use(remarkParse).use(gfmWithoutAutolinkLiterals).use(remarkFrontmatter, ['yaml']).freeze();

export function parseMarkdown(text: string): Root {
  return processor.parse(boundNesting(text));
}

/** Deeper than any design doc nests; past it the parser's cost grows faster than the text. */
const MAX_CONTAINERS = 32;
/** Leading blanks past which a list marker or ">" no longer opens a container (4 columns a level). */
const MAX_CONTAINER_INDENT = 4 * MAX_CONTAINERS;
const MAX_BRACKET_DEPTH = 32;
/** "]" that close nothing; the footnote extension walks back over the paragraph for each one. */
const MAX_UNMATCHED_BRACKETS = 32;
/** Runs of "*", "_" or "~" in a paragraph: micromark resolves emphasis in time quadratic in their number. */
const MAX_DELIMITER_RUNS = 128;
const DELIMITERS = '*_~';
/** "<!--" not yet closed in a paragraph: micromark reads to the paragraph's end from each. */
const MAX_OPEN_COMMENTS = 32;
/** Unindented lines continuing a list item or quote: micromark re-checks the open containers for each, in time quadratic in their number. */
const MAX_LAZY_LINES = 256;
const LIST_MARKER = /^(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)/;

/**
 * The text with the markers of pathological nesting blanked, same length so every position holds:
 * containers (">", list items) past MAX_CONTAINERS on a line or indented past
 * MAX_CONTAINER_INDENT, "[" nested past MAX_BRACKET_DEPTH, and unmatched "]" past
 * MAX_UNMATCHED_BRACKETS in a paragraph, emphasis delimiters past MAX_DELIMITER_RUNS and unclosed
 * "<!--" past MAX_OPEN_COMMENTS in a paragraph; and one line in MAX_LAZY_LINES unindented lines that
 * continue a list item or quote. micromark's time grows faster than the text in each (a document of
 * deeply nested quotes or ever-deeper list indents takes seconds to minutes); what they hide is text
 * no design doc has. `npm run bench:hostile` times these shapes.
 */
function boundNesting(text: string): string {
  if (!hasDeepShape(text)) return text;
  const chars = text.split('');
  const blank = (index: number): void => {
    if (chars[index] !== '\n') chars[index] = ' ';
  };
  let lineStart = 0;
  let bracketDepth = 0;
  let unmatched = 0;
  let delimiterRuns = 0;
  let openComments = 0;
  let inContainer = false;
  let lazyLines = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    if (text.slice(lineStart, lineEnd).trim() === '') {
      bracketDepth = 0;
      unmatched = 0;
      delimiterRuns = 0;
      openComments = 0;
      inContainer = false;
    }
    const opening = readContainers(text, lineStart, lineEnd, blank);
    const { containers } = opening;
    let { index } = opening;
    if (containers > 0) [inContainer, lazyLines] = [true, 0];
    else if (inContainer && index < lineEnd && index - lineStart < 4 && ++lazyLines > MAX_LAZY_LINES) {
      // A blank line ends the container; what follows is read as ordinary paragraphs.
      for (let at = lineStart; at < lineEnd; at++) blank(at);
      [inContainer, lazyLines] = [false, 0];
      index = lineEnd;
    }
    for (; index < lineEnd; index++) {
      const char = text[index];
      if (char === '\\') index++;
      else if (char === '[') {
        if (bracketDepth >= MAX_BRACKET_DEPTH) blank(index);
        else bracketDepth++;
      } else if (char === ']') {
        if (bracketDepth > 0) bracketDepth--;
        else if (++unmatched > MAX_UNMATCHED_BRACKETS) blank(index);
      } else if (char === '<' && text.startsWith('<!--', index)) {
        if (++openComments > MAX_OPEN_COMMENTS) blank(index);
      } else if (char === '-' && text.startsWith('-->', index)) {
        openComments = 0;
      } else if (DELIMITERS.includes(char!) && text[index - 1] !== char && ++delimiterRuns > MAX_DELIMITER_RUNS) {
        for (let at = index; text[at] === char; at++) blank(at);
      }
    }
    lineStart = lineEnd + 1;
  }
  return chars.join('');
}

/** The quote and list markers opening a line, blanking those past the nesting bounds; where the content starts. */
function readContainers(
  text: string,
  lineStart: number,
  lineEnd: number,
  blank: (index: number) => void,
): { index: number; containers: number } {
  let index = lineStart;
  let containers = 0;
  for (;;) {
    while (index < lineEnd && (text[index] === ' ' || text[index] === '\t')) index++;
    const marker = text[index] === '>' ? '>' : LIST_MARKER.exec(text.slice(index, index + 11))?.[0];
    if (!marker) break;
    containers++;
    if (containers > MAX_CONTAINERS || index - lineStart > MAX_CONTAINER_INDENT)
      for (let at = index; at < index + marker.length; at++) blank(at);
    index += marker.length;
  }
  return { index, containers };
}

/** A cheap first look: most texts have no run of containers, deep indent or many brackets. */
function hasDeepShape(text: string): boolean {
  return (
    countUpTo(text, '\n', MAX_LAZY_LINES + 1) > MAX_LAZY_LINES ||
    countUpTo(text, '<!--', MAX_OPEN_COMMENTS + 1) > MAX_OPEN_COMMENTS ||
    countUpTo(text, '[', MAX_BRACKET_DEPTH + 1) > MAX_BRACKET_DEPTH ||
    countUpTo(text, ']', MAX_UNMATCHED_BRACKETS + 1) > MAX_UNMATCHED_BRACKETS ||
    [...DELIMITERS].some((char) => countUpTo(text, char, MAX_DELIMITER_RUNS + 1) > MAX_DELIMITER_RUNS) ||
    DEEP_SHAPE.test(text)
  );
}

const DEEP_SHAPE = new RegExp(`(?:^|\\n)[ \\t]{${MAX_CONTAINER_INDENT}}|(?:(?:[>*+-]|\\d{1,9}[.)])[ \\t]*){${MAX_CONTAINERS}}`);

function countUpTo(text: string, char: string, limit: number): number {
  let count = 0;
  for (let index = text.indexOf(char); index >= 0 && count < limit; index = text.indexOf(char, index + char.length)) count++;
  return count;
}
