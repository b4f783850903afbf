// Which metric mentions state the document's offline metric, and which is the headline: two small
// logistic models fitted on the corpus's train split by `npm run train` (scripts/train/offline.ts),
// their thresholds chosen on dev. The mention model scores each mention of a model-quality metric
// (NDCG, PR-AUC, accuracy, MAE...) from how it is written: the role the hand reading gives it
// ("Offline metrics:", an evaluation heading), a value next to it, a table row or a list of
// metrics, a passing word ("better recall"). The document model says whether the doc states an
// offline metric at all, from its best mention and the evaluation elements' verdicts.
import type { CoverageFact, MetricFact, SectionNode } from '../analysis/facts';
import { metricSpec } from '../framework/metrics';
import type { ElementId } from '../types';
import type { FeatureVector } from './features';
import { probability, type LogisticModel } from './model';
import { beforeMention, lineShapeOf, OPENING_BIT, SPECIFIC, underFutureHeading, underFutureLabel, WISHED_BIT } from './offline-lines';
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

/**
 * "Calibration" alone is as often the step that calibrates ("Platt calibration", "data kept for
 * evaluation and calibration") as its measure; only a measure ("calibration error", "reliability
 * diagram", "Brier score") names the metric.
 */
const CALIBRATION_STEP = /^calibration$/i;

/** Whether a mention names a model-quality metric, the only kind a headline offline metric can be. */
export function isQualityMetric(metric: Pick<MetricFact, 'name' | 'text'>): boolean {
  return metricSpec(metric.name)?.typicalRole === 'offline' && !CALIBRATION_STEP.test(metric.text);
}

/** Whether the section or one above it is about `part` (a framing or a serving section). */
export function underPart(section: SectionNode | undefined, part: 'framing' | 'serving'): boolean {
  for (let node = section; node; node = node.parent) if (node.parts.has(part)) return true;
  return false;
}

/** The element verdicts the headline model reads: whether the doc evaluates offline and names a model metric at all. */
export type MetricElements = Pick<Record<ElementId, CoverageFact>, 'evaluation.offline' | 'framing.model-metric'>;

/** Whether the section or one above it names `element` ("Trade-offs", "Design decisions"). */
function underElement(section: SectionNode | undefined, element: ElementId): boolean {
  for (let node = section; node; node = node.parent) if (node.elements.has(element)) return true;
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
  'open',
  'prose',
  'labelValue',
  'tradeoffSection',
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
      shape.open,
      shape.prose,
      before & OPENING_BIT && shape.value ? 1 : 0,
      flag(underElement(metric.section, 'tradeoffs')),
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
 * "PR-AUC"), one with a value where metrics are discussed ("Accuracy on the test set: 99.4%"), one
 * labelling its line with a value ("- **Recall**: 0.81"), one listed in its evaluation role (an
 * entry, a table cell, beside other metrics), one in that role with a target or result; the share of
 * them that only wish for a quality or weigh it in a trade-off ("better recall", "speed vs
 * accuracy"), that only ask or plan (an open task box, a question, a target left blank "....."),
 * that are words in long prose, that stand where the doc evaluates, and that stand aside in serving
 * or trade-off sections. A metric named only as a topic is what these tell from a stated one.
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
  let labelled = 0;
  let listed = 0;
  let open = 0;
  let prose = 0;
  let placed = 0;
  let targeted = 0;
  let aside = 0;
  mentions.forEach((values, index) => {
    const metric = candidates[index]!;
    if (metric.negated) return;
    if (values[AT.specific]) specific = 1;
    if (values[AT.labelValue]) labelled = 1;
    if ((metric.role === 'offline' || metric.role === 'model') && (values[AT.opening] || values[AT.table] || values[AT.othersOnLine]))
      listed = 1;
    if (values[AT.open]) open++;
    if (values[AT.prose] && !values[AT.opening]) prose++;
    if (values[AT.evaluation]) placed++;
    if ((metric.role === 'offline' || metric.role === 'model') && values[AT.value]) targeted = 1;
    if (values[AT.serving] || values[AT.tradeoffSection]) aside++;
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
    labelled,
    listed,
    open: candidates.length ? open / candidates.length : 0,
    prose: candidates.length ? prose / candidates.length : 0,
    targeted,
    placed: candidates.length ? placed / candidates.length : 0,
    aside: candidates.length ? aside / candidates.length : 0,
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
