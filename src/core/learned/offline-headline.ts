// Which metric mentions state the document's offline metric, and which is the headline: two small
// logistic models fitted on the corpus's train split by `npm run train` (scripts/train/offline.ts),
// their thresholds chosen on dev. The mention model scores each mention of a model-quality metric
// (NDCG, PR-AUC, accuracy, MAE...) from how it is written: the role the hand reading gives it
// ("Offline metrics:", an evaluation heading), a value next to it, a table row or a list of
// metrics, a passing word ("better recall"). The document model says whether the doc states an
// offline metric at all, from its best mention and the evaluation elements' verdicts.
import type { CoverageFact, MetricFact, SectionNode } from '../analysis/facts';
import { FUTURE_WORK_HEADING } from '../framework/elements';
import { metricSpec } from '../framework/metrics';
import type { ElementId } from '../types';
import { METRIC_CONTEXT } from '../verdicts/metric-roles';
import type { FeatureVector } from './features';
import { probability, type LogisticModel } from './model';
import WEIGHTS from './offline-weights.json';

export interface OfflineMetricModel {
  /** P(a mention states an offline metric the document evaluates with). */
  mention: LogisticModel;
  /** P(the document states an offline metric), over `documentFeatures`. */
  document: LogisticModel;
  /** The document states one at P ≥ this. */
  documentThreshold: number;
  /** Mentions scoring at least this share of the headline's probability are stated beside it. */
  statedRatio: number;
}

export const OFFLINE_METRIC_MODEL: OfflineMetricModel = WEIGHTS;

