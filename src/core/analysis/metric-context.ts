// What the reading of a metric mention needs from its line: the sentence around it, the role words
// before and after it, negations, a loss or trade-off context.
import { NEGATION_BEFORE, ROLE_CUES, type CompiledMetric } from '../framework/metrics';
import type { MetricRole } from '../types';
import { lastAtOrBefore } from '../sorted';
import { forEachMatch } from './text-scan';

/** "latency vs accuracy": the metric word names one side of a trade-off, not a chosen metric. */
const TRADEOFF_BEFORE = /(?:\bvs\.?|\bversus|\bat the (?:cost|expense) of)$/i;
const TRADEOFF_AFTER = /^(?:vs\.?|versus)(?:\s|$)/i;
/** Characters next to a mention that the trade-off patterns see: more than the longest phrase and the character before it. */
const TRADEOFF_WINDOW = 32;
/** The line is about the training loss, not evaluation ("Loss function: CE"); metric names ending in "loss" are not. */
const LOSS_CONTEXT =
  /\b(?:loss functions?|training loss|training objective|optimi[sz]er|trained (?:with|on)|minimi[sz]ing)\b|(?:^|[^\w-])loss\s*:/i;
const SENTENCE_BREAK = /[.;!?](?:\s|$)/g;

export function statedRole(text: string): MetricRole | undefined {
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
export interface LineContext {
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

export function lineContext(text: string, previousLine: string): LineContext {
  const breaks: number[] = [];
  forEachMatch(SENTENCE_BREAK, text, (index) => breaks.push(index));
  const roles: (RoleWord & { order: number })[] = [];
  ROLE_SCANNERS.forEach((scanner, order) => {
    forEachMatch(scanner.pattern, text, (index) => roles.push({ index, role: scanner.role, order }));
  });
  roles.sort((a, b) => a.index - b.index || a.order - b.order);
  const tail = previousLine ? `${sentenceTail(previousLine)} ` : '';
  const negationText = tail + text;
  const negations: { start: number; end: number }[] = [];
  forEachMatch(NEGATION_BEFORE, negationText, (index, length) => negations.push({ start: index, end: index + length }));
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

/**
 * The role word closest before `position` on the line ("Offline: X; online: Y" gives Y online), past
 * `after`: a role word right after the mention before is that mention's ("PR-AUC offline and fraud
 * losses in an A/B test").
 */
export function roleBefore(context: LineContext, position: number, after = -1): MetricRole | undefined {
  let last = lastAtOrBefore(context.roleIndexes, position - 1);
  if (last < 0 || context.roleIndexes[last]! <= after) return undefined;
  while (last > 0 && context.roleIndexes[last - 1] === context.roleIndexes[last]) last--;
  return context.roles[last]!.role;
}

/** The role word closest after `from` and before `to` ("NDCG@10 as the offline metric"). */
export function roleAfter(context: LineContext, from: number, to: number): MetricRole | undefined {
  const word = context.roles[lastAtOrBefore(context.roleIndexes, from - 1) + 1];
  return word && word.index < to ? word.role : undefined;
}

/** Whether a negation word lies wholly within [from, to) of the line; `from` 0 reaches into the line before. */
export function negatedBetween(context: LineContext, from: number, to: number): boolean {
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
export function inTradeoff(text: string, start: number, end: number): boolean {
  // The patterns only look at a few words next to the mention; blanks are skipped by hand so a
  // regex never sees more than a short window, whatever the line's length.
  let before = start;
  while (before > 0 && /\s/.test(text[before - 1]!)) before--;
  if (TRADEOFF_BEFORE.test(text.slice(Math.max(0, before - TRADEOFF_WINDOW), before))) return true;
  let after = end;
  while (after < text.length && /\s/.test(text[after]!)) after++;
  return TRADEOFF_AFTER.test(text.slice(after, after + TRADEOFF_WINDOW));
}

/** The last sentence of a line, possibly unfinished. */
function sentenceTail(text: string): string {
  let from = 0;
  forEachMatch(SENTENCE_BREAK, text, (index) => {
    from = index + 1;
  });
  return text.slice(from);
}

/** The sentence of the line holding [start, end): from after the break before it to the first break at or after `end`. */
export function sentenceAround(context: LineContext, start: number, end: number): { start: number; end: number } {
  const { breaks, text } = context;
  const before = lastAtOrBefore(breaks, start - 1);
  const after = lastAtOrBefore(breaks, end - 1) + 1;
  return { start: before < 0 ? 0 : breaks[before]! + 1, end: after < breaks.length ? breaks[after]! : text.length };
}

/** How far from a metric's name a number still reads as its value: "98% accuracy", "accuracy of 0.92", "Accuracy | 0.67". */
const VALUE_BEFORE = 8;
const VALUE_AFTER = 12;
const DIGIT = /\d/;

/** Whether a number next to the mention at [start, end) reads as its value. */
function reportsValue(text: string, start: number, end: number): boolean {
  return DIGIT.test(text.slice(Math.max(0, start - VALUE_BEFORE), start)) || DIGIT.test(text.slice(end, end + VALUE_AFTER));
}

/** A label's colon, then the next metric's name: "**Accuracy**: MAE < 5 minutes". */
const LABEL_GAP = /^[`*_]*\s*:[`*_\s]*$/;

/**
 * Whether the mention at [start, end) is the plain word, not the metric: the words around it say so
 * ("improve retrieval accuracy", "accuracy of the forecasts") and no value makes it a reported
 * figure, or it labels the metric named right after its colon. `nextStart` is where the next metric
 * mention on the line starts.
 */
export function inPlainSense(text: string, start: number, end: number, metric: CompiledMetric, nextStart: number | undefined): boolean {
  const plain = metric.plainSense;
  if (!plain) return false;
  if (nextStart !== undefined && LABEL_GAP.test(text.slice(end, nextStart))) return true;
  if (reportsValue(text, start, end)) return false;
  if (plain.before.test(text.slice(Math.max(0, start - PLAIN_WINDOW), start))) return true;
  // "The accuracy of the model is 92%": the value may come at the end of the phrase.
  const after = text.slice(end, end + PLAIN_WINDOW);
  return plain.after.test(after) && !DIGIT.test(after);
}

/** Characters before and after a mention that the plain-sense patterns see: more than their longest phrase. */
const PLAIN_WINDOW = 48;
