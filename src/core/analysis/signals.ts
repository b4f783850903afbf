// Per-segment signals: everything the document-level verdicts need from one segment, computed by a
// pure function of the segment's text alone. Lines are relative to the segment (0 = its first line)
// so a signal can be cached by text and reused wherever the segment moves; the combiner adds the
// segment's start line. Nothing here depends on configuration.
import type { Html, Image, ListItem, Nodes, Paragraph, Root, Table, TableRow } from 'mdast';
import { ELEMENTS, type Cue } from '../framework/elements';
import { COMPILED_METRICS, NEGATION_AFTER, NEGATION_BEFORE, ROLE_CUES } from '../framework/metrics';
import { normalizeHeading } from '../framework/patterns';
import { COMPLEX_MODEL_CUES, COMPLEXITY_REASON, SIMPLER_FAILS_CUES } from '../framework/pitfalls';
import { PLACEHOLDER_TOKEN, PLACEHOLDER_UNIT } from '../framework/residue';
import { TABLE_TEMPLATES, type TableTemplate } from '../framework/authoring';
import { CHECKLIST_ITEMS, GENERIC_DETECTION, SCENARIOS, TASK_CUES } from '../framework/scenarios';
import type { ElementId, MetricRole, TaskType } from '../types';
import { htmlNodeText } from './html-text';
import { labelHits } from './label-lines';
import { parseMarkdown } from './parser';
import { lastAtOrBefore } from '../sorted';

/** A span on one line of the segment. */
export interface Span {
  line: number;
  start: number;
  end: number;
}

export interface CueHit extends Span {
  weight: number;
  /** False when the line is a short bullet that only names a topic. */
  substantive: boolean;
  /** The matched words, lower-cased: repeating a phrase is not more evidence. */
  phrase: string;
}

export interface MetricHit extends Span {
  name: string;
  text: string;
  negated: boolean;
  /** Role stated on the line or by a label line above it ("Online metrics:"). */
  statedRole?: MetricRole;
  /** The line talks about a loss or training objective rather than an evaluation metric. */
  asLoss: boolean;
  /** Inside a trade-off phrase ("latency vs accuracy"), not a metric choice. */
  inTradeoff: boolean;
}

export interface ObjectiveHit extends Span {
  target: string;
  justified: boolean;
}

export interface CommentSignal {
  startLine: number;
  endLine: number;
  /** Character where the comment starts on its first line. */
  start: number;
  /** Character where it ends on its last line. */
  end: number;
  text: string;
}

export interface ImageHit extends Span {
  alt: string;
  url: string;
}

export type HollowReason = 'empty' | 'placeholder' | 'image' | 'diagram' | 'bare';

export interface BodySignal {
  /** Words of real content (placeholders, images and comments excluded). */
  words: number;
  substantiveUnits: number;
  /** Why the body does not count as content, if it does not. */
  hollow?: HollowReason;
}

export interface HeadingSignal {
  depth: number;
  title: string;
  normalized: string;
  /** The heading text on line 0. */
  start: number;
  end: number;
}

export interface FrontMatterSignal {
  /** YAML text without the fences. */
  value: string;
  /** Line of the opening fence (always 0) and of the closing fence. */
  endLine: number;
}

export interface SegmentSignals {
  lineCount: number;
  heading?: HeadingSignal;
  frontMatter?: FrontMatterSignal;
  body: BodySignal;
  /** Cue hits by element and by checklist item; only those with hits (Maps: the combiner walks them on every edit). */
  elementHits: Map<ElementId, CueHit[]>;
  itemHits: Map<string, CueHit[]>;
  metrics: MetricHit[];
  /** Scenario ID (or "generic") → number of detection words. */
  scenarioWords: Record<string, number>;
  taskWords: Record<Exclude<TaskType, 'other'>, number>;
  /** Complex model mentions; `justified` when the segment gives a reason (data type, a beaten baseline). */
  complexModels: (Span & { justified: boolean })[];
  simplerFails: Span[];
  objectives: ObjectiveHit[];
  placeholders: Span[];
  images: ImageHit[];
  comments: CommentSignal[];
  /** First line (relative) with content other than the heading, for "where is the body". */
  lastContentLine: number;
}

type LineKind = 'blank' | 'heading' | 'frontmatter' | 'text' | 'code' | 'comment' | 'html';

