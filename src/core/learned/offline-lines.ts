// What the text of a line says about the metric mentions on it, read once per text and remembered
// across edits: the shape of the line (a value, a table row, a list entry, a heading, an open task
// or question, prose), the words before a mention (it opens the line, it wishes for a quality), and
// whether a label line or heading above puts it under future work. The offline-metric models
// (offline-headline.ts) read their features from these.
import type { SectionNode } from '../analysis/facts';
import { FUTURE_WORK_HEADING } from '../framework/elements';
import { METRIC_CONTEXT } from '../verdicts/metric-roles';

/** Work the doc plans rather than reports: future work, next steps, a roadmap. */
const PLANNED_HEADING = new RegExp(`${FUTURE_WORK_HEADING.source}|\\broad ?maps?\\b`, 'i');

/** A target or a result next to the metric: "> 0.8", "85%", "0.77", "≤ 5". */
export const VALUE = /[<>≤≥~=]\s*\d|\d\s*%|\b\d*[.,]\d+\b/;
const LIST_ITEM = /^\s*(?:[-*+•]|\d+[.)])\s/;
/** The mention opens its line: a label, a list entry or a table cell, not a word inside prose. */
const OPENING = /^[\s>*+•#|`_-]*(?:\d+[.)]\s*)?[*_`]*$/;
/** "improve recall", "better accuracy": a quality wished for, not a metric chosen. */
const WISHED_BEFORE =
  /\b(?:improv\w*|better|higher|increas\w*|boost\w*|enhanc\w*|more|less|lower|good|high|reduc\w*)\s+(?:[\w-]+\s+){0,2}$/i;
/** A metric written in a specific notation: "NDCG@10", "F1", "PR-AUC". */
export const SPECIFIC = /[@\d]|[A-Z]{2}/;
/** A line that asks or plans rather than states: an open task box, a question, a blank left to fill ("should be ....."). */
const OPEN_LINE = /^\s*(?:[-*+]\s*)?\[ \]|\?[\s*_)]*$|\.{4,}|…|\b(?:TBD|TBC|TODO)\b/;
/** Words in a line of prose: past this, a metric's name is a word in a sentence, not an entry. */
const PROSE_WORDS = 25;
/** Characters before a mention that the opening and wished patterns see: a line of prose is read once per line, not once per mention. */
const BEFORE_WINDOW = 48;

/** What a line says about every mention on it, computed once per line. */
export interface LineShape {
  context: number;
  value: number;
  table: number;
  item: number;
  heading: number;
  open: number;
  prose: number;
}

/**
 * What the text of a line (or a heading) says, read once per text: every keystroke reads every
 * candidate mention's line and the lines above it, which rarely change, so the readings are kept
 * by text (an unchanged line is the same string, so looking it up costs next to nothing). Each
 * field is a pure function of the text, filled when first asked.
 */
interface TextReading {
  shape?: LineShape;
  /** As a line above a mention: LABEL_SKIPPED, LABEL_HEADING, LABEL_FUTURE or LABEL_OTHER. */
  label?: number;
  /** As a heading: whether it names future work. */
  futureHeading?: boolean;
  /** By a mention's start character: OPENING and WISHED_BEFORE as bits 1 and 2. */
  before?: Map<number, number>;
}

const rememberedTexts = new Map<string, TextReading>();
const MAX_REMEMBERED_TEXTS = 20_000;

function readingOf(text: string): TextReading {
  let reading = rememberedTexts.get(text);
  if (!reading) {
    if (rememberedTexts.size >= MAX_REMEMBERED_TEXTS) rememberedTexts.clear();
    reading = {};
    rememberedTexts.set(text, reading);
  }
  return reading;
}

export function lineShapeOf(text: string): LineShape {
  const reading = readingOf(text);
  return (reading.shape ??= lineShape(text));
}

export const OPENING_BIT = 1;
export const WISHED_BIT = 2;

/** Whether the words before a mention starting at `start` open the line and wish for a quality, as bits. */
export function beforeMention(text: string, start: number): number {
  const reading = readingOf(text);
  reading.before ??= new Map();
  let bits = reading.before.get(start);
  if (bits === undefined) {
    const before = text.slice(Math.max(0, start - BEFORE_WINDOW), start);
    bits = (start <= BEFORE_WINDOW && OPENING.test(before) ? OPENING_BIT : 0) | (WISHED_BEFORE.test(before) ? WISHED_BIT : 0);
    reading.before.set(start, bits);
  }
  return bits;
}

function lineShape(text: string): LineShape {
  return {
    context: METRIC_CONTEXT.test(text) ? 1 : 0,
    value: VALUE.test(text) ? 1 : 0,
    table: text.trimStart().startsWith('|') ? 1 : 0,
    item: LIST_ITEM.test(text) ? 1 : 0,
    heading: /^\s{0,3}#/.test(text) ? 1 : 0,
    open: OPEN_LINE.test(text) ? 1 : 0,
    prose: wordsOf(text) > PROSE_WORDS ? 1 : 0,
  };
}

/** Words of a line, counted by the spaces between them (no regex over the line). */
function wordsOf(text: string): number {
  let words = 0;
  let inWord = false;
  for (let index = 0; index < text.length; index++) {
    const blank = text.charCodeAt(index) <= 32;
    if (!blank && !inWord) words++;
    inWord = !blank;
  }
  return words;
}

/** How far above a mention a label line ("🔍 Future Improvements", "**Next steps**") is looked for. */
const LABEL_LOOKBACK = 10;
/** The longest line read as a label, indentation included. */
const LABEL_WIDTH = 80;

/**
 * Whether the nearest label line above the mention (a short line that is not a list item nor a
 * sentence: a heading written as bold or emoji text) names future work.
 */
export function underFutureLabel(lines: readonly string[], line: number): boolean {
  for (let above = line - 1; above >= Math.max(0, line - LABEL_LOOKBACK); above--) {
    const raw = lines[above]!;
    // A label is short; a long line is prose, read no further than its length.
    if (raw.length > LABEL_WIDTH) continue;
    const reading = readingOf(raw);
    const label = (reading.label ??= labelOf(raw));
    if (label !== LABEL_SKIPPED) return label === LABEL_FUTURE;
  }
  return false;
}

/** A line above a mention that is passed over (blank, a list item, a sentence). */
const LABEL_SKIPPED = 0;
/** A heading: labels above it are not this mention's. */
const LABEL_HEADING = 1;
const LABEL_FUTURE = 2;
const LABEL_OTHER = 3;

/** What a short line above a mention is to `underFutureLabel`. */
function labelOf(raw: string): number {
  const text = raw.trim();
  if (text === '' || LIST_ITEM.test(text)) return LABEL_SKIPPED;
  if (text.startsWith('#')) return LABEL_HEADING;
  if (/[.!?:,;]$/.test(text.replace(/[*_]+$/, ''))) return LABEL_SKIPPED;
  return PLANNED_HEADING.test(text) ? LABEL_FUTURE : LABEL_OTHER;
}

/** Whether the section or one above it is about future work ("Future improvements", "Next steps"). */
export function underFutureHeading(section: SectionNode | undefined): boolean {
  for (let node = section; node; node = node.parent) {
    const reading = readingOf(node.normalized);
    if ((reading.futureHeading ??= PLANNED_HEADING.test(node.normalized))) return true;
  }
  return false;
}
