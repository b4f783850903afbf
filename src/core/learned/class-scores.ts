// Inference of a conditional logit: each class's score is its bias plus, per feature, the class's
// value of that feature times a weight every class shares plus the class's own. The learned
// scenario verdict (scenario-model.ts) uses it; its weights come from `npm run train`.

export interface ClassWeights {
  bias: Readonly<Record<string, number>>;
  /** Weight per feature, the same for every class. */
  shared: Readonly<Record<string, number>>;
  /** Each class's own weight per feature, added to the shared one. */
  byClass: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

/** One class's score (log-odds up to a constant shared by all classes). */
export function classScore(
  weights: ClassWeights,
  id: string,
  features: Readonly<Record<string, number>>,
  names: readonly string[],
): number {
  const own = weights.byClass[id] ?? {};
  let score = weights.bias[id] ?? 0;
  for (const name of names) score += ((weights.shared[name] ?? 0) + (own[name] ?? 0)) * (features[name] ?? 0);
  return score;
}

/** The index of the highest score; on a tie, the first. */
export function bestIndex(scores: readonly number[]): number {
  let best = 0;
  for (let index = 1; index < scores.length; index++) if (scores[index]! > scores[best]!) best = index;
  return best;
}