interface Unit {
  startLine: number;
  endLine: number;
  words: number;
  placeholder: boolean;
  imageOnly: boolean;
  nested: boolean;
  /** Holds a number or a "label: value" pair, so it is not a bare topic name. */
  specific: boolean;
}

const SPECIFIC_VALUE = /\d|\S:\s*\S/;
/** A word: a whitespace-separated token with a letter or digit in it (any script). */
const WORDLIKE = /[A-Za-z0-9\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF\u0590-\u06FF\u3040-\u9FFF\uAC00-\uD7AF]/;
const DIAGRAM_LANGS = /^(?:mermaid|plantuml|dot|graphviz|ascii|text|d2)$/i;
/** "latency vs accuracy": the metric word names one side of a trade-off, not a chosen metric. */
const TRADEOFF_BEFORE = /(?:\bvs\.?|\bversus|\bat the (?:cost|expense) of)$/i;
const TRADEOFF_AFTER = /^(?:vs\.?|versus)(?:\s|$)/i;
/** Characters next to a mention that the trade-off patterns see: more than the longest phrase and the character before it. */
const TRADEOFF_WINDOW = 32;
/** The line is about the training loss, not evaluation ("Loss function: CE"); metric names ending in "loss" are not. */
const LOSS_CONTEXT = /\b(?:loss functions?|training loss|training objective|optimi[sz]er|trained (?:with|on)|minimi[sz]ing)\b|(?:^|[^\w-])loss\s*:/i;
const OBJECTIVE = /(?<![\p{L}\p{N}_])(?:optimi[sz]\w*(?: for)?|objective(?: is)?:?|labels?(?: are| is)?:?|train\w*(?: the model)?(?: to predict| on)|predict\w*|maximi[sz]\w*)\s+(?:\S+\s+){0,4}?(clicks?|click-through|likes?|views?|impressions?|dwell time|watch time|engagement|purchases?|orders?|conversions?|bookings?|revenue|ratings?)(?![\p{L}\p{N}_])/giu;
const JUSTIFICATION = /\b(?:proxy|because|correlat\w+|stand-in|leading indicator|so that|which (?:drives|predicts))\b/i;
const SENTENCE_BREAK = /[.;!?](?:\s|$)/g;

function countWords(text: string): number {
  let count = 0;
  for (const token of text.split(/\s+/)) if (WORDLIKE.test(token)) count++;
  return count;
}

