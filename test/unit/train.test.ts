// The learned element verdict's trainer and its link to the core: fitting is deterministic (the
// same corpus gives the same bytes), the weights it writes are the ones the core's inference reads,
// and what the core decides for each element is what those weights say within the hard bounds.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { analyzeFacts } from '../../src/core/analyze';
import { FEATURE_NAMES } from '../../src/core/learned/features';
import { ELEMENT_MODEL, probability, statusAt, statusProbabilities, type ElementVerdictModel } from '../../src/core/learned/model';
import { ELEMENT_IDS } from '../../src/core/types';
import { fitLogistic, solve } from '../../scripts/train/fit';
import { loadRows, serializeWeights, train } from '../../scripts/train/run';
import { RECIPE_DRAFT } from '../core/draft-docs';

const sample = path.resolve('test/fixtures/eval-sample');

describe('learned verdict: training', () => {
  it('solves a linear system exactly', () => {
    assert.deepEqual(
      solve(
        [
          [2, 1],
          [1, 3],
        ],
        [3, 5],
      ).map((value) => Math.round(value * 1e9) / 1e9),
      [0.8, 1.4],
    );
  });

  it('fits a logistic regression whose weight follows the evidence and is rounded', () => {
    const rows = [[0], [0], [0], [1], [1], [1], [0], [1]];
    const targets = [0, 0, 1, 1, 1, 1, 0, 0];
    const model = fitLogistic({ names: ['signal'], rows, targets }, 0.1);
    assert.ok(model.weights.signal! > 0.5, JSON.stringify(model));
    assert.equal(model.weights.signal, Math.round(model.weights.signal! * 1e4) / 1e4);
  });

  it('gives byte-identical weights when trained twice on the same corpus, with every feature named', () => {
    const first = loadRows(sample);
    const second = loadRows(sample);
    assert.ok(first.rows.length >= ELEMENT_IDS.length, 'the sample has a labelled train doc');
    assert.ok(
      first.rows.every((row) => row.split !== 'test'),
      'test is never read',
    );
    const a = serializeWeights(train(first.rows, first.docs));
    const b = serializeWeights(train(second.rows, second.docs));
    assert.equal(a, b);
    const parsed = JSON.parse(a) as ElementVerdictModel;
    assert.deepEqual(Object.keys(parsed.notMissing.weights), [...FEATURE_NAMES]);
    assert.deepEqual(Object.keys(parsed.present.weights), [...FEATURE_NAMES]);
  });
});

describe('learned verdict: the core uses the committed weights', () => {
  const committed = JSON.parse(fs.readFileSync('src/core/learned/weights.json', 'utf8')) as ElementVerdictModel;

  it('reads weights.json as written, under 300 KB', () => {
    assert.deepEqual(ELEMENT_MODEL.notMissing, committed.notMissing);
    assert.deepEqual(ELEMENT_MODEL.present, committed.present);
    assert.deepEqual(ELEMENT_MODEL.thresholds, committed.thresholds);
    assert.deepEqual(ELEMENT_MODEL.lexicon, committed.lexicon);
    assert.ok(fs.statSync('src/core/learned/weights.json').size < 300_000);
  });

  it('decides each element as those weights say, within the bounds', () => {
    const facts = analyzeFacts(RECIPE_DRAFT, {});
    for (const id of ELEMENT_IDS) {
      const fact = facts.elements[id];
      const reading = fact.learned!;
      const notMissing = probability(committed.notMissing, reading.features);
      const present = probability(committed.present, reading.features);
      assert.equal(reading.notMissing, notMissing, id);
      assert.equal(reading.present, present, id);
      assert.equal(fact.status, statusAt(committed.thresholds, notMissing, present, reading.bounds), id);
      if (fact.status !== 'missing') assert.ok(fact.evidence, `${id} points at evidence`);
      if (fact.status === 'partial') assert.ok(fact.gap, `${id} says what it lacks`);
    }
  });
});

describe('learned verdict: the decision rule', () => {
  const bounds = { hand: 'missing', atLeastPartial: false, hasEvidence: true } as const;

  it('raises the hand reading to the most probable higher status only when it is more probable by the margin', () => {
    // P(missing) 0.4, P(partial) 0.42, P(present) 0.18.
    assert.equal(statusAt({ margin: 0 }, 0.6, 0.3, bounds), 'partial');
    assert.equal(statusAt({ margin: 0.05 }, 0.6, 0.3, bounds), 'missing');
    // P(missing) 0.1, P(partial) 0.18, P(present) 0.72.
    assert.equal(statusAt({ margin: 0 }, 0.9, 0.8, bounds), 'present');
    assert.equal(statusAt({ margin: 0 }, 0.9, 0.8, { ...bounds, hand: 'partial' }), 'present');
  });

  it('never lowers the hand reading, and keeps fixed statuses and elements without evidence', () => {
    assert.equal(statusAt({ margin: 0 }, 0.05, 0.05, { ...bounds, hand: 'present' }), 'present');
    assert.equal(statusAt({ margin: 0 }, 0.05, 0.05, { ...bounds, hand: 'partial' }), 'partial');
    assert.equal(statusAt({ margin: 0 }, 0.99, 0.99, { ...bounds, hand: 'partial', fixed: 'partial' }), 'partial');
    assert.equal(statusAt({ margin: 0 }, 0.99, 0.99, { ...bounds, hasEvidence: false }), 'missing');
  });

  it('reads missing as impossible under a heading naming the element', () => {
    // P(partial) 0.2, P(present) 0.05: without the floor, missing (0.75) would be the most probable.
    assert.deepEqual(statusProbabilities(0.25, 0.2, { ...bounds, atLeastPartial: true }), { missing: 0, partial: 0.2, present: 0.05 });
  });
});