/** A target or a result next to the metric: "> 0.8", "85%", "0.77", "≤ 5". */
export const VALUE = /[<>≤≥~=]\s*\d|\d\s*%|\b\d*[.,]\d+\b/;
const LIST_ITEM = /^\s*(?:[-*+•]|\d+[.)])\s/;
/** The mention opens its line: a label, a list entry or a table cell, not a word inside prose. */
const OPENING = /^[\s>*+•#|`_-]*(?:\d+[.)]\s*)?[*_`]*$/;
/** "improve recall", "better accuracy": a quality wished for, not a metric chosen. */
const WISHED_BEFORE =
  /\b(?:improv\w*|better|higher|increas\w*|boost\w*|enhanc\w*|more|less|lower|good|high|reduc\w*)\s+(?:[\w-]+\s+){0,2}$/i;
const SPECIFIC = /[@\d]|[A-Z]{2}/;
/** Characters before a mention that the opening and wished patterns see: a line of prose is read once per line, not once per mention. */
const BEFORE_WINDOW = 48;

/** What a line says about every mention on it, computed once per line. */
interface LineShape {
  context: number;
  value: number;
  table: number;
  item: number;
  heading: number;
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

function lineShapeOf(text: string): LineShape {
  const reading = readingOf(text);
  return (reading.shape ??= lineShape(text));
}

const OPENING_BIT = 1;
const WISHED_BIT = 2;

/** Whether the words before a mention starting at `start` open the line and wish for a quality, as bits. */
function beforeMention(text: string, start: number): number {
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
  };
}

/** Whether a mention names a model-quality metric, the only kind a headline offline metric can be. */
export function isQualityMetric(metric: Pick<MetricFact, 'name'>): boolean {
  return metricSpec(metric.name)?.typicalRole === 'offline';
}

/** Whether the section or one above it is about `part` (a framing or a serving section). */
export function underPart(section: SectionNode | undefined, part: 'framing' | 'serving'): boolean {
  for (let node = section; node; node = node.parent) if (node.parts.has(part)) return true;
  return false;
}

/** The element verdicts the headline model reads: whether the doc evaluates offline and names a model metric at all. */
export type MetricElements = Pick<Record<ElementId, CoverageFact>, 'evaluation.offline' | 'framing.model-metric'>;

/** How far above a mention a label line ("🔍 Future Improvements", "**Next steps**") is looked for. */
const LABEL_LOOKBACK = 10;
/** The longest line read as a label, indentation included. */
const LABEL_WIDTH = 80;

/**
 * Whether the nearest label line above the mention (a short line that is not a list item nor a
 * sentence: a heading written as bold or emoji text) names future work.
 */
function underFutureLabel(lines: readonly string[], line: number): boolean {
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
  return FUTURE_WORK_HEADING.test(text) ? LABEL_FUTURE : LABEL_OTHER;
}

/** Whether the section or one above it is about future work ("Future improvements", "Next steps"). */
function underFutureHeading(section: SectionNode | undefined): boolean {
  for (let node = section; node; node = node.parent) {
    const reading = readingOf(node.normalized);
    if ((reading.futureHeading ??= FUTURE_WORK_HEADING.test(node.normalized))) return true;
  }
  return false;
}

function within(metric: MetricFact, section: SectionNode | undefined): boolean {
  if (!section) return false;
  for (let node = metric.section; node; node = node.parent) if (node === section) return true;
  return false;
}

/** The mention model's features, in the order `mentionValues` writes them. */
export const MENTION_FEATURES = [
  'role:offline',
  'role:model',
  'role:business',
  'role:online',
  'role:guardrail',
  'stated',
  'loss',
  'tradeoff',
  'negated',
  'evaluation',
  'context',
  'value',
  'table',
  'item',
  'heading',
  'opening',
  'wished',
  'specific',
  'othersOnLine',
  'repeats',
  'names',
  'framing',
  'serving',
  'position',
  'evaluation:present',
  'evaluation:partial',
  'modelMetric:present',
  'modelMetric:partial',
  'inElementSection',
] as const;

const flag = (value: boolean): number => (value ? 1 : 0);

/**
 * The mention features of each candidate (a mention of a quality metric), as arrays in the order of
 * MENTION_FEATURES: plain numbers, because this runs on every keystroke.
 */
function mentionValues(candidates: readonly MetricFact[], lines: readonly string[], elements: MetricElements): number[][] {
  const evaluation = elements['evaluation.offline'];
  const modelMetric = elements['framing.model-metric'];
  const namesOnLine = new Map<number, Set<string>>();
  const mentionsOfName = new Map<string, number>();
  for (const metric of candidates) {
    const line = metric.range.start.line;
    const names = namesOnLine.get(line) ?? new Set<string>();
    names.add(metric.name);
    namesOnLine.set(line, names);
    mentionsOfName.set(metric.name, (mentionsOfName.get(metric.name) ?? 0) + 1);
  }
  const lineCount = Math.max(1, lines.length);
  const names = Math.log1p(mentionsOfName.size);
  return candidates.map((metric) => {
    const line = metric.range.start.line;
    const text = lines[line] ?? '';
    const shape = lineShapeOf(text);
    const start = metric.range.start.character;
    const before = beforeMention(text, start);
    return [
      flag(metric.role === 'offline'),
      flag(metric.role === 'model'),
      flag(metric.role === 'business'),
      flag(metric.role === 'online'),
      flag(metric.role === 'guardrail'),
      flag(metric.stated === true),
      flag(metric.asLoss === true),
      flag(metric.inTradeoff === true),
      flag(metric.negated),
      flag(metric.inEvaluation),
      shape.context,
      shape.value,
      shape.table,
      shape.item,
      shape.heading,
      before & OPENING_BIT ? 1 : 0,
      before & WISHED_BIT ? 1 : 0,
      flag(SPECIFIC.test(metric.text)),
      Math.log1p(namesOnLine.get(line)!.size - 1),
      Math.log1p(mentionsOfName.get(metric.name)! - 1),
      names,
      flag(underPart(metric.section, 'framing')),
      flag(underPart(metric.section, 'serving')),
      line / lineCount,
      flag(evaluation.status === 'present'),
      flag(evaluation.status === 'partial'),
      flag(modelMetric.status === 'present'),
      flag(modelMetric.status === 'partial'),
      flag(within(metric, evaluation.section) || within(metric, modelMetric.section)),
    ];
  });
}

/** The named features of each candidate, for the trainer and for explanations. */
export function headlineFeatures(candidates: readonly MetricFact[], lines: readonly string[], elements: MetricElements): FeatureVector[] {
  return mentionValues(candidates, lines, elements).map((values) =>
    Object.fromEntries(MENTION_FEATURES.map((name, index) => [name, values[index]!])),
  );
}

/** A model's weights in the order of `names`, read once per model. */
const alignedWeights = new WeakMap<LogisticModel, number[]>();

function linearProbability(model: LogisticModel, values: readonly number[]): number {
  let weights = alignedWeights.get(model);
  if (!weights) alignedWeights.set(model, (weights = MENTION_FEATURES.map((name) => model.weights[name] ?? 0)));
  let sum = model.bias;
  for (let index = 0; index < values.length; index++) sum += weights[index]! * values[index]!;
  return 1 / (1 + Math.exp(-sum));
}

/** Where each mention feature the document model reads sits in a row of MENTION_FEATURES. */
const AT = Object.fromEntries(MENTION_FEATURES.map((name, index) => [name, index])) as Record<(typeof MENTION_FEATURES)[number], number>;

/**
 * What the document model reads: the best mention's log-odds, how many there are, the evaluation
 * elements, and how the mentions are written across the doc: one in a specific notation ("NDCG@10",
 * "PR-AUC"), one with a value where metrics are discussed ("Accuracy on the test set: 99.4%"), and the share of them
 * that only wish for a quality or weigh it in a trade-off ("better recall", "speed vs accuracy").
 */
export function documentFeatures(
  probabilities: readonly number[],
  candidates: readonly MetricFact[],
  elements: MetricElements,
  mentions: readonly (readonly number[])[],
): FeatureVector {
  let highest = 0;
  for (const p of probabilities) highest = Math.max(highest, p);
  const best = Math.min(Math.max(highest, 1e-4), 1 - 1e-4);
  const evaluation = elements['evaluation.offline'].status;
  const modelMetric = elements['framing.model-metric'].status;
  let specific = 0;
  let valued = 0;
  let passing = 0;
  mentions.forEach((values, index) => {
    if (candidates[index]!.negated) return;
    if (values[AT.specific]) specific = 1;
    if (values[AT.value] && (values[AT.context] || values[AT.evaluation])) valued = 1;
    if (values[AT.wished] || values[AT.tradeoff] || values[AT.loss]) passing++;
  });
  return {
    bestLogOdds: probabilities.length ? Math.log(best / (1 - best)) : Math.log(1e-4),
    mentions: Math.log1p(candidates.length),
    statedRole: candidates.some((metric) => (metric.role === 'offline' || metric.role === 'model') && !metric.negated) ? 1 : 0,
    'evaluation:present': evaluation === 'present' ? 1 : 0,
    'evaluation:partial': evaluation === 'partial' ? 1 : 0,
    'modelMetric:present': modelMetric === 'present' ? 1 : 0,
    'modelMetric:partial': modelMetric === 'partial' ? 1 : 0,
    specific,
    valued,
    passing: candidates.length ? passing / candidates.length : 0,
  };
}

export interface OfflineReading {
  /** The mentions that state the document's offline metrics, in document order. */
  stated: MetricFact[];
  /** The first of them on the line of the most likely one. */
  headline?: MetricFact;
}

/** The stated offline metrics of a document, from its candidates' mention probabilities. */
export function readStatedMetrics(
  candidates: readonly MetricFact[],
  probabilities: readonly number[],
  elements: MetricElements,
  mentions: readonly (readonly number[])[],
  model: OfflineMetricModel = OFFLINE_METRIC_MODEL,
): OfflineReading {
  let best = -1;
  candidates.forEach((metric, index) => {
    if (!metric.negated && (best < 0 || probabilities[index]! > probabilities[best]!)) best = index;
  });
  if (best < 0) return { stated: [] };
  if (probability(model.document, documentFeatures(probabilities, candidates, elements, mentions)) < model.documentThreshold)
    return { stated: [] };
  const floor = probabilities[best]! * model.statedRatio;
  const stated = candidates.filter((metric, index) => !metric.negated && probabilities[index]! >= floor);
  // The model picks the line; on it, the author's order: "NDCG@10 and Recall@100" heads with NDCG@10.
  const line = candidates[best]!.range.start.line;
  const headline = stated.find((metric) => metric.range.start.line === line)!;
  return { stated, headline };
}

/**
 * The mentions that may state the document's offline metric: those of a quality metric, except
 * under future work ("Future improvements: tune recall"), which says what the doc has not measured.
 */
export function offlineCandidates(metrics: readonly MetricFact[], lines: readonly string[]): MetricFact[] {
  return metrics.filter(
    (metric) => isQualityMetric(metric) && !underFutureHeading(metric.section) && !underFutureLabel(lines, metric.range.start.line),
  );
}

/** Reads a document's offline metrics from its metric mentions. */
export function readOfflineMetrics(metrics: readonly MetricFact[], lines: readonly string[], elements: MetricElements): OfflineReading {
  const candidates = offlineCandidates(metrics, lines);
  const mention = OFFLINE_METRIC_MODEL.mention;
  const values = mentionValues(candidates, lines, elements);
  const probabilities = values.map((row) => linearProbability(mention, row));
  return readStatedMetrics(candidates, probabilities, elements, values);
}
