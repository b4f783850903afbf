// The walk over a segment's parsed blocks: what each line holds, the units of text (paragraphs,
// tables, rows) the body summary counts, and the heading, front matter, images, comments and
// placeholders found on the way.
import type { Code, Html, Image, ListItem, Nodes, Paragraph, Root, Table, TableRow } from 'mdast';
import { normalizeHeading } from '../framework/patterns';
import { PLACEHOLDER_TOKEN, PLACEHOLDER_UNIT } from '../framework/residue';
import { TABLE_TEMPLATES, type TableTemplate } from '../framework/authoring';
import { fencedText } from './fenced-text';
import { collectOfType, hasLink, plainText } from './mdast-nodes';
import { htmlNodeText } from './html-text';
import { wikiImageEmbeds, withoutWikiImageEmbeds } from './wiki-embeds';
import { countWords } from './word-count';
import { blankComment, inlineComments, readComments } from './comments';
import type { HeadingSignal, LineKind, SegmentSignals, Span, Unit } from './signal-types';

const SPECIFIC_VALUE = /\d|\S:\s*\S/;
const DIAGRAM_LANGS = /^(?:mermaid|plantuml|dot|graphviz|ascii|text|d2)$/i;

/** What the walk gathers besides the signals it fills in; the scans and the body summary read it. */
export interface BlockReading {
  lines: readonly string[];
  /** The lines the scans read: `lines` with the tags of raw HTML blocks blanked in place. */
  readable: readonly string[];
  signals: SegmentSignals;
  kinds: LineKind[];
  unitOfLine: (Unit | undefined)[];
  units: Unit[];
  diagrams: number;
  codeBlocks: number;
}

/** Walks the blocks of `tree` (the parse of `lines`), filling in `signals` on the way. */
export function readBlocks(tree: Root, lines: readonly string[], signals: SegmentSignals): BlockReading {
  const reading: BlockReading = {
    lines,
    readable: lines,
    signals,
    kinds: new Array<LineKind>(lines.length).fill('blank'),
    unitOfLine: new Array<Unit | undefined>(lines.length),
    units: [],
    diagrams: 0,
    codeBlocks: 0,
  };
  // A stack rather than recursion: 8,000 nested ">" must not overflow the call stack.
  const pending: { node: Nodes; listDepth: number }[] = [{ node: tree, listDepth: 0 }];
  const visitChildren = (children: readonly Nodes[], listDepth: number): void => {
    for (let index = children.length - 1; index >= 0; index--) pending.push({ node: children[index]!, listDepth });
  };
  for (let next = pending.pop(); next; next = pending.pop()) readBlock(reading, next.node, next.listDepth, visitChildren);
  return reading;
}

