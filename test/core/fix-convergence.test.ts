// A section a fix inserts at the end must land where the analysis reads it, and fix-all must settle.
import assert from 'node:assert/strict';
import { analyze, applyEdits, fixUntilStable } from '../../src/core';

/** A visual search doc that rules personalisation out in words and ends with its references. */
const VISUAL_SEARCH = [
  '---',
  'scenario: search',
  '---',
  '# Visual search for a photo marketplace',
  '',
  '## Clarifying requirements',
  '',
  "Results are not personalised: for simplicity, let's not focus on personalization, so one query image gives the same results for everyone.",
  '',
  '## Business metric',
  '',
  'Raise the share of searches that end in a download by 3% this quarter.',
  '',
  '## Offline evaluation',
  '',
  'NDCG@10 on human-judged query images.',
  '',
  '## Ranking',
  '',
  'Embeddings from a contrastive image encoder, nearest neighbours from an ANN index, then a LambdaMART re-ranker on authority and quality signals.',
  '',
  '## References',
  '',
  '1. Visual search at a large photo site, a public engineering blog post.',
  '',
].join('\n');

const fixAll = (text: string) => {
  let passes = 0;
  const fixed = fixUntilStable(
    text,
    (current) => analyze(current),
    () => passes++,
  );
  return { text: fixed.text, passes };
};

describe('sections inserted at the end', () => {
  it('go before a closing References section, not into it', () => {
    const finding = analyze(VISUAL_SEARCH).findings.find((candidate) => candidate.ruleId === 'scenario-checklist/personalization');
    assert.ok(finding);
    const insert = finding.fixes.find((fix) => fix.kind === 'insert-section');
    assert.ok(insert);
    assert.deepEqual(insert.edits[0]!.range, { start: { line: 21, character: 0 }, end: { line: 21, character: 0 } });
    const fixed = applyEdits(VISUAL_SEARCH, insert.edits);
    assert.ok(fixed.indexOf('## Search checklist\n') < fixed.indexOf('## References\n'));
  });

  it('a checklist item whose section is already there is not inserted again, so fix-all settles', () => {
    // The doc rules personalisation out, so the item stays missing after its skeleton is in: a
    // second insertion would not clear it either.
    const once = fixAll(VISUAL_SEARCH);
    assert.equal(once.passes, 1);
    assert.equal(once.text.match(/^## Search checklist$/gm)?.length, 1);
    assert.equal(once.text.match(/^### Personalisation$/gm)?.length, 1);
    const again = fixAll(once.text);
    assert.equal(again.passes, 0);
    assert.equal(again.text, once.text);
    const item = analyze(once.text).findings.find((candidate) => candidate.ruleId === 'scenario-checklist/personalization');
    assert.ok(item, 'still reported: the verdict is not the fix’s to change');
    assert.ok(!item.fixes.some((fix) => fix.kind === 'insert-section'));
  });
});

describe('fix-all and suppression comments', () => {
  const DRAFT = [
    '---',
    'mlsd: true',
    '---',
    '# Fraud detection for card payments',
    '',
    '## Problem',
    '',
    'Card-not-present fraud is rising. Today a rule engine with 120 hand-written rules blocks',
    'transactions.',
    '',
    '<!-- mlsd-disable-next-line missing-element -->',
    '## Metrics',
    '',
    'Model: recall at 1% false-positive rate, PR-AUC offline.',
    '',
    '## Model',
    '',
    'A gradient-boosted tree on transaction, card and merchant features, retrained weekly on a',
    'time-based split.',
    '',
    '## Serving',
    '',
    'The model server scores each transaction in under 50 ms at p99 behind the payment API.',
    '',
  ].join('\n');

  it('never fixes what a comment silenced: the comment keeps covering the heading its findings are on', () => {
    const silenced = (text: string) => analyze(text.replace('<!-- mlsd-disable-next-line missing-element -->\n', ''));
    assert.ok(silenced(DRAFT).findings.some((finding) => finding.ruleId === 'missing-element/data.quality'));
    assert.ok(!analyze(DRAFT).findings.some((finding) => finding.ruleId === 'missing-element/data.quality'));
    const fixed = fixAll(DRAFT).text;
    assert.doesNotMatch(fixed, /^## Data quality$/m);
    // What nothing silenced is still fixed, and a second fix-all has nothing left to do.
    assert.match(fixed, /^## Trade-offs$/m);
    assert.equal(fixAll(fixed).passes, 0);
  });

  it('inserts a section above the disable-next-line comment of the heading it goes before, not between them', () => {
    const fixed = fixAll(DRAFT).text;
    assert.match(fixed, /<!-- mlsd-disable-next-line missing-element -->\n## Metrics\n/);
  });
});
