// Fitting the learned element verdict: L2-regularised logistic regression by Newton's method
// (iteratively reweighted least squares) with a fixed number of iterations and no randomness, on
// standardised features, so the same rows always give the same weights, bit for bit. Pure: no
// files, no analysis.
import type { LogisticModel } from '../../src/core/learned/model';

/** Newton steps: the L2 term keeps the problem strictly convex, and it converges in far fewer. */
const ITERATIONS = 30;
/** Decimal places kept in the weights file: the figures do not move below this. */
const DECIMALS = 4;

export interface Design {
  names: readonly string[];
  rows: readonly (readonly number[])[];
  targets: readonly number[];
}

/** A number as the weights files keep it (and -0 as 0): every trainer rounds the same way. */
export const roundForFile = (value: number): number => {
  const factor = 10 ** DECIMALS;
  return Math.round(value * factor) / factor || 0;
};

/** Solves `matrix · x = vector` by Gaussian elimination with partial pivoting (deterministic). */
export function solve(matrix: number[][], vector: number[]): number[] {
  const size = vector.length;
  const a = matrix.map((row, index) => [...row, vector[index]!]);
  for (let column = 0; column < size; column++) {
    let pivot = column;
    for (let row = column + 1; row < size; row++) if (Math.abs(a[row]![column]!) > Math.abs(a[pivot]![column]!)) pivot = row;
    [a[column], a[pivot]] = [a[pivot]!, a[column]!];
    const head = a[column]!;
    if (head[column] === 0) continue;
    for (let row = column + 1; row < size; row++) {
      const current = a[row]!;
      const factor = current[column]! / head[column]!;
      if (factor === 0) continue;
      for (let k = column; k <= size; k++) current[k]! -= factor * head[k]!;
    }
  }
  const x = new Array<number>(size).fill(0);
  for (let row = size - 1; row >= 0; row--) {
    const current = a[row]!;
    let sum = current[size]!;
    for (let k = row + 1; k < size; k++) sum -= current[k]! * x[k]!;
    x[row] = current[row] === 0 ? 0 : sum / current[row]!;
  }
  return x;
}

/**
 * Fits P(target = 1 | features) and returns it in the features' own units, rounded. `l2` penalises
 * the weights of the standardised features (not the bias).
 */
export function fitLogistic(design: Design, l2: number): LogisticModel {
  const { names, rows, targets } = design;
  const width = names.length;
  const count = rows.length;
  const mean = new Array<number>(width).fill(0);
  const scale = new Array<number>(width).fill(1);
  for (let j = 0; j < width; j++) {
    let sum = 0;
    for (const row of rows) sum += row[j]!;
    mean[j] = count ? sum / count : 0;
    let squares = 0;
    for (const row of rows) squares += (row[j]! - mean[j]!) ** 2;
    const deviation = count ? Math.sqrt(squares / count) : 0;
    scale[j] = deviation > 1e-9 ? deviation : 1;
  }
  // Column 0 is the bias.
  const standard = rows.map((row) => [1, ...row.map((value, j) => (value - mean[j]!) / scale[j]!)]);
  const beta = new Array<number>(width + 1).fill(0);
  for (let iteration = 0; iteration < ITERATIONS; iteration++) {
    const gradient = new Array<number>(width + 1).fill(0);
    const hessian = Array.from({ length: width + 1 }, () => new Array<number>(width + 1).fill(0));
    for (let i = 0; i < count; i++) {
      const x = standard[i]!;
      let sum = 0;
      for (let j = 0; j <= width; j++) sum += beta[j]! * x[j]!;
      const p = 1 / (1 + Math.exp(-sum));
      const residual = targets[i]! - p;
      const curvature = Math.max(p * (1 - p), 1e-9);
      for (let j = 0; j <= width; j++) {
        gradient[j]! += residual * x[j]!;
        const rowJ = hessian[j]!;
        const weighted = curvature * x[j]!;
        if (weighted === 0) continue;
        for (let k = j; k <= width; k++) rowJ[k]! += weighted * x[k]!;
      }
    }
    for (let j = 0; j <= width; j++) for (let k = 0; k < j; k++) hessian[j]![k] = hessian[k]![j]!;
    for (let j = 1; j <= width; j++) {
      gradient[j]! -= l2 * beta[j]!;
      hessian[j]![j]! += l2;
    }
    hessian[0]![0]! += 1e-9;
    const step = solve(hessian, gradient);
    for (let j = 0; j <= width; j++) beta[j]! += step[j]!;
  }
  // Back to the features' own units: w = β / scale, bias = β0 − Σ w · mean.
  const weights: Record<string, number> = {};
  let bias = beta[0]!;
  names.forEach((name, j) => {
    const weight = beta[j + 1]! / scale[j]!;
    bias -= weight * mean[j]!;
    weights[name] = roundForFile(weight);
  });
  return { bias: roundForFile(bias), weights };
}
