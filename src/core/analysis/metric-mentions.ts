// Metric mentions: which metrics the content names, where, and in what role (stated on the line,
// later in its sentence, or by a label line above), negated or not.
import { COMPILED_METRICS, NEGATION_AFTER, type CompiledMetric } from '../framework/metrics';
import type { MetricRole } from '../types';
import { countWords } from './word-count';
import { inPlainSense, inTradeoff, lineContext, negatedBetween, roleAfter, roleBefore, sentenceAround, statedRole } from './metric-context';
import type { LineKind, Locator, MetricHit, SegmentSignals, Unit } from './signal-types';
import { eachMatch } from './text-scan';

/** A label line giving its role to the lines below it ("Offline metrics:", "- **Online:**"). */
interface RoleLabel {
  /** Indentation of the list item the label is, or -1 for a label that is not an item. */
  indent: number;
  role: MetricRole;
  /** A label alone in its paragraph ("**Online metrics**") is a heading: it reaches to the next such line. */
  headingLike: boolean;
  /** The label's line ends in its colon or is a bare label: the block after it is its answer. */
  awaitsAnswer: boolean;
  /** Blocks (paragraphs, lists, tables) read under the label after its own paragraph. */
  blocks: number;
}

const LIST_ITEM = /^\s*(?:[-*+]|\d+[.)])\s/;
/** Words of a line alone in its paragraph that a reader still takes as a heading. */
const MAX_HEADING_WORDS = 6;

/**
 * Records the metric mentions of the content lines (`content`: the segment's lines with all but real
 * content blanked; `masked`: them joined). A label line ("Offline metrics:") gives its role to the
 * lines below it as far as a reader carries it: a label alone in its paragraph ("**Online
 * metrics**") to the next such line; a label with its answer on the line, or a sentence ending in
 * a colon, over its paragraph and the list after it (and, when it awaits its answer, the paragraph
 * or table after it); a list item's label over the item. A heading ends them all. Carried to the
 * next heading, one label near the top of a doc without headings gave its role to every later metric.
 */
export function scanMetrics(
  lines: readonly string[],
  kinds: readonly LineKind[],
  content: readonly string[],
  unitOfLine: readonly (Unit | undefined)[],
  masked: string,
  locate: Locator,
  signals: SegmentSignals,
): void {
  const mentionsByLine = findMetricMentions(masked, locate);
  // The labels only give their roles to mentions: past the last line with one, reading on adds nothing.
  let lastMentionLine = -1;
  for (const line of mentionsByLine.keys()) lastMentionLine = Math.max(lastMentionLine, line);
  const roleLabels: RoleLabel[] = [];
  let afterBreak = false;
  let inList = false;
  for (let line = 0; line <= lastMentionLine; line++) {
    if (kinds[line] === 'heading' && line > 0) roleLabels.length = 0;
    const text = content[line]!;
    if (text === '') {
      afterBreak = true;
      continue;
    }
    const indent = text.length - text.trimStart().length;
    const isItem = LIST_ITEM.test(text);
    const words = countWords(text);
    const unit = unitOfLine[line];
    const lineRole = statedRole(text);
    const headingLike = !isItem && unit?.startLine === line && unit.endLine === line && isHeadingLike(text, words, lineRole);
    while (roleLabels.length && roleLabels[roleLabels.length - 1]!.indent >= indent && isItem) roleLabels.pop();
    if (headingLike) roleLabels.length = 0;
    // A new block: a list, or after a break a paragraph or table (an indented one continues a list item).
    else if (isItem ? !inList : afterBreak && !(inList && indent > 0)) endLabelsBefore(roleLabels, isItem, indent);
    if (isItem) inList = true;
    else if (afterBreak && !(inList && indent > 0)) inList = false;
    afterBreak = false;
    const mentions = mentionsByLine.get(line) ?? [];
    // A table row is a sentence of its own: the row above cannot negate or label its metric.
    const previous = unit && line > unit.startLine && !text.trimStart().startsWith('|') ? (content[line - 1] ?? '') : '';
    addMetricHits(text, previous, line, mentions, roleLabels[roleLabels.length - 1]?.role, signals);
    // Only a label ("Offline metrics:", "**Online**") gives its role to the lines below; a sentence
    // that says "the business goal is..." does not make every later metric a business one.
    const bare = words <= 4;
    const labelLike = headingLike || /^[^:]{0,40}:/.test(text.trimStart()) || /:\s*$/.test(text) || bare;
    if (lineRole && labelLike)
      roleLabels.push({
        indent: isItem ? indent : -1,
        role: lineRole,
        headingLike,
        awaitsAnswer: bare || /:[\s*_]*$/.test(text),
        blocks: 0,
      });
  }
}

