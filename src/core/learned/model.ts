// Inference of the learned element verdict: two logistic regressions over the named features of
// `features.ts`, one for "the doc addresses the element at all" (not missing) and one for "it does
// so with real, specific content" (present, given not missing). Their thresholds were chosen on the
// corpus's dev split. The weights are plain data (`weights.json`, written by `npm run train`); this
// file only reads them, so what the core decides is exactly what the trainer measured.
import type { CoverageStatus } from '../types';
import type { FeatureVector } from './features';
import type { Lexicon } from './lexicon';
import WEIGHTS from './weights.json';

export interface LogisticModel {
  bias: number;
  /** Weight per feature name, in the feature's own units. A feature without a weight counts 0. */
  weights: Readonly<Record<string, number>>;
}

export interface Thresholds {
  notMissing: number;
  present: number;
  /**
   * How far past a threshold a probability must be to overrule the hand reading: its verdicts were
   * tuned on other docs and hold there, so the model changes them only when it is sure.
   */
  notMissingMargin: number;
  presentMargin: number;
}

export interface ElementVerdictModel {
  lexicon: Lexicon;
  notMissing: LogisticModel;
  present: LogisticModel;
  thresholds: Thresholds;
}

/**
 * What the model may not overrule: a status the hand reading fixed (template residue, a constraint
 * without a number), a floor (a heading naming the element with content is never missing), a
 * ceiling (without evidence to point at, a heading, a cue phrase or a lexicon line, it is missing).
 */
export interface StatusBounds {
  /** The hand reading's verdict, which the margins favour. */
  hand: CoverageStatus;
  fixed?: CoverageStatus;
  atLeastPartial: boolean;
  hasEvidence: boolean;
}

/** What the learned verdict read for one element: kept on the fact for explanations and the trainer. */
export interface LearnedReading {
  features: FeatureVector;
  bounds: StatusBounds;
  /** P(the element is addressed at all). */
  notMissing: number;
  /** P(addressed with real content | addressed). */
  present: number;
  /** The verdict, within its bounds. */
  status: CoverageStatus;
}

/** The weights as a list, read once per model: every edit scores 18 elements twice. */
const weightLists = new WeakMap<LogisticModel, readonly (readonly [string, number])[]>();

export function probability(model: LogisticModel, features: FeatureVector): number {
  let weights = weightLists.get(model);
  if (!weights) {
    weights = Object.entries(model.weights);
    weightLists.set(model, weights);
  }
  let sum = model.bias;
  for (const [name, weight] of weights) sum += weight * (features[name] ?? 0);
  return 1 / (1 + Math.exp(-sum));
}

const RANK: Record<CoverageStatus, number> = { missing: 0, partial: 1, present: 2 };

/**
 * The model only raises the hand reading (a passing mention it missed, a partial that is really
 * there). Lowering it as well read 3 points better on dev, but cost the short, dense docs
 * (interview answers, the hand-written held-out sets) 10-25 points: fitted on long real docs, the
 * model reads a good paragraph there as thin. The README gives both sets of figures.
 */
export function statusAt(thresholds: Thresholds, notMissing: number, present: number, bounds: StatusBounds): CoverageStatus {
  const status = modelStatus(thresholds, notMissing, present, bounds);
  return RANK[status] < RANK[bounds.hand] ? bounds.hand : status;
}

function modelStatus(thresholds: Thresholds, notMissing: number, present: number, bounds: StatusBounds): CoverageStatus {
  if (bounds.fixed) return bounds.fixed;
  if (!bounds.hasEvidence) return 'missing';
  const notMissingAt = thresholds.notMissing + (bounds.hand === 'missing' ? thresholds.notMissingMargin : -thresholds.notMissingMargin);
  if (notMissing < notMissingAt) return bounds.atLeastPartial ? 'partial' : 'missing';
  const presentAt = thresholds.present + (bounds.hand === 'present' ? -thresholds.presentMargin : thresholds.presentMargin);
  return present >= presentAt ? 'present' : 'partial';
}

export function learnedStatus(model: ElementVerdictModel, features: FeatureVector, bounds: StatusBounds): LearnedReading {
  const notMissing = probability(model.notMissing, features);
  const present = probability(model.present, features);
  return { features, bounds, notMissing, present, status: statusAt(model.thresholds, notMissing, present, bounds) };
}

/** The committed model, fitted by `npm run train`. */
export const ELEMENT_MODEL: ElementVerdictModel = {
  lexicon: WEIGHTS.lexicon,
  notMissing: WEIGHTS.notMissing,
  present: WEIGHTS.present,
  thresholds: WEIGHTS.thresholds,
};