/** Computes the signals of one segment. `text` has no trailing newline; lines are relative. */
export function computeSegmentSignals(text: string): SegmentSignals {
  const lines = text.split('\n');
  const tree = parseMarkdown(text);
  const kinds: LineKind[] = new Array<LineKind>(lines.length).fill('blank');
  const unitOfLine: (Unit | undefined)[] = new Array<Unit | undefined>(lines.length);
  const units: Unit[] = [];
  const signals: SegmentSignals = {
    lineCount: lines.length,
    body: { words: 0, substantiveUnits: 0 },
    elementHits: new Map(),
    itemHits: new Map(),
    metrics: [],
    scenarioWords: {},
    taskWords: { 'probability-estimation': 0, regression: 0, ranking: 0, 'imbalanced-classification': 0 },
    complexModels: [],
    simplerFails: [],
    objectives: [],
    placeholders: [],
    images: [],
    comments: [],
    lastContentLine: 0,
  };
  let diagrams = 0;
  let codeBlocks = 0;

  const mark = (node: Nodes, kind: LineKind): void => {
    const from = (node.position?.start.line ?? 1) - 1;
    const to = (node.position?.end.line ?? 1) - 1;
    for (let line = from; line <= to && line < lines.length; line++) kinds[line] = kind;
  };

  /** `template`: the node is a snippet table's header (template text) or a row still holding a cell prompt (residue). */
  const addUnit = (node: Paragraph | Table | TableRow, nested: boolean, template?: 'header' | 'unfilled-row', lastLine?: number): void => {
    const startLine = (node.position?.start.line ?? 1) - 1;
    const endLine = lastLine ?? (node.position?.end.line ?? 1) - 1;
    const value = plainText(node, false).trim();
    const images: Image[] = [];
    collectImages(node, images);
    for (const image of images) {
      const line = (image.position?.start.line ?? 1) - 1;
      signals.images.push({ line, start: (image.position?.start.column ?? 1) - 1, end: line === (image.position?.end.line ?? 1) - 1 ? (image.position?.end.column ?? 1) - 1 : (lines[line]?.length ?? 0), alt: image.alt ?? '', url: image.url });
    }
    const placeholder = template !== undefined || (value !== '' && PLACEHOLDER_UNIT.test(value));
    const unit: Unit = { startLine, endLine, words: placeholder ? 0 : countWords(value.replace(PLACEHOLDER_TOKEN, '')), placeholder, imageOnly: value === '' && images.length > 0, nested, specific: SPECIFIC_VALUE.test(value) };
    units.push(unit);
    for (let line = startLine; line <= endLine && line < lines.length; line++) {
      kinds[line] = 'text';
      unitOfLine[line] = unit;
    }
    if (placeholder && template !== 'header') signals.placeholders.push(spanOfLines(lines, startLine, endLine));
  };

  // A table a snippet wrote: its header is template text and its unfilled rows are residue, so an
  // unfilled trade-off table covers no trade-off and its default choices name no metric.
  const addTable = (table: Table): void => {
    const template = tableTemplate(table);
    if (!template) {
      addUnit(table, false);
      return;
    }
    const [header, ...rows] = table.children;
    if (!header) return;
    const firstRowLine = rows[0]?.position ? rows[0].position.start.line - 1 : undefined;
    addUnit(header, false, 'header', firstRowLine === undefined ? undefined : firstRowLine - 1);
    for (const row of rows) addUnit(row, false, row.children.some((cell) => template.prompts.includes(plainText(cell, true).trim().toLowerCase())) ? 'unfilled-row' : undefined);
  };

  // The text inside raw HTML blocks, tags blanked in place: the lines the scans read.
  let readable: readonly string[] = lines;
  const readHtmlText = (node: Html): void => {
    const html = htmlNodeText(node, lines);
    if (!html?.text.units.length) return;
    const copy = readable === lines ? [...lines] : (readable as string[]);
    html.text.lines.forEach((text, index) => (copy[html.startLine + index] = text));
    readable = copy;
    for (const { startLine, endLine, value } of html.text.units) {
      const trimmed = value.trim();
      const placeholder = PLACEHOLDER_UNIT.test(trimmed);
      const unit: Unit = { startLine: html.startLine + startLine, endLine: html.startLine + endLine, words: placeholder ? 0 : countWords(value.replace(PLACEHOLDER_TOKEN, '')), placeholder, imageOnly: false, nested: false, specific: SPECIFIC_VALUE.test(trimmed) };
      units.push(unit);
      for (let line = unit.startLine; line <= unit.endLine && line < lines.length; line++) {
        kinds[line] = 'text';
        unitOfLine[line] = unit;
      }
      if (placeholder) signals.placeholders.push(spanOfLines(copy, unit.startLine, unit.endLine));
    }
  };

  // A stack rather than recursion: 8,000 nested ">" must not overflow the call stack.
  const pending: { node: Nodes; listDepth: number }[] = [{ node: tree as Root, listDepth: 0 }];
  const visitChildren = (children: readonly Nodes[], listDepth: number): void => {
    for (let index = children.length - 1; index >= 0; index--) pending.push({ node: children[index]!, listDepth });
  };
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { node, listDepth } = next;
    switch (node.type) {
      case 'root':
      case 'blockquote':
        visitChildren(node.children, listDepth);
        break;
      case 'yaml':
        mark(node, 'frontmatter');
        signals.frontMatter = { value: node.value, endLine: (node.position?.end.line ?? 1) - 1 };
        break;
      case 'heading': {
        mark(node, 'heading');
        const line = (node.position?.start.line ?? 1) - 1;
        if (line === 0 && !signals.heading && /^ {0,3}#/.test(lines[0] ?? '')) signals.heading = headingSignal(lines[0] ?? '', node.depth, plainText(node, true));
        break;
      }
      case 'code':
        mark(node, 'code');
        codeBlocks++;
        if (DIAGRAM_LANGS.test(node.lang ?? '')) diagrams++;
        break;
      case 'html':
        readHtml(node, lines, kinds, signals);
        readHtmlText(node);
        break;
      case 'paragraph':
        addUnit(node, listDepth > 1);
        break;
      case 'table':
        addTable(node);
        break;
      case 'list':
        visitChildren((node.children as ListItem[]).flatMap((item) => item.children), listDepth + 1);
        break;
      default:
        break;
    }
  }

  summarizeBody(signals, units, diagrams, codeBlocks, kinds);
  scanLines(readable, kinds, unitOfLine, signals);
  return signals;
}

