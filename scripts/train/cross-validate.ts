// Leave-one-repository-out cross-validation: each repository's docs are judged by a model fitted on
// every other repository's, as an unseen doc from a new repository would be. With a dev split of a
// few dozen docs, this over train and dev says more about unseen docs than dev alone. Pure.

export interface HeldOutJudgement {
  correct: boolean;
  /** −log of the probability the model gave the gold class. */
  loss: number;
}

export interface CrossValidated {
  docs: number;
  accuracy: number;
  /** Mean held-out log-loss. */
  loss: number;
}

/**
 * Fits on all repositories but one and judges that one's rows, for each repository in turn (in
 * first-seen order, so the result does not depend on anything but the rows).
 */
export function leaveOneRepositoryOut<Row extends { repository: string }>(
  rows: readonly Row[],
  judgeHeldOut: (training: readonly Row[], heldOut: readonly Row[]) => HeldOutJudgement[],
): CrossValidated {
  const repositories = [...new Set(rows.map((row) => row.repository))];
  let correct = 0;
  let loss = 0;
  for (const repository of repositories) {
    const judgements = judgeHeldOut(
      rows.filter((row) => row.repository !== repository),
      rows.filter((row) => row.repository === repository),
    );
    for (const judgement of judgements) {
      if (judgement.correct) correct++;
      loss += judgement.loss;
    }
  }
  return { docs: rows.length, accuracy: rows.length ? correct / rows.length : 0, loss: rows.length ? loss / rows.length : 0 };
}
