// The offline-metric verdict read by the learned headline models: metrics stated under a success
// heading count, a metric named in passing does not, accuracy beside a fitting metric fits, and
// accuracy alone is misaligned with the diagnostic and its quick fix on the mention the verdict used.
import assert from 'node:assert/strict';
import { analyze, analyzeFacts } from '../../src/core/analyze';
import { applyEdits } from '../../src/core/fixes/edits';
import { metricFit } from '../../src/core/framework/metrics';
import { offlineCandidates, readOfflineMetrics } from '../../src/core/learned/offline-headline';
import { isOfflineMention } from '../../src/core/verdicts/metric-roles';

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

/** A results write-up whose reported figure is accuracy, with plans after it: `future` is the plan block. */
const toxicityResults = (future: string): string => `# Toxic comment filter for a gaming forum

## Problem

Roughly 3% of forum comments break the harassment policy. Moderators review reports by hand and
the queue is two days behind; the filter holds likely violations before they are published.

## Data

42,000 comments labelled by the moderation team over 2023, 3.1% of them toxic; an 80/10/10 split
by thread so that replies to one post never straddle train and test.

## Model

TF-IDF features of words and character trigrams, then a linear SVM with class weights.

## Results

The model reaches 97.4% accuracy on the test set and flags a comment in under 5 ms on one CPU core.

${future}
`;

const PAYOUT_FRAUD = `# Payout fraud scoring for a freelance marketplace

## Problem

About 0.4% of payout requests come from taken-over or fake seller accounts, and each one costs us
the whole payout. Risk analysts can review about 300 payouts a day, so every request is scored
before the money leaves and the riskiest are held for review.

## Data

Payout requests, login events and device fingerprints from the payments warehouse; a payout is
labelled fraud when a chargeback or an account-recovery ticket confirms it within 45 days.

## Model

Gradient-boosted trees over account age, device changes and payout velocity, retrained weekly on a
time-based split.

### Validation

- **Validation AUC**: 0.91
- **Test AUC**: 0.92
`;

const PAYOUT_RESULTS = `
## Results in production

At a score threshold of 0.7 the review queue has 62% precision and 71% recall: of every 100
payouts held, 62 are fraud, and we hold 71% of the fraudulent payouts.
`;

const WAKE_WORD = `# Wake-word detector for a kitchen speaker

## Problem

The speaker listens for its wake word on the device and only then streams audio to the cloud.
A missed wake word frustrates the user; a false wake sends a private conversation upstream.

## Data

40,000 hours of far-field recordings from consenting beta households, 1.2% of one-second windows
holding the wake word, labelled by two annotators; the test split holds out whole households.

## Model

A 250k-parameter convolutional keyword spotter quantised to int8, running on the speaker's DSP.

## Evaluation

On the held-out households we report the false rejection rate at one false wake per 24 hours of
background audio: 4.1% today, and the release gate is below 5%.
`;

/** A research spike that only plans its metric: an open task box and a target left blank. */
const RETRIEVAL_SPIKE = `# Retrieval spike: answering questions about the contract archive

## Summary

**Objective:** decide whether a re-ranking stage is worth its latency for contract questions.

## Research tasks

- [ ] Design metrics for answer accuracy on clause-level questions
- [ ] Collect 50 real questions from the legal team
- [ ] Compare BM25, dense retrieval and a cross-encoder re-ranker on them

## Success criteria

- Prediction accuracy should be ..... *(to be agreed with legal)*
- p95 latency under 2 seconds on the current hardware

## Architecture

Contracts are split by clause and embedded nightly; a question retrieves 20 clauses and a hosted
LLM writes the answer with its citations.
`;

/** A task outside the framework's table: a layout classifier and a field extractor. `evaluation` is its table's rows. */
const invoiceExtraction = (evaluation: string): string => `# Invoice field extraction for accounts payable

## Problem

The accounts payable team keys in about 6,000 supplier invoices a week by hand. We read each PDF,
tell which of four layouts it is (standard invoice, credit note, statement, pro forma) and extract
the supplier, total, currency and due date into the ERP draft.

## Data

18 months of invoices with the values the clerks typed, 210,000 documents from 3,400 suppliers;
the test set holds out whole suppliers so the model never saw their layout.

## Model

A layout-aware transformer fine-tuned on the clerks' entries, with a rule pass that checks the
total against the line items.

## Evaluation

| Metric | Target |
|---|---|
${evaluation}
`;