/** Snippet tables by their header cells, lower-cased; prompts lower-cased too. */
const TEMPLATE_BY_HEADER = new Map<string, TableTemplate>(TABLE_TEMPLATES.map((template) => [template.header.join('|').toLowerCase(), { header: template.header, prompts: template.prompts.map((prompt) => prompt.toLowerCase()) }]));

function tableTemplate(table: Table): TableTemplate | undefined {
  const header = table.children[0];
  return header && TEMPLATE_BY_HEADER.get(header.children.map((cell) => plainText(cell, true).trim()).join('|').toLowerCase());
}

/**
 * The text of a node as mdast-util-to-string gives it (values, image alts when asked), with a stack
 * instead of recursion: emphasis nested thousands deep must not overflow the call stack.
 */
function plainText(node: Nodes, includeImageAlt: boolean): string {
  let text = '';
  const pending: Nodes[] = [node];
  for (let next = pending.pop(); next; next = pending.pop()) {
    if ('value' in next) text += next.value;
    else if (includeImageAlt && 'alt' in next && next.alt) text += next.alt;
    else if ('children' in next) for (let index = next.children.length - 1; index >= 0; index--) pending.push(next.children[index] as Nodes);
  }
  return text;
}

/** The images inside `node`, in document order; a stack rather than recursion, for deep nesting. */
function collectImages(node: Nodes, into: Image[]): void {
  const pending: Nodes[] = [node];
  for (let next = pending.pop(); next; next = pending.pop()) {
    if (next.type === 'image') into.push(next);
    else if ('children' in next) for (let index = next.children.length - 1; index >= 0; index--) pending.push(next.children[index] as Nodes);
  }
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
  if (!isComment) return;
  // One HTML block may hold several comments (and text after them); read each.
  const pattern = /<!--([\s\S]*?)(?:-->|$)/g;
  const blockStart = (node.position?.start.column ?? 1) - 1;
  for (let match = pattern.exec(node.value); match; match = pattern.exec(node.value)) {
    const before = node.value.slice(0, match.index);
    const lineOffset = before.split('\n').length - 1;
    const firstLineStart = lineOffset === 0 ? blockStart + match.index : match.index - before.lastIndexOf('\n') - 1;
    const inside = match[0].split('\n');
    const last = inside[inside.length - 1]!;
    const endLineOfComment = startLine + lineOffset + inside.length - 1;
    const end = inside.length === 1 ? firstLineStart + last.length : last.length + (endLineOfComment === startLine ? blockStart : 0);
    signals.comments.push({ startLine: startLine + lineOffset, endLine: endLineOfComment, start: firstLineStart, end, text: (match[1] ?? '').trim() });
    if (match[0].length === 0) break;
  }
}

function summarizeBody(signals: SegmentSignals, units: readonly Unit[], diagrams: number, codeBlocks: number, kinds: readonly LineKind[]): void {
  let words = 0;
  let substantive = 0;
  let real = 0;
  let placeholders = 0;
  let images = 0;
  let nestedReal = 0;
  let longestUnit = 0;
  let specifics = 0;
  for (const unit of units) {
    if (unit.placeholder) placeholders++;
    else if (unit.imageOnly) images++;
    else {
      real++;
      words += unit.words;
      if (unit.words >= 4) substantive++;
      if (unit.nested) nestedReal++;
      longestUnit = Math.max(longestUnit, unit.words);
      if (unit.specific) specifics++;
    }
  }
  let lastContentLine = 0;
  for (let line = kinds.length - 1; line > 0; line--) {
    if (kinds[line] !== 'blank') {
      lastContentLine = line;
      break;
    }
  }
  signals.lastContentLine = lastContentLine;
  signals.body = { words, substantiveUnits: substantive };
  const otherCode = codeBlocks - diagrams;
  if (real === 0 && otherCode === 0) {
    signals.body.hollow = placeholders > 0 ? 'placeholder' : images > 0 ? 'image' : diagrams > 0 ? 'diagram' : 'empty';
  } else if (otherCode === 0 && longestUnit < 6 && nestedReal === 0 && words < 12 && specifics === 0) {
    // A few short bullets that only name topics ("A/B Test", "Monitoring"): an unfilled template.
    signals.body.hollow = 'bare';
  }
}

