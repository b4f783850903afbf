// Fitting a conditional logit (src/core/learned/class-scores.ts): a multinomial logistic regression
// whose parameters are a bias per class, a weight per feature every class shares, and each class's
// own weight per feature. Newton's method on the L2-penalised log-likelihood, fixed iterations, a
// step halved when it does not lower the objective, no randomness: the same rows give the same
// weights, bit for bit. Pure: no files, no analysis.
import type { ClassWeights } from '../../src/core/learned/class-scores';
import { roundForFile, solve } from './fit';

export interface Layout {
  classes: readonly string[];
  features: readonly string[];
}

/** One row: each class's feature values laid out in parameter space (non-zero entries only), and the gold class's index. */
export interface EncodedRow {
  classes: { index: number; value: number }[][];
  gold: number;
}

export interface Penalty {
  bias: number;
  shared: number;
  own: number;
}

const ITERATIONS = 40;
/** An objective gain this small (on a log-likelihood summed over the docs) moves no weight at four decimals. */
const CONVERGED_GAIN = 1e-10;

const parameterCount = (layout: Layout): number => layout.classes.length * (1 + layout.features.length) + layout.features.length;

/** Lays out each class's features (name → value) as the fit's parameters read them. */
export function encodeRow(layout: Layout, featuresOf: (classIndex: number) => Readonly<Record<string, number>>, gold: number): EncodedRow {
  const classCount = layout.classes.length;
  const featureCount = layout.features.length;
  const classes = layout.classes.map((_, c) => {
    const features = featuresOf(c);
    const entries = [{ index: c, value: 1 }];
    layout.features.forEach((name, f) => {
      const value = features[name] ?? 0;
      if (value === 0) return;
      entries.push({ index: classCount + f, value });
      entries.push({ index: classCount + featureCount + c * featureCount + f, value });
    });
    return entries;
  });
  return { classes, gold };
}

function probabilities(theta: readonly number[], row: EncodedRow): number[] {
  const scores = row.classes.map((entries) => entries.reduce((sum, { index, value }) => sum + theta[index]! * value, 0));
  const top = Math.max(...scores);
  const exps = scores.map((score) => Math.exp(score - top));
  const total = exps.reduce((a, b) => a + b, 0);
  return exps.map((value) => value / total);
}

function penalties(layout: Layout, penalty: Penalty): number[] {
  const classCount = layout.classes.length;
  const featureCount = layout.features.length;
  return Array.from({ length: parameterCount(layout) }, (_, index) =>
    index < classCount ? penalty.bias : index < classCount + featureCount ? penalty.shared : penalty.own,
  );
}

/** Negative log-likelihood of the rows' gold classes under the parameters. */
function logLossOf(theta: readonly number[], rows: readonly EncodedRow[]): number {
  let loss = 0;
  for (const row of rows) loss -= Math.log(Math.max(probabilities(theta, row)[row.gold]!, 1e-300));
  return loss;
}

function objective(theta: readonly number[], rows: readonly EncodedRow[], penalty: readonly number[]): number {
  let loss = logLossOf(theta, rows);
  for (let index = 0; index < theta.length; index++) loss += (penalty[index]! * theta[index]! ** 2) / 2;
  return loss;
}

/** Gradient and Hessian of the penalised log-likelihood at `theta` (the Hessian negated: positive definite). */
function derivatives(
  theta: readonly number[],
  rows: readonly EncodedRow[],
  penalty: readonly number[],
): { gradient: number[]; hessian: number[][] } {
  const size = theta.length;
  const gradient = theta.map((value, index) => -penalty[index]! * value);
  const hessian = Array.from({ length: size }, (_, row) => {
    const line = new Array<number>(size).fill(0);
    line[row] = penalty[row]!;
    return line;
  });
  for (const row of rows) {
    const p = probabilities(theta, row);
    const mean = new Array<number>(size).fill(0);
    row.classes.forEach((entries, c) => {
      for (const { index, value } of entries) {
        mean[index]! += p[c]! * value;
        if (c === row.gold) gradient[index]! += value;
      }
    });
    for (let index = 0; index < size; index++) gradient[index]! -= mean[index]!;
    // E[φφᵀ] − E[φ]E[φ]ᵀ under the model's probabilities.
    row.classes.forEach((entries, c) => {
      for (const a of entries) for (const b of entries) hessian[a.index]![b.index]! += p[c]! * a.value * b.value;
    });
    const nonZero = mean.flatMap((value, index) => (value === 0 ? [] : [index]));
    for (const a of nonZero) for (const b of nonZero) hessian[a]![b]! -= mean[a]! * mean[b]!;
  }
  return { gradient, hessian };
}

/** Fits the weights on `rows` and returns them rounded, by class and feature name. */
export function fitConditionalLogit(layout: Layout, rows: readonly EncodedRow[], penalty: Penalty): ClassWeights {
  const penaltyOf = penalties(layout, penalty);
  let theta = new Array<number>(parameterCount(layout)).fill(0);
  let current = objective(theta, rows, penaltyOf);
  for (let iteration = 0; iteration < ITERATIONS; iteration++) {
    const { gradient, hessian } = derivatives(theta, rows, penaltyOf);
    const step = solve(hessian, gradient);
    let scale = 1;
    let next = theta.map((value, index) => value + step[index]!);
    let nextObjective = objective(next, rows, penaltyOf);
    while (nextObjective > current && scale > 1e-6) {
      scale /= 2;
      next = theta.map((value, index) => value + scale * step[index]!);
      nextObjective = objective(next, rows, penaltyOf);
    }
    if (nextObjective > current) break;
    const gain = current - nextObjective;
    [theta, current] = [next, nextObjective];
    // Newton's steps converge quadratically: once a step gains next to nothing, the rounded weights are final.
    if (gain < CONVERGED_GAIN) break;
  }
  return weightsOf(layout, theta);
}

function weightsOf(layout: Layout, theta: readonly number[]): ClassWeights {
  const classCount = layout.classes.length;
  const featureCount = layout.features.length;
  const bias: Record<string, number> = {};
  const shared: Record<string, number> = {};
  const byClass: Record<string, Record<string, number>> = {};
  layout.classes.forEach((id, c) => {
    bias[id] = roundForFile(theta[c]!);
    const own: Record<string, number> = {};
    layout.features.forEach((name, f) => {
      own[name] = roundForFile(theta[classCount + featureCount + c * featureCount + f]!);
    });
    byClass[id] = own;
  });
  layout.features.forEach((name, f) => {
    shared[name] = roundForFile(theta[classCount + f]!);
  });
  return { bias, shared, byClass };
}

/** The log-loss of fitted (rounded) weights on encoded rows: how sure the model was of the right answers. */
export function logLoss(layout: Layout, weights: ClassWeights, rows: readonly EncodedRow[]): number {
  const theta = [
    ...layout.classes.map((id) => weights.bias[id] ?? 0),
    ...layout.features.map((name) => weights.shared[name] ?? 0),
    ...layout.classes.flatMap((id) => layout.features.map((name) => weights.byClass[id]?.[name] ?? 0)),
  ];
  return logLossOf(theta, rows);
}