/** A moderation design that calibrates its scores but names no measure of them. */
const MEME_MODERATION = `# Harmful meme detection for a community app

## Problem

About 1% of uploaded memes break the hate-speech policy. Reviewers see user reports a day late; we
score every upload so the worst are held before anyone sees them.

## Approach

- A shared image-text encoder with one head per policy category
- User reports give weak labels; a reviewer-labelled sample is kept for evaluation and calibration
- Scores above the removal threshold are held, the middle band goes to reviewers

## Serving

Scores are computed on upload in under 300 ms and written to the moderation queue.
`;

describe('offline-metric verdict', () => {
  it('judges the metric reported on the test set, not one planned under a future-work label', () => {
    const text = toxicityResults(
      '🔍 Future improvements\n\nRaise recall of the toxic class on the validation split with a lower threshold\nAdd a multilingual encoder',
    );
    const facts = analyzeFacts(text, {});
    assert.equal(facts.task, 'imbalanced-classification');
    assert.equal(facts.model.offlineMetric, 'misaligned');
    assert.equal(facts.misalignedMetric!.name, 'Accuracy');
    assert.equal(
      facts.lines[facts.misalignedMetric!.range.start.line],
      'The model reaches 97.4% accuracy on the test set and flags a comment in under 5 ms on one CPU core.',
    );
  });

  for (const heading of ['Next steps', 'Roadmap (dependency-ordered)']) {
    it(`leaves a metric under a "${heading}" heading out of the stated offline metrics`, () => {
      const text = toxicityResults(`## ${heading}\n\n- Report PR-AUC and recall at 90% precision once the 2024 labels arrive.`);
      const facts = analyzeFacts(text, {});
      const reading = readOfflineMetrics(facts.metrics, facts.lines, facts.elements);
      assert.ok(
        facts.metrics.some((metric) => metric.name === 'PR-AUC'),
        'the planned PR-AUC is still a metric mention',
      );
      assert.deepEqual(
        reading.stated.map((metric) => metric.name),
        ['Accuracy'],
      );
      assert.equal(facts.model.offlineMetric, 'misaligned');
    });
  }

  it('still fits when the results report a fitting metric and the plans name another', () => {
    const text = toxicityResults('## Next steps\n\n- Try a multilingual encoder and compare its F1 with the SVM.').replace(
      '97.4% accuracy on the test set',
      'PR-AUC of 0.71 and recall of 0.64 at 0.9 precision on the test set',
    );
    assert.equal(analyzeFacts(text, {}).model.offlineMetric, 'fits');
  });

  it('counts precision and recall targets under a success-criteria heading as the offline metrics', () => {
    const facts = analyzeFacts(FRAUD_CRITERIA, {});
    assert.equal(facts.task, 'imbalanced-classification');
    assert.equal(facts.model.offlineMetric, 'fits');
    assert.equal(facts.headline!.fit, 'fits');
    assert.equal(facts.headline!.section?.title, 'Success criteria');
  });

  it("reads a detector's false rejection rate as its offline metric, an operating-point metric that fits rare positives", () => {
    const facts = analyzeFacts(WAKE_WORD, {});
    assert.equal(facts.model.offlineMetric, 'fits');
    assert.equal(facts.headline!.name, 'False negative rate');
    assert.equal(facts.headline!.text, 'false rejection rate');
    assert.equal(metricFit('False negative rate', 'imbalanced-classification'), 'fits');
  });

  it('does not take a metric only planned (an open task box, a target left blank) for a stated one', () => {
    const facts = analyzeFacts(RETRIEVAL_SPIKE, {});
    assert.deepEqual(
      facts.metrics.filter((metric) => metric.name === 'Accuracy').map((metric) => metric.range.start.line),
      [8, 14],
    );
    assert.equal(facts.model.offlineMetric, 'none');
    assert.equal(facts.headline, undefined);
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
    const swap = finding!.fixes!.find((fix) => fix.kind === 'replace-metric')!;
    assert.equal(swap.title, "Replace 'accuracy' with PR-AUC");
    const fixed = applyEdits(text, swap.edits);
    assert.match(fixed, /report PR-AUC: the model/);
    assert.equal(analyze(fixed).model.offlineMetric, 'fits');
  });
  it('names accuracy, not the ROC curve beside it, when the doc is judged on both: swapping the curve would leave accuracy', () => {
    const text = spamCalls('The model is judged on accuracy on a held-out week of calls. We also look at the ROC curve.');
    const facts = analyzeFacts(text, {});
    assert.equal(facts.model.offlineMetric, 'misaligned');
    assert.equal(facts.misalignedMetric!.name, 'Accuracy');
    const [finding] = analyze(text).findings.filter((candidate) => candidate.ruleId === 'metric-task-mismatch');
    assert.equal(finding!.fixes![0]!.title, "Replace 'accuracy' with PR-AUC");
  });

  it('calls ROC-AUC on the validation and test splits misaligned for a fraud model when nothing fitting is stated', () => {
    const facts = analyzeFacts(PAYOUT_FRAUD, {});
    assert.equal(facts.task, 'imbalanced-classification');
    assert.equal(facts.model.offlineMetric, 'misaligned');
    assert.equal(facts.misalignedMetric!.name, 'ROC-AUC');
    assert.deepEqual(facts.misalignedMetric!.range, {
      start: { line: 20, character: 15 },
      end: { line: 20, character: 18 },
    });
    assert.equal(facts.lines[20], '- **Validation AUC**: 0.91');
  });

  it('still calls ROC-AUC alone misaligned when the doc only wishes for a fitting metric', () => {
    const text = PAYOUT_FRAUD + '\n## Trade-offs\n\nA lower threshold would improve recall but flood the analysts with held payouts.\n';
    const facts = analyzeFacts(text, {});
    assert.equal(facts.model.offlineMetric, 'misaligned');
    assert.equal(facts.lines[facts.misalignedMetric!.range.start.line], '- **Validation AUC**: 0.91');
  });

  it('does not call ROC-AUC alone when the results give precision and recall at the operating point', () => {
    const facts = analyzeFacts(PAYOUT_FRAUD + PAYOUT_RESULTS, {});
    assert.equal(facts.model.offlineMetric, 'fits');
    assert.equal(facts.misalignedMetric, undefined);
    const fitting = facts.metrics.filter((metric) => metric.fit === 'fits').map((metric) => [metric.name, metric.range.start.line]);
    assert.deepEqual(fitting, [
      ['Precision', 25],
      ['Recall', 25],
    ]);
    assert.ok(facts.headline, 'the verdict names the headline it judged');
  });

  it('fits a task outside the table when another quality metric stands beside accuracy', () => {
    const accuracy = '| Layout classification accuracy | ≥ 95% on the held-out suppliers |';
    const facts = analyzeFacts(
      invoiceExtraction(`${accuracy}\n| Field extraction recall | ≥ 90% of required fields filled correctly |`),
      {},
    );
    assert.equal(facts.task, 'other');
    assert.equal(metricFit('Recall', 'other'), 'fits');
    assert.equal(facts.model.offlineMetric, 'fits');
    assert.equal(analyzeFacts(invoiceExtraction(accuracy), {}).model.offlineMetric, 'misaligned', 'accuracy alone is still misaligned');
  });

  it('does not read calibration as a step ("evaluation and calibration") as a calibration metric', () => {
    const facts = analyzeFacts(MEME_MODERATION, {});
    assert.deepEqual(
      facts.metrics.map((metric) => metric.text),
      ['calibration'],
    );
    assert.deepEqual(offlineCandidates(facts.metrics, facts.lines), []);
    assert.equal(facts.model.offlineMetric, 'none');
    const measured = analyzeFacts(
      MEME_MODERATION.replace(
        '## Serving',
        '## Evaluation\n\nOn the reviewer-labelled sample: PR-AUC 0.64, calibration error 0.03.\n\n## Serving',
      ),
      {},
    );
    assert.deepEqual(
      offlineCandidates(measured.metrics, measured.lines).map((metric) => metric.text),
      ['PR-AUC', 'calibration error'],
    );
    assert.equal(measured.model.offlineMetric, 'fits');
  });

  it('does not take a cache hit rate for the ranking metric hit rate', () => {
    const text = `# Related products on the product page

## Problem

Shoppers who open a product page see six related products; we rank them per page view.

## Serving

Candidates come from an item-to-item co-purchase table cached in Redis, refreshed nightly. The
service answers in 40 ms at p99 with a cache hit rate of 97%.
`;
    const facts = analyzeFacts(text, {});
    // A cache's hit rate is not a mention of the metric at all, for any verdict.
    assert.deepEqual(
      facts.metrics.map((metric) => metric.name),
      [],
    );
    assert.deepEqual(offlineCandidates(facts.metrics, facts.lines), []);
    assert.equal(facts.model.offlineMetric, 'none');
  });
  it('reads a loss weighed under a heading about the training loss as a loss, not an evaluation metric', () => {
    const text = `# Visual search for a furniture catalogue

## Problem

Shoppers upload a photo of a chair or lamp and get the most similar catalogue items back.

## Why contrastive loss, not classification?

- Cross-entropy: learns the catalogue's categories, not distances between photos.
- Contrastive loss: pulls photos of the same item together, which is what retrieval needs.

## Reducing fraud losses

Sellers who upload stolen photos are flagged; the precision of that flag is checked weekly.
`;
    const facts = analyzeFacts(text, {});
    const crossEntropy = facts.metrics.find((metric) => metric.text === 'Cross-entropy')!;
    assert.equal(crossEntropy.asLoss, true);
    assert.equal(crossEntropy.role, 'unknown');
    // Money lost names an outcome, not a loss function.
    assert.equal(facts.metrics.find((metric) => metric.name === 'Precision')!.asLoss, undefined);
  });

  it('reads a list under a "Metrics:" label as stated metrics, and one under another label as passing words', () => {
    const logbook = (label: string): string => `# Hate-speech API: project logbook

## What was built

A multilingual BERT classifier behind a REST API flags hateful posts for the platform's reviewers.

## Summary

${label}
- Response time: ~30 ms
- Accuracy: 99.39%
- Languages: 55+
`;
    const stated = analyzeFacts(logbook('**Metrics:**'), {});
    assert.ok(isOfflineMention(stated.metrics.find((metric) => metric.name === 'Accuracy')!));
    const other = analyzeFacts(logbook('**Model optimisation:**'), {});
    assert.equal(other.metrics.find((metric) => metric.name === 'Accuracy')!.role, 'unknown');
  });
  it('reads a forecast accuracy defined from its errors as a forecast metric, and plain accuracy as misaligned', () => {
    const forecast = (definition: string): string => `# Weekly demand forecast for a bakery chain

## Problem

Each of 40 bakeries orders flour and butter a week ahead; we forecast next week's sales per store
and product so that orders stop running short on Saturdays and leftovers go down.

## Data

Three years of daily sales per store and product from the till system, with holidays and weather.

## Model

Gradient-boosted trees over lagged sales, calendar features and the weather forecast, trained on a
time-based split with the last 12 weeks held out.

## Evaluation

- Forecast accuracy above 85% per store and week on the last 12 weeks.
${definition}
`;
    const defined = analyzeFacts(forecast('- Forecast accuracy = 1 − (sum of absolute errors over products) / (sum of sales).'), {});
    assert.equal(defined.task, 'regression');
    assert.deepEqual(
      offlineCandidates(defined.metrics, defined.lines).map((metric) => metric.name),
      ['Accuracy', 'Accuracy'],
      'no error metric is named: the definition alone decides',
    );
    assert.equal(defined.model.offlineMetric, 'fits');
    const plain = analyzeFacts(forecast(''), {});
    assert.equal(plain.task, 'regression');
    assert.equal(plain.model.offlineMetric, 'misaligned');
  });
});