/**
 * A line alone in its paragraph that reads as a heading: short, and all bold or ending in a colon,
 * or a bare role ("Online metrics"); a short formula or name alone on its line is not one.
 */
function isHeadingLike(text: string, words: number, role: MetricRole | undefined): boolean {
  if (words > MAX_HEADING_WORDS) return false;
  const trimmed = text.trim();
  return (role !== undefined && words <= 4) || /:[\s*_]*$/.test(trimmed) || /^(?:\*\*|__)[^*_]+(?:\*\*|__)$/.test(trimmed);
}

/** Ends the labels whose reach a block starting here passes: a reader carries a label over its answer only. */
function endLabelsBefore(roleLabels: RoleLabel[], isItem: boolean, indent: number): void {
  while (roleLabels.length) {
    const label = roleLabels[roleLabels.length - 1]!;
    if (label.headingLike) break;
    // A paragraph at or left of an item label's marker is past the item.
    const pastItem = label.indent >= 0 && !isItem && indent <= label.indent;
    const pastAnswer = label.indent < 0 && !isItem && label.blocks >= (label.awaitsAnswer ? 1 : 0);
    if (!pastItem && !pastAnswer) break;
    roleLabels.pop();
  }
  const label = roleLabels[roleLabels.length - 1];
  if (label) label.blocks++;
}

interface RawMention {
  metric: CompiledMetric;
  start: number;
  end: number;
}

// One cheap pass tells whether a segment mentions any metric at all; most sections do not.
const ANY_METRIC = new RegExp(COMPILED_METRICS.map((metric) => metric.pattern.source).join('|'), 'i');
const ANY_METRIC_ACRONYM = new RegExp(
  COMPILED_METRICS.filter((metric) => metric.acronyms)
    .map((metric) => metric.acronyms!.source)
    .join('|'),
);

/** Finds metric mentions per line; overlapping spellings resolve to the longest (PR-AUC over AUC). */
function findMetricMentions(masked: string, locate: Locator): Map<number, RawMention[]> {
  const raw: (RawMention & { line: number })[] = [];
  if (!ANY_METRIC.test(masked) && !ANY_METRIC_ACRONYM.test(masked)) return new Map();
  for (const metric of COMPILED_METRICS) {
    for (const pattern of metric.acronyms ? [metric.pattern, metric.acronyms] : [metric.pattern]) {
      eachMatch(pattern, masked, locate, (span) => raw.push({ metric, line: span.line, start: span.start, end: span.end }));
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
function addMetricHits(
  text: string,
  previousLine: string,
  line: number,
  mentions: readonly RawMention[],
  role: MetricRole | undefined,
  signals: SegmentSignals,
): void {
  if (mentions.length === 0) return;
  const context = lineContext(text, previousLine);
  mentions.forEach((mention, index) => {
    const sentence = sentenceAround(context, mention.start, mention.end);
    const negated = negatedBetween(context, sentence.start, mention.start) || NEGATION_AFTER.test(text.slice(mention.end, sentence.end));
    const hit: MetricHit = {
      line,
      start: mention.start,
      end: mention.end,
      name: mention.metric.spec.name,
      text: text.slice(mention.start, mention.end),
      negated,
      asLoss: context.asLoss,
      inTradeoff: inTradeoff(text, mention.start, mention.end),
    };
    // The role word before the mention, else one later in its sentence ("NDCG@10 as the offline
    // metric"), else the label above. A role later on the line in another clause is another
    // metric's: "recall@100 and NDCG@20; online we track conversion".
    const previous = mentions[index - 1];
    const previousTail = previous && previous.end >= sentence.start ? postfixEnd(text, previous.end) : -1;
    const stated = roleBefore(context, mention.start, previousTail) ?? roleAfter(context, mention.end, sentence.end) ?? role;
    if (stated) hit.statedRole = stated;
    if (inPlainSense(text, mention.start, mention.end, mention.metric, mentions[index + 1]?.start)) hit.plainSense = true;
    signals.metrics.push(hit);
  });
}

/** Where a role word right after a mention ends ("PR-AUC offline"), which is the mention's own; else -1. */
function postfixEnd(text: string, end: number): number {
  const word = /^\s+[\p{L}/-]+/u.exec(text.slice(end, end + 40));
  return word && statedRole(word[0]) ? end + word[0].length - 1 : -1;
}
