// The offline-metric verdict read by the learned headline models: metrics stated under a success
// heading count, a metric named in passing does not, accuracy beside a fitting metric fits, and
// accuracy alone is misaligned with the diagnostic and its quick fix on the mention the verdict used.
import assert from 'node:assert/strict';
import { analyze, analyzeFacts } from '../../src/core/analyze';
import { applyEdits } from '../../src/core/fixes/edits';

const FRAUD_CRITERIA = `# Chargeback fraud scoring for card-not-present payments

## Problem

Card-not-present fraud costs the issuer about 40 basis points of volume. We score every
authorisation before it is approved and send the riskiest to a step-up challenge.

## Success criteria

- Precision of the challenge queue ≥ 0.6, so analysts are not flooded
- Recall of confirmed fraud ≥ 0.75 on the last full month of chargebacks
- F1 reported alongside, per merchant segment

## Data

Authorisations and chargebacks from the payments warehouse, joined on the transaction id; labels
arrive 30 to 90 days late, so training stops 90 days before today.

## Model

Gradient-boosted trees over velocity, device and merchant features, retrained weekly.
`;

const POLICY_ASSISTANT = `# Internal policy assistant

## Goal

Answer employee questions about travel and expense policy from the policy handbook, citing the
paragraph used, so the HR inbox gets fewer routine questions.

## Architecture

The handbook is split into 400-token chunks and embedded with a small sentence encoder into a
vector index. A question retrieves the top chunks and a hosted LLM writes the answer with its
citation.

## Next steps

- A cross-encoder re-ranker could give better retrieval accuracy on long questions.
- Cache frequent questions to cut latency below one second.
`;

const spamCalls = (evaluation: string): string => `# Spam call detection for a telecom operator

## Problem

About 2% of inbound calls are spam robocalls. We flag them so the handset can show a warning.

## Data

Call detail records (caller, callee, duration, time) and user "spam" reports from the dialler app.

## Model

Logistic regression over call-pattern features, then gradient-boosted trees.

## Evaluation

${evaluation}
`;

describe('offline-metric verdict', () => {
  it('counts precision and recall targets under a success-criteria heading as the offline metrics', () => {
    const facts = analyzeFacts(FRAUD_CRITERIA, {});
    assert.equal(facts.task, 'imbalanced-classification');
    assert.equal(facts.model.offlineMetric, 'fits');
    assert.equal(facts.headline!.fit, 'fits');
    assert.equal(facts.headline!.section?.title, 'Success criteria');
  });

  it('does not take a quality named in passing ("better retrieval accuracy") for an offline metric', () => {
    const facts = analyzeFacts(POLICY_ASSISTANT, {});
    assert.equal(facts.model.offlineMetric, 'none');
    assert.equal(facts.headline, undefined);
  });

  it('judges accuracy beside a metric that fits the task as fitting', () => {
    const { model } = analyze(spamCalls('On a held-out week of calls we report accuracy and F1 of the spam class: 98.7% and 0.81.'));
    assert.equal(model.offlineMetric, 'fits');
  });

  it('calls accuracy alone misaligned and fixes the mention the verdict used', () => {
    const text = spamCalls('We evaluate on a held-out week of calls and report accuracy: the model reaches 98.7% accuracy.');
    const facts = analyzeFacts(text, {});
    assert.equal(facts.model.offlineMetric, 'misaligned');
    const { findings } = analyze(text);
    const [finding] = findings.filter((candidate) => candidate.ruleId === 'metric-task-mismatch');
    assert.deepEqual(finding!.range, facts.misalignedMetric!.range);
    const swap = finding!.fixes!.find((fix) => fix.kind === 'replace-metric' && fix.isPreferred)!;
    assert.equal(swap.title, "Replace 'accuracy' with PR-AUC");
    const fixed = applyEdits(text, swap.edits);
    assert.match(fixed, /report PR-AUC: the model/);
    assert.equal(analyze(fixed).model.offlineMetric, 'fits');
  });
});