function readBlock(
  reading: BlockReading,
  node: Nodes,
  listDepth: number,
  visitChildren: (children: readonly Nodes[], listDepth: number) => void,
): void {
  const { lines, kinds, signals } = reading;
  switch (node.type) {
    case 'root':
    case 'blockquote':
      visitChildren(node.children, listDepth);
      break;
    case 'yaml':
      mark(reading, node, 'frontmatter');
      signals.frontMatter = { value: node.value, endLine: (node.position?.end.line ?? 1) - 1 };
      break;
    case 'heading': {
      mark(reading, node, 'heading');
      readInlineComments(reading, node);
      const line = (node.position?.start.line ?? 1) - 1;
      // Its range is read with comments blanked: a finding on "## Data <!-- … -->" underlines "Data".
      if (line === 0 && !signals.heading && /^ {0,3}#/.test(lines[0] ?? ''))
        signals.heading = headingSignal(reading.readable[0] ?? '', node.depth, plainText(node, true));
      break;
    }
    case 'code':
      mark(reading, node, 'code');
      reading.codeBlocks++;
      if (DIAGRAM_LANGS.test(node.lang ?? '')) reading.diagrams++;
      readFencedText(reading, node);
      break;
    case 'html':
      readHtml(node, lines, kinds, signals);
      readHtmlText(reading, node);
      break;
    case 'paragraph':
      addUnit(reading, node, listDepth > 1);
      break;
    case 'table':
      addTable(reading, node);
      break;
    case 'list':
      visitChildren(
        (node.children as ListItem[]).flatMap((item) => item.children),
        listDepth + 1,
      );
      break;
    default:
      break;
  }
}

function mark(reading: BlockReading, node: Nodes, kind: LineKind): void {
  const { lines, kinds } = reading;
  const from = (node.position?.start.line ?? 1) - 1;
  const to = (node.position?.end.line ?? 1) - 1;
  for (let line = from; line <= to && line < lines.length; line++) kinds[line] = kind;
}

/** `template`: the node is a snippet table's header (template text) or a row still holding a cell prompt (residue). */
function addUnit(
  reading: BlockReading,
  node: Paragraph | Table | TableRow,
  nested: boolean,
  template?: 'header' | 'unfilled-row',
  lastLine?: number,
): void {
  const { lines, kinds, unitOfLine, units, signals } = reading;
  const startLine = (node.position?.start.line ?? 1) - 1;
  const endLine = lastLine ?? (node.position?.end.line ?? 1) - 1;
  let value = plainText(node, false).trim();
  readInlineComments(reading, node);
  const images: Image[] = [];
  collectOfType(node, 'image', images);
  for (const image of images) {
    const line = (image.position?.start.line ?? 1) - 1;
    signals.images.push({
      line,
      start: (image.position?.start.column ?? 1) - 1,
      end: line === (image.position?.end.line ?? 1) - 1 ? (image.position?.end.column ?? 1) - 1 : (lines[line]?.length ?? 0),
      alt: image.alt ?? '',
      url: image.url,
    });
  }
  let embeds = 0;
  if (value.includes('![[')) {
    const embedded = wikiImageEmbeds(lines, startLine, endLine);
    signals.images.push(...embedded);
    embeds = embedded.length;
    if (embeds > 0) value = withoutWikiImageEmbeds(value).trim();
  }
  const placeholder = template !== undefined || (value !== '' && PLACEHOLDER_UNIT.test(value));
  const unit: Unit = {
    startLine,
    endLine,
    words: placeholder ? 0 : countWords(value.replace(PLACEHOLDER_TOKEN, '')),
    placeholder,
    imageOnly: value === '' && images.length + embeds > 0,
    nested,
    // A link points at content elsewhere (a list of references), which a topic name does not.
    specific: SPECIFIC_VALUE.test(value) || hasLink(node),
  };
  units.push(unit);
  for (let line = startLine; line <= endLine && line < lines.length; line++) {
    kinds[line] = 'text';
    unitOfLine[line] = unit;
  }
  if (placeholder && template !== 'header') signals.placeholders.push(spanOfLines(lines, startLine, endLine));
}

// A table a snippet wrote: its header is template text and its unfilled rows are residue, so an
// unfilled trade-off table covers no trade-off and its default choices name no metric.
function addTable(reading: BlockReading, table: Table): void {
  const template = tableTemplate(table);
  if (!template) {
    addUnit(reading, table, false);
    return;
  }
  const [header, ...rows] = table.children;
  if (!header) return;
  const firstRowLine = rows[0]?.position ? rows[0].position.start.line - 1 : undefined;
  addUnit(reading, header, false, 'header', firstRowLine === undefined ? undefined : firstRowLine - 1);
  for (const row of rows)
    addUnit(
      reading,
      row,
      false,
      row.children.some((cell) => template.prompts.includes(plainText(cell, true).trim().toLowerCase())) ? 'unfilled-row' : undefined,
    );
}

/** Snippet tables by their header cells, lower-cased; prompts lower-cased too. */
const TEMPLATE_BY_HEADER = new Map<string, TableTemplate>(
  TABLE_TEMPLATES.map((template) => [
    template.header.join('|').toLowerCase(),
    { header: template.header, prompts: template.prompts.map((prompt) => prompt.toLowerCase()) },
  ]),
);

function tableTemplate(table: Table): TableTemplate | undefined {
  const header = table.children[0];
  return (
    header &&
    TEMPLATE_BY_HEADER.get(
      header.children
        .map((cell) => plainText(cell, true).trim())
        .join('|')
        .toLowerCase(),
    )
  );
}

function spanOfLines(lines: readonly string[], startLine: number, endLine: number): Span {
  const first = lines[startLine] ?? '';
  const indent = first.length - first.trimStart().length;
  return { line: startLine, start: indent, end: endLine === startLine ? first.length : first.length };
}

function headingSignal(line: string, depth: number, title: string): HeadingSignal {
  const match = /^ {0,3}#{1,6}[ \t]*/.exec(line);
  const start = match ? match[0].length : 0;
  const end = closingSequenceStart(line);
  return { depth, title: title.trim(), normalized: normalizeHeading(title), start, end: Math.max(start, end) };
}

/**
 * Where the heading text ends: before trailing blanks and an optional closing run of `#` (which
 * needs a blank before it). A scan from the end, because the equivalent regex,
 * `[ \t]+#*[ \t]*$`, backtracks cubically on a heading padded with thousands of blanks.
 */
function closingSequenceStart(line: string): number {
  const isBlank = (index: number): boolean => line[index] === ' ' || line[index] === '\t';
  let end = line.length;
  while (end > 0 && isBlank(end - 1)) end--;
  const afterBlanks = end;
  while (end > 0 && line[end - 1] === '#') end--;
  if (end === afterBlanks || !isBlank(end - 1)) return afterBlanks;
  while (end > 0 && isBlank(end - 1)) end--;
  return end;
}

function readHtml(node: Html, lines: readonly string[], kinds: LineKind[], signals: SegmentSignals): void {
  const startLine = (node.position?.start.line ?? 1) - 1;
  const endLine = (node.position?.end.line ?? 1) - 1;
  const isComment = node.value.trimStart().startsWith('<!--');
  for (let line = startLine; line <= endLine && line < lines.length; line++) kinds[line] = isComment ? 'comment' : 'html';
  if (isComment) readComments(node, signals, false);
  // A comment among the tags ("<p>…</p> <!-- note -->") is a comment too: a directive for its line,
  // hidden prose, and no text for the scans (the HTML reader blanks it; the lexicon blanks its span).
  else if (node.value.includes('<!--')) readComments(node, signals, true);
}

/**
 * The comments written inside a paragraph, heading or table ("## Model <!-- mlsd-disable-line
 * modeling-first -->"): read as comments (a directive, hidden prose), and blanked for the scans,
 * which read the rest of their lines.
 */
function readInlineComments(reading: BlockReading, node: Nodes): void {
  const comments = inlineComments(node, reading.lines, reading.signals);
  if (comments.length === 0) return;
  const copy = reading.readable === reading.lines ? [...reading.lines] : (reading.readable as string[]);
  for (const comment of comments) blankComment(copy, comment);
  reading.readable = copy;
}

/** The text inside a raw HTML block, tags blanked in place: its units count, and the scans read it. */
function readHtmlText(reading: BlockReading, node: Html): void {
  const { lines, units, kinds, unitOfLine, signals } = reading;
  const html = htmlNodeText(node, lines);
  if (!html?.text.units.length) return;
  const copy = reading.readable === lines ? [...lines] : (reading.readable as string[]);
  html.text.lines.forEach((text, index) => (copy[html.startLine + index] = text));
  reading.readable = copy;
  for (const { startLine, endLine, value } of html.text.units) {
    const trimmed = value.trim();
    const placeholder = PLACEHOLDER_UNIT.test(trimmed);
    const unit: Unit = {
      startLine: html.startLine + startLine,
      endLine: html.startLine + endLine,
      words: placeholder ? 0 : countWords(value.replace(PLACEHOLDER_TOKEN, '')),
      placeholder,
      imageOnly: false,
      nested: false,
      specific: SPECIFIC_VALUE.test(trimmed),
    };
    units.push(unit);
    for (let line = unit.startLine; line <= unit.endLine && line < lines.length; line++) {
      kinds[line] = 'text';
      unitOfLine[line] = unit;
    }
    if (placeholder) signals.placeholders.push(spanOfLines(copy, unit.startLine, unit.endLine));
  }
}

/** The words of a fenced block that holds no code (prose, a drawn pipeline): one unit per line, read by the scans. */
function readFencedText(reading: BlockReading, node: Code): void {
  const fenced = fencedText(node, reading.lines);
  if (!fenced) return;
  const { lines, units, kinds, unitOfLine } = reading;
  const copy = reading.readable === lines ? [...lines] : (reading.readable as string[]);
  for (const index of fenced.wordLines) {
    const line = fenced.startLine + index;
    const text = fenced.lines[index]!;
    copy[line] = text;
    const trimmed = text.trim();
    const unit: Unit = {
      startLine: line,
      endLine: line,
      words: countWords(trimmed),
      placeholder: false,
      imageOnly: false,
      nested: false,
      specific: SPECIFIC_VALUE.test(trimmed),
    };
    units.push(unit);
    kinds[line] = 'text';
    unitOfLine[line] = unit;
  }
  reading.readable = copy;
}
