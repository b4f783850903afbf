// Leave-one-repository-out cross-validation, which the scenario trainer reports over train and dev:
// each repository is held out once, in first-seen order, and never among the rows its judge fits on.
import assert from 'node:assert/strict';
import { leaveOneRepositoryOut } from '../../scripts/train/cross-validate';

interface Doc {
  repository: string;
  gold: string;
}

/** Three course repositories, one with two docs (a template reused across its case studies). */
const DOCS: Doc[] = [
  { repository: 'course/ml-design', gold: 'recommendation' },
  { repository: 'bank/risk-notes', gold: 'fraud' },
  { repository: 'course/ml-design', gold: 'search' },
  { repository: 'shop/search', gold: 'search' },
];

describe('leave-one-repository-out cross-validation', () => {
  it('holds out each repository once, with all its docs, and never fits on it', () => {
    const heldOutOrder: string[] = [];
    leaveOneRepositoryOut(DOCS, (training, heldOut) => {
      const repository = heldOut[0]!.repository;
      heldOutOrder.push(repository);
      assert.deepEqual(
        heldOut,
        DOCS.filter((doc) => doc.repository === repository),
      );
      assert.ok(training.every((doc) => doc.repository !== repository));
      assert.equal(training.length + heldOut.length, DOCS.length);
      return heldOut.map(() => ({ correct: true, loss: 0 }));
    });
    assert.deepEqual(heldOutOrder, ['course/ml-design', 'bank/risk-notes', 'shop/search']);
  });

  it('averages accuracy and log-loss over docs, not repositories', () => {
    // A majority-class judge fitted on the training docs: right only when the held-out doc's class is the training docs' most common one.
    const result = leaveOneRepositoryOut(DOCS, (training, heldOut) => {
      const counts = new Map<string, number>();
      for (const doc of training) counts.set(doc.gold, (counts.get(doc.gold) ?? 0) + 1);
      const majority = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
      return heldOut.map((doc) => ({ correct: doc.gold === majority, loss: doc.gold === majority ? 0.5 : 2 }));
    });
    // course/ml-design held out: training {fraud, search} → majority fraud, both wrong; bank: {rec, search, search} → search, wrong;
    // shop: {rec, fraud, search} → rec (first counted), wrong.
    assert.equal(result.docs, 4);
    assert.equal(result.accuracy, 0);
    assert.equal(result.loss, 2);
  });

  it('reports nothing learned on no docs', () => {
    assert.deepEqual(
      leaveOneRepositoryOut([], () => []),
      { docs: 0, accuracy: 0, loss: 0 },
    );
  });
});