function countScenarioWords(text: string, signals: SegmentSignals): void {
  addScenarioWords(text, signals.scenarioWords);
  for (const task of Object.keys(TASK_CUES) as (keyof typeof TASK_CUES)[]) signals.taskWords[task] += countMatches(TASK_CUES[task], text);
}

/** Adds the scenario detection words found in `text` to `counts` (scenario ID or "generic" → count). */
export function addScenarioWords(text: string, counts: Record<string, number>): void {
  for (const scenario of SCENARIOS) {
    const count = countMatches(scenario.detection, text);
    if (count) counts[scenario.id] = (counts[scenario.id] ?? 0) + count;
  }
  const generic = countMatches(GENERIC_DETECTION, text);
  if (generic) counts.generic = (counts.generic ?? 0) + generic;
}

function countMatches(pattern: RegExp, text: string): number {
  pattern.lastIndex = 0;
  let count = 0;
  while (pattern.exec(text)) count++;
  return count;
}

/**
 * Scans the segment's content lines. Each pattern runs once over a masked copy of the segment in
 * which every line that is not real content (code, comments, headings, placeholders) is blanked,
 * so offsets still map to lines and each regex is called a handful of times per segment, not per line.
 */
function scanLines(lines: readonly string[], kinds: readonly LineKind[], unitOfLine: readonly (Unit | undefined)[], signals: SegmentSignals): void {
  const content = lines.map((text, line) => (kinds[line] === 'text' && unitOfLine[line] && !unitOfLine[line]!.placeholder ? text : ''));
  const masked = content.join('\n');
  if (masked.trim() === '') return;
  const lineStarts: number[] = [];
  let offset = 0;
  for (const text of content) {
    lineStarts.push(offset);
    offset += text.length + 1;
  }
  const locate = createLocator(lineStarts);
  // A question ("Do we need continual training?") raises a topic without answering it.
  const substantive: (boolean | undefined)[] = [];
  const substantiveAt = (line: number): boolean => (substantive[line] ??= (unitOfLine[line]?.words ?? 0) >= 4 && !/\?\s*$/.test(content[line] ?? ''));

  countScenarioWords(masked, signals);
  eachMatch(PLACEHOLDER_TOKEN, masked, locate, (span) => signals.placeholders.push(span));
  // Cue phrases are read with hard-wrapped paragraphs unwrapped: "labels arrive up to" / "30 days
  // after" is one phrase. Metric and placeholder scans stay per line.
  const unwrapped = unwrapParagraphs(content, unitOfLine);
  const cueText = unwrapped?.text ?? masked;
  const cueLocate = unwrapped?.locate ?? locate;
  for (const scanner of ELEMENT_SCANNERS) {
    const hits = scanCues(scanner, cueText, cueLocate, substantiveAt, lines);
    if (hits.length) signals.elementHits.set(scanner.id as ElementId, hits);
  }
  for (const [id, hits] of labelHits(content)) signals.elementHits.set(id, [...(signals.elementHits.get(id) ?? []), ...hits]);
  for (const scanner of ITEM_SCANNERS) {
    const hits = scanCues(scanner, cueText, cueLocate, substantiveAt, lines);
    if (hits.length) signals.itemHits.set(scanner.id, hits);
  }
  // A reason anywhere in the section earns the complexity (data type, a beaten baseline).
  const sectionGivesReason = COMPLEXITY_REASON.test(masked);
  eachMatch(COMPLEX_MODEL_CUES, masked, locate, (span) => signals.complexModels.push({ ...span, justified: sectionGivesReason }));
  eachMatch(SIMPLER_FAILS_CUES, masked, locate, (span) => signals.simplerFails.push(span));
  OBJECTIVE.lastIndex = 0;
  for (let match = OBJECTIVE.exec(masked); match; match = OBJECTIVE.exec(masked)) {
    const start = match.index + match[0].length - match[1]!.length;
    const span = locate(start, start + match[1]!.length);
    signals.objectives.push({ ...span, target: match[1]!.toLowerCase(), justified: JUSTIFICATION.test(content[span.line] ?? '') });
  }

  const mentionsByLine = findMetricMentions(masked, locate);
  const roleLabels: { indent: number; role: MetricRole }[] = [];
  for (let line = 0; line < lines.length; line++) {
    if (kinds[line] === 'heading' && line > 0) roleLabels.length = 0;
    const text = content[line]!;
    if (text === '') continue;
    const indent = text.length - text.trimStart().length;
    const isItem = /^\s*(?:[-*+]|\d+[.)])\s/.test(text);
    while (roleLabels.length && roleLabels[roleLabels.length - 1]!.indent >= indent && isItem) roleLabels.pop();
    const lineRole = statedRole(text);
    const mentions = mentionsByLine.get(line) ?? [];
    const unit = unitOfLine[line];
    const previous = unit && line > unit.startLine ? content[line - 1] ?? '' : '';
    addMetricHits(text, previous, line, mentions, roleLabels[roleLabels.length - 1]?.role, signals);
    // Only a label ("Offline metrics:", "**Online**") gives its role to the lines below; a sentence
    // that says "the business goal is..." does not make every later metric a business one.
    const labelLike = /^[^:]{0,40}:/.test(text.trimStart()) || /:\s*$/.test(text) || countWords(text) <= 4;
    if (lineRole && labelLike) roleLabels.push({ indent: isItem ? indent : -1, role: lineRole });
  }
}

