// Metric mentions: which metrics the content names, where, and in what role (stated on the line,
// later in its sentence, or by a label line above), negated or not.
import { COMPILED_METRICS, NEGATION_AFTER } from '../framework/metrics';
import type { MetricRole } from '../types';
import { countWords } from './segment-blocks';
import { inTradeoff, lineContext, negatedBetween, roleAfter, roleBefore, sentenceAround, statedRole } from './metric-context';
import type { LineKind, Locator, MetricHit, SegmentSignals, Unit } from './signal-types';
import { eachMatch } from './text-scan';

/**
 * Records the metric mentions of the content lines (`content`: the segment's lines with all but real
 * content blanked; `masked`: them joined). A label line ("Offline metrics:") gives its role to the
 * lines below it until a heading or an item at its indentation or less.
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
    const previous = unit && line > unit.startLine ? (content[line - 1] ?? '') : '';
    addMetricHits(text, previous, line, mentions, roleLabels[roleLabels.length - 1]?.role, signals);
    // Only a label ("Offline metrics:", "**Online**") gives its role to the lines below; a sentence
    // that says "the business goal is..." does not make every later metric a business one.
    const labelLike = /^[^:]{0,40}:/.test(text.trimStart()) || /:\s*$/.test(text) || countWords(text) <= 4;
    if (lineRole && labelLike) roleLabels.push({ indent: isItem ? indent : -1, role: lineRole });
  }
}

interface RawMention {
  name: string;
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
