// The false-missing classification behind `npm run eval:false-missing`: each cell gold calls
// addressed and mlsd calls missing gets one cause, read from the lines the labeller cited, with a
// lexicon fixed here so the causes do not move when the shipped weights are refitted.
import assert from 'node:assert/strict';
import { analyzeFacts } from '../../src/core/analyze';
import { indexLexicon } from '../../src/core/learned/lexicon';
import type { DocLabel } from '../../scripts/eval/labels';
import { causeOf, falseMissingCells, readDocument, type DocReading } from '../../scripts/eval/false-missing';

const FRAUD_DOC = `# Card-not-present fraud scoring

## Problem
Today analysts review every alert from the rule engine by hand, and the queue grows each week.

## Data
Transactions come from the payments ledger; chargebacks arrive 30 to 90 days after the purchase.

\`\`\`python
df["amount_z"] = (df.amount - df.merchant_mean) / df.merchant_std
\`\`\`

![Feature pipeline](img/feature-pipeline.png)

## Monitoring
Page the on-call engineer when the weekly chargeback share drifts above 0.4%.
`;

const LEXICON = indexLexicon({
  'framing.baseline': { rule: 2.5, engine: 2, analysts: 1, hand: 1.5 },
  'features.computation': { merchant: 2, amount: 1.5 },
  'data.quality': { chargebacks: 1.2, after: 1 },
});

function fraudReading(): DocReading {
  return readDocument(FRAUD_DOC, analyzeFacts(FRAUD_DOC, { path: 'fraud.md' }).sections);
}

const lineOf = (fragment: string): number => FRAUD_DOC.split('\n').findIndex((line) => line.includes(fragment)) + 1;

describe('false-missing causes', () => {
  const reading = fraudReading();

  it("calls a cited line that holds enough of the element's lexicon words a known wording the model judged missing", () => {
    const cause = causeOf({ element: 'framing.baseline', lines: [lineOf('rule engine')] }, reading, LEXICON, 'en');
    assert.equal(cause.cause, 'known-wording');
    assert.equal(cause.lexiconScore, 7);
  });

  it('calls a few lexicon words a weak wording, and words the lexicon does not weigh outside it', () => {
    assert.equal(causeOf({ element: 'data.quality', lines: [lineOf('chargebacks arrive')] }, reading, LEXICON, 'en').cause, 'weak-wording');
    const monitoring = causeOf({ element: 'serving.monitoring', lines: [lineOf('on-call')] }, reading, LEXICON, 'en');
    assert.equal(monitoring.cause, 'outside-lexicon');
    assert.equal(monitoring.lexiconScore, 0);
  });

  it('calls lines inside a code block or an image unread, whatever words they hold', () => {
    const cited = [lineOf('df["amount_z"]'), lineOf('![Feature pipeline]')];
    assert.equal(causeOf({ element: 'features.computation', lines: cited }, reading, LEXICON, 'en').cause, 'unread');
  });

  it('calls lines read when the scans read their text: an HTML list item, a code block of prose', () => {
    const text = [
      '# Toxic comment filter',
      '',
      '## Results',
      '<ul>',
      '  <li><strong>Safety:</strong> catches 90% of toxic comments, against the rule engine at 85%</li>',
      '</ul>',
      '',
      '```',
      'Comments -> rule engine -> review queue',
      '```',
      '',
    ].join('\n');
    const html = readDocument(text, analyzeFacts(text, { path: 'toxic.md' }).sections);
    const item = causeOf({ element: 'framing.baseline', lines: [5] }, html, LEXICON, 'en');
    assert.equal(item.cause, 'known-wording');
    assert.equal(causeOf({ element: 'framing.baseline', lines: [9] }, html, LEXICON, 'en').cause, 'outside-lexicon');
  });

  it('puts a doc in another language first, since the lexicon knows English words only', () => {
    assert.equal(causeOf({ element: 'framing.baseline', lines: [lineOf('rule engine')] }, reading, LEXICON, 'ru').cause, 'other-language');
  });

  it('says whether the cited lines sit under a heading naming the element, another element, or none', () => {
    assert.equal(causeOf({ element: 'serving.monitoring', lines: [lineOf('on-call')] }, reading, LEXICON, 'en').placement, 'own-section');
    assert.equal(
      causeOf({ element: 'data.quality', lines: [lineOf('chargebacks arrive')] }, reading, LEXICON, 'en').placement,
      'other-element-section',
    );
    assert.equal(causeOf({ element: 'framing.baseline', lines: [1] }, reading, LEXICON, 'en').placement, 'unnamed-section');
  });

  it('lists only the cells gold calls addressed that mlsd calls missing', () => {
    const gold = {
      scenario: 'fraud',
      task: 'binary-classification',
      elements: {
        'data.sources': { status: 'present', lines: [lineOf('payments ledger')] },
        'serving.rollout': { status: 'partial', lines: [lineOf('on-call')] },
        'model.selection': { status: 'missing' },
      },
    } as unknown as DocLabel;
    const cells = falseMissingCells('fraud.md', FRAUD_DOC, gold, 'en', LEXICON);
    assert.deepEqual(
      cells.map(({ element, gold: status, cause }) => [element, status, cause]),
      [['serving.rollout', 'partial', 'outside-lexicon']],
    );
  });
});