type Locator = (start: number, end: number) => Span;

/**
 * The content with each paragraph's line breaks (and the indentation of its continuation lines)
 * turned into one space, and a locator back to the original lines; undefined when no paragraph
 * spans lines. A match that crosses a break is located on the line where it starts.
 */
function unwrapParagraphs(content: readonly string[], unitOfLine: readonly (Unit | undefined)[]): { text: string; locate: Locator } | undefined {
  const starts: number[] = [];
  const indents: number[] = [];
  const lengths: number[] = [];
  let text = '';
  let joined = false;
  content.forEach((line, index) => {
    const continues = index > 0 && line !== '' && content[index - 1] !== '' && unitOfLine[index] !== undefined && unitOfLine[index] === unitOfLine[index - 1];
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

/** All cues of one element (or checklist item) as one regex, one capture group per cue. */
interface CueScanner {
  id: string;
  pattern: RegExp;
  weights: readonly number[];
}

function cueScanner(id: string, cues: readonly Cue[]): CueScanner {
  return { id, pattern: new RegExp(cues.map((cue) => `(${cue.pattern.source})`).join('|'), 'gi'), weights: cues.map((cue) => cue.weight) };
}

// One pass per element instead of one per cue: the scans run over every line of every document.
const ELEMENT_SCANNERS = ELEMENTS.map((element) => cueScanner(element.id, element.cues));
const ITEM_SCANNERS = CHECKLIST_ITEMS.map((item) => cueScanner(item.id, item.cues));

function scanCues(scanner: CueScanner, text: string, locate: Locator, substantiveAt: (line: number) => boolean, lines: readonly string[]): CueHit[] {
  const hits: CueHit[] = [];
  const { pattern, weights } = scanner;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (match[0].length === 0) {
      pattern.lastIndex++;
      continue;
    }
    let group = 1;
    while (match[group] === undefined && group < weights.length) group++;
    const span = locate(match.index, match.index + match[0].length);
    const phrase = (lines[span.line] ?? '').slice(span.start, span.end).toLowerCase();
    hits.push({ line: span.line, start: span.start, end: span.end, weight: weights[group - 1]!, substantive: substantiveAt(span.line), phrase });
    // Resume right after the match start, so a long phrase does not hide a shorter cue inside it
    // ("stream through Kafka into the warehouse" and "Kafka").
    pattern.lastIndex = match.index + 1;
  }
  return hits;
}

function createLocator(lineStarts: readonly number[]): Locator {
  return (start, end) => {
    const low = lastAtOrBefore(lineStarts, start);
    const lineStart = lineStarts[low]!;
    const lineEnd = (lineStarts[low + 1] ?? Number.MAX_SAFE_INTEGER) - 1;
    return { line: low, start: start - lineStart, end: Math.min(end, lineEnd) - lineStart };
  };
}

function eachMatch(pattern: RegExp, text: string, locate: Locator, onMatch: (span: Span) => void): void {
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (match[0].length === 0) {
      pattern.lastIndex++;
      continue;
    }
    onMatch(locate(match.index, match.index + match[0].length));
  }
}

function statedRole(text: string): MetricRole | undefined {
  for (const cue of ROLE_CUES) if (cue.pattern.test(text)) return cue.role;
  return undefined;
}

const ROLE_SCANNERS = ROLE_CUES.map((cue) => ({ role: cue.role, pattern: new RegExp(cue.pattern.source, 'gi') }));

/** A role word on a line, at `index`. */
interface RoleWord {
  index: number;
  role: MetricRole;
}

/**
 * What the reading of a metric mention needs from its line, found with one pass of each pattern
 * per line. Scanning the line again for every mention was quadratic: a 100 KB line of prose with
 * a metric every few words took seconds.
 */
interface LineContext {
  text: string;
  /** Offsets of sentence breaks (".", ";", "!", "?" before a blank or the end), ascending. */
  breaks: number[];
  /** Role words in the order of `index`; at one index, in the order of ROLE_CUES (the first wins). */
  roles: RoleWord[];
  roleIndexes: number[];
  /**
   * Negation words in `negationText`: the last sentence of the paragraph's line before (a sentence
   * may start there), a space, then the line; `lineOffset` is where the line starts in it.
   */
  negations: { start: number; end: number }[];
  negationStarts: number[];
  lineOffset: number;
  asLoss: boolean;
}

function lineContext(text: string, previousLine: string): LineContext {
  const breaks: number[] = [];
  SENTENCE_BREAK.lastIndex = 0;
  for (let match = SENTENCE_BREAK.exec(text); match; match = SENTENCE_BREAK.exec(text)) breaks.push(match.index);
  const roles: (RoleWord & { order: number })[] = [];
  ROLE_SCANNERS.forEach((scanner, order) => {
    scanner.pattern.lastIndex = 0;
    for (let match = scanner.pattern.exec(text); match; match = scanner.pattern.exec(text)) roles.push({ index: match.index, role: scanner.role, order });
  });
  roles.sort((a, b) => a.index - b.index || a.order - b.order);
  const tail = previousLine ? `${sentenceTail(previousLine)} ` : '';
  const negationText = tail + text;
  const negations: { start: number; end: number }[] = [];
  NEGATION_BEFORE.lastIndex = 0;
  for (let match = NEGATION_BEFORE.exec(negationText); match; match = NEGATION_BEFORE.exec(negationText)) negations.push({ start: match.index, end: match.index + match[0].length });
  return {
    text,
    breaks,
    roles,
    roleIndexes: roles.map((word) => word.index),
    negations,
    negationStarts: negations.map((word) => word.start),
    lineOffset: tail.length,
    asLoss: LOSS_CONTEXT.test(text),
  };
}

/** The role word closest before `position` on the line ("Offline: X; online: Y" gives Y online). */
function roleBefore(context: LineContext, position: number): MetricRole | undefined {
  let last = lastAtOrBefore(context.roleIndexes, position - 1);
  if (last < 0) return undefined;
  while (last > 0 && context.roleIndexes[last - 1] === context.roleIndexes[last]) last--;
  return context.roles[last]!.role;
}

/** The role word closest after `from` and before `to` ("NDCG@10 as the offline metric"). */
function roleAfter(context: LineContext, from: number, to: number): MetricRole | undefined {
  const word = context.roles[lastAtOrBefore(context.roleIndexes, from - 1) + 1];
  return word && word.index < to ? word.role : undefined;
}

/** Whether a negation word lies wholly within [from, to) of the line; `from` 0 reaches into the line before. */
function negatedBetween(context: LineContext, from: number, to: number): boolean {
  const start = from === 0 ? 0 : from + context.lineOffset;
  const end = to + context.lineOffset;
  for (let index = lastAtOrBefore(context.negationStarts, start - 1) + 1; index < context.negations.length; index++) {
    const word = context.negations[index]!;
    if (word.start >= end) return false;
    if (word.end <= end) return true;
  }
  return false;
}

/** Whether the mention at [start, end) names one side of a trade-off ("latency vs accuracy"). */
function inTradeoff(text: string, start: number, end: number): boolean {
  // The patterns only look at a few words next to the mention; blanks are skipped by hand so a
  // regex never sees more than a short window, whatever the line's length.
  let before = start;
  while (before > 0 && /\s/.test(text[before - 1]!)) before--;
  if (TRADEOFF_BEFORE.test(text.slice(Math.max(0, before - TRADEOFF_WINDOW), before))) return true;
  let after = end;
  while (after < text.length && /\s/.test(text[after]!)) after++;
  return TRADEOFF_AFTER.test(text.slice(after, after + TRADEOFF_WINDOW));
}

interface RawMention {
  name: string;
  start: number;
  end: number;
}

/** Finds metric mentions per line; overlapping spellings resolve to the longest (PR-AUC over AUC). */
// One cheap pass tells whether a segment mentions any metric at all; most sections do not.
const ANY_METRIC = new RegExp(COMPILED_METRICS.map((metric) => metric.pattern.source).join('|'), 'i');
const ANY_METRIC_ACRONYM = new RegExp(COMPILED_METRICS.filter((metric) => metric.acronyms).map((metric) => metric.acronyms!.source).join('|'));

function findMetricMentions(masked: string, locate: Locator): Map<number, RawMention[]> {
  const raw: (RawMention & { line: number })[] = [];
  if (!ANY_METRIC.test(masked) && !ANY_METRIC_ACRONYM.test(masked)) return new Map();
  for (const metric of COMPILED_METRICS) {
    for (const pattern of metric.acronyms ? [metric.pattern, metric.acronyms] : [metric.pattern]) {
      eachMatch(pattern, masked, locate, (span) => raw.push({ name: metric.spec.name, line: span.line, start: span.start, end: span.end }));
    }
  }
  raw.sort((a, b) => a.line - b.line || a.start - b.start || b.end - a.end);
  const byLine = new Map<number, RawMention[]>();
  for (const mention of raw) {
    const onLine = byLine.get(mention.line) ?? [];
    const previous = onLine[onLine.length - 1];
    if (previous && mention.start < previous.end) continue;
    onLine.push(mention);
    byLine.set(mention.line, onLine);
  }
  return byLine;
}

/** `previousLine` is the line before in the same paragraph: a sentence may start there. */
function addMetricHits(text: string, previousLine: string, line: number, mentions: readonly RawMention[], role: MetricRole | undefined, signals: SegmentSignals): void {
  if (mentions.length === 0) return;
  const context = lineContext(text, previousLine);
  for (const mention of mentions) {
    const sentence = sentenceAround(context, mention.start, mention.end);
    const negated = negatedBetween(context, sentence.start, mention.start) || NEGATION_AFTER.test(text.slice(mention.end, sentence.end));
    const hit: MetricHit = {
      line,
      start: mention.start,
      end: mention.end,
      name: mention.name,
      text: text.slice(mention.start, mention.end),
      negated,
      asLoss: context.asLoss,
      inTradeoff: inTradeoff(text, mention.start, mention.end),
    };
    // The role word before the mention, else one later in its sentence ("NDCG@10 as the offline
    // metric"), else the label above. A role later on the line in another clause is another
    // metric's: "recall@100 and NDCG@20; online we track conversion".
    const stated = roleBefore(context, mention.start) ?? roleAfter(context, mention.end, sentence.end) ?? role;
    if (stated) hit.statedRole = stated;
    signals.metrics.push(hit);
  }
}

/** The last sentence of a line, possibly unfinished. */
function sentenceTail(text: string): string {
  let from = 0;
  SENTENCE_BREAK.lastIndex = 0;
  for (let match = SENTENCE_BREAK.exec(text); match; match = SENTENCE_BREAK.exec(text)) from = match.index + 1;
  return text.slice(from);
}

/** The sentence of the line holding [start, end): from after the break before it to the first break at or after `end`. */
function sentenceAround(context: LineContext, start: number, end: number): { start: number; end: number } {
  const { breaks, text } = context;
  const before = lastAtOrBefore(breaks, start - 1);
  const after = lastAtOrBefore(breaks, end - 1) + 1;
  return { start: before < 0 ? 0 : breaks[before]! + 1, end: after < breaks.length ? breaks[after]! : text.length };
}
