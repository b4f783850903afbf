// Inference of the learned checklist-item verdict: two logistic regressions over the named features
// of `item-features.ts`, one for "the doc addresses the item at all" (not missing) and one for "it
// does so with real, specific content" (present, given not missing), with thresholds chosen on the
// corpus's dev split. The weights are plain data (`item-weights.json`, written by `npm run train`).
import type { CoverageStatus } from '../types';
import { probability, type LogisticModel, type StatusBounds } from './model';
import type { FeatureVector } from './features';
import WEIGHTS from './item-weights.json';

export interface ItemThresholds {
  notMissing: number;
  present: number;
}

export interface ItemVerdictModel {
  notMissing: LogisticModel;
  present: LogisticModel;
  thresholds: ItemThresholds;
}

/**
 * The status the model gives within the hard bounds: a fixed status (template residue) stays; without
 * evidence to point at an item is missing; a heading naming the item with content is never missing.
 */
export function itemStatusAt(thresholds: ItemThresholds, notMissing: number, present: number, bounds: StatusBounds): CoverageStatus {
  if (bounds.fixed) return bounds.fixed;
  if (!bounds.hasEvidence) return 'missing';
  if (notMissing < thresholds.notMissing) return bounds.atLeastPartial ? 'partial' : 'missing';
  return present >= thresholds.present ? 'present' : 'partial';
}

export function learnedItemStatus(model: ItemVerdictModel, features: FeatureVector, bounds: StatusBounds) {
  const notMissing = probability(model.notMissing, features);
  const present = probability(model.present, features);
  return { features, bounds, notMissing, present, status: itemStatusAt(model.thresholds, notMissing, present, bounds) };
}

/** The committed model, fitted by `npm run train`. */
export const ITEM_MODEL: ItemVerdictModel = { notMissing: WEIGHTS.notMissing, present: WEIGHTS.present, thresholds: WEIGHTS.thresholds };
