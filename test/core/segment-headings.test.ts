import assert from 'node:assert/strict';
import { analyze } from '../../src/core';
import { resegment } from '../../src/core/analysis/resegment';
import { segmentDocument } from '../../src/core/analysis/segments';
import { applyTextEdit, createAnalysisSession } from '../../src/core/incremental';

/** The first line of each segment: the headings the analysis splits at. */
function segmentHeads(text: string): string[] {
  return segmentDocument(text).segments.map((segment) => segment.text.split('\n')[0]!);
}

const SETUP_IN_HTML = `# Churn prediction service

Predicts which accounts cancel within 30 days.

## Setup

<h3>Local environment</h3>
<pre><code># Clone the repository
git clone https://example.org/churn-service.git

# Install dependencies
pip install -r requirements.txt

# Train the baseline
python train.py --model logistic</code></pre>

## Data

Three years of billing events and support tickets, joined per account.
`;

describe('segmenting: lines that look like headings but are not', () => {
  it('does not split at shell comments inside an HTML <pre><code> listing, across its blank lines', () => {
    assert.deepEqual(segmentHeads(SETUP_IN_HTML), ['# Churn prediction service', '## Setup', '## Data']);
  });

  it('does not split inside <script>, <style> or <textarea> blocks either, and splits again after the end tag', () => {
    const text = [
      '# Fraud scoring dashboard',
      '<style>',
      '# risk-panel { color: red; }',
      '</style>',
      '<textarea rows="4">',
      '# Paste the transaction ids here',
      '</textarea>',
      '## Monitoring',
      'Alert when the approval rate moves by more than 2 points in an hour.',
    ].join('\n');
    assert.deepEqual(segmentHeads(text), ['# Fraud scoring dashboard', '## Monitoring']);
  });

  it('reads the sections below a <pre> that is never closed, and re-segments the whole text when an edit could close it', () => {
    const text = [
      '# Search ranking',
      '<pre>',
      'query → candidates → ranker',
      '## Metrics',
      'NDCG@10 offline, click-through rate online.',
      '## Serving',
      'p99 latency under 80 ms.',
    ].join('\n');
    const segmentation = segmentDocument(text);
    assert.deepEqual(
      segmentation.segments.map((segment) => segment.startLine),
      [0, 3, 5],
    );
    assert.equal(segmentation.unclosedRawHtml, 1);
    // An end tag typed under the last section closes the <pre> and hides both headings.
    const closed = `${text}\n</pre>`;
    assert.equal(resegment(text, segmentation, closed), undefined);
    assert.deepEqual(segmentHeads(closed), ['# Search ranking']);
  });

  it('re-segments around an edit inside a <pre> listing exactly as from scratch', () => {
    const before = segmentDocument(SETUP_IN_HTML);
    const typed = SETUP_IN_HTML.replace('pip install', '# Pin versions\npip install');
    const quick = resegment(SETUP_IN_HTML, before, typed);
    assert.ok(quick, 'an edit inside the listing re-segments around it');
    assert.deepEqual(quick, segmentDocument(typed));
    const unclosed = SETUP_IN_HTML.replace('</code></pre>', '</code>');
    assert.deepEqual(resegment(SETUP_IN_HTML, before, unclosed) ?? segmentDocument(unclosed), segmentDocument(unclosed));
    assert.deepEqual(segmentHeads(unclosed), [
      '# Churn prediction service',
      '## Setup',
      '# Install dependencies',
      '# Train the baseline',
      '## Data',
    ]);
  });

  it('keeps a session equal to a full analysis while a <pre> end tag is deleted and typed again', () => {
    const session = createAnalysisSession({ path: 'churn.md' });
    session.update(SETUP_IN_HTML);
    const at = SETUP_IN_HTML.split('\n').findIndex((line) => line.includes('</pre>'));
    const character = SETUP_IN_HTML.split('\n')[at]!.indexOf('</pre>');
    const range = { start: { line: at, character }, end: { line: at, character: character + '</pre>'.length } };
    const deleted = session.applyEdit({ range, newText: '' });
    assert.deepEqual(deleted, analyze(applyTextEdit(SETUP_IN_HTML, { range, newText: '' }), { path: 'churn.md' }));
    const back = session.applyEdit({ range: { start: range.start, end: range.start }, newText: '</pre>' });
    assert.deepEqual(back, analyze(SETUP_IN_HTML, { path: 'churn.md' }));
  });

  it('does not split at "#" lines in indented code, fences inside list items, multi-line comments or front matter', () => {
    const text = [
      '---',
      '# owner: ranking team',
      'scenario: recommendation',
      '---',
      '# Recommendations for the home feed',
      '',
      'Retraining runs nightly:',
      '',
      '    # cron: 0 3 * * *',
      '    python retrain.py',
      '',
      '1. Build the candidate index:',
      '   ```bash',
      '   # rebuild from the last snapshot',
      '   python build_index.py',
      '   ```',
      '<!--',
      '# Open questions (draft, not for review)',
      '-->',
      '## Metrics',
      'Recall@100 for candidates, NDCG@10 for the ranker.',
    ].join('\n');
    assert.deepEqual(segmentHeads(text), ['---', '# Recommendations for the home feed', '## Metrics']);
  });
  it('reads a fence or a heading marker inside an HTML block as raw HTML, as CommonMark does, up to the blank line', () => {
    const text = [
      '# Card fraud scoring',
      '',
      '<div align="center">',
      '```',
      '# Not a section',
      '</div>',
      '',
      '## Metrics',
      'Recall at a 1% false-positive rate, chargeback losses per month.',
    ].join('\n');
    const segmentation = segmentDocument(text);
    assert.deepEqual(segmentHeads(text), ['# Card fraud scoring', '## Metrics']);
    assert.equal(segmentation.swallowing, undefined);
    const rules = analyze(text, { path: 'fraud.md' }).findings.map((finding) => finding.ruleId);
    assert.ok(!rules.includes('hidden-content/unclosed-fence'), rules.join(', '));
  });

  it('opens an HTML block at a lone tag only where it cannot continue a paragraph', () => {
    const below = ['# Feed ranking', '', 'Candidates come from two sources.', '<span>', '## Serving', 'p99 under 50 ms.'].join('\n');
    assert.deepEqual(segmentHeads(below), ['# Feed ranking', '## Serving']);
    const alone = ['# Feed ranking', '', '<span>', '## Serving', 'p99 under 50 ms.'].join('\n');
    assert.deepEqual(segmentHeads(alone), ['# Feed ranking']);
  });

  it('keeps a session equal to a full analysis while an HTML block is typed above a heading and removed', () => {
    const text = ['# Card fraud scoring', '', 'We score every payment.', '', '## Metrics', 'Recall at a 1% false-positive rate.'].join(
      '\n',
    );
    const session = createAnalysisSession({ path: 'fraud.md' });
    session.update(text);
    const at = { line: 3, character: 0 };
    const typed = session.applyEdit({ range: { start: at, end: at }, newText: '<div>' });
    const withDiv = applyTextEdit(text, { range: { start: at, end: at }, newText: '<div>' });
    assert.deepEqual(typed, analyze(withDiv, { path: 'fraud.md' }));
    assert.deepEqual(segmentHeads(withDiv), ['# Card fraud scoring']);
    const removed = session.applyEdit({ range: { start: at, end: { line: 3, character: 5 } }, newText: '' });
    assert.deepEqual(removed, analyze(text, { path: 'fraud.md' }));
  });
  it('ends a code block in a list item with the item, as CommonMark does, and opens one only within 3 columns of its container', () => {
    // Left open in a step: the heading below ends the item, and the code block with it.
    const unclosedInItem = [
      '# Ingestion',
      '',
      '1. Start the consumer:',
      '   ```bash',
      '   flink run ingest.jar',
      '',
      '## Monitoring',
      'PSI drift alerts.',
    ];
    assert.deepEqual(segmentHeads(unclosedInItem.join('\n')), ['# Ingestion', '## Monitoring']);
    assert.equal(segmentDocument(unclosedInItem.join('\n')).swallowing, undefined);
    // "Closed" at column 0: that line ends the item and opens a fence of its own, which hides the rest.
    const closedOutside = [
      '# Ingestion',
      '',
      '- Start the consumer:',
      '  ```bash',
      '  flink run ingest.jar',
      '```',
      '',
      '## Monitoring',
      'PSI drift alerts.',
    ];
    assert.deepEqual(segmentDocument(closedOutside.join('\n')).swallowing, { open: 5, headings: [7] });
    // Indented four columns, a fence line is code or text: it neither closes nor opens a fence.
    const indentedClose = ['# Runbook', '', '```markdown', '    ```', '```', '', '## Next', 'Rollback steps.'];
    assert.deepEqual(segmentHeads(indentedClose.join('\n')), ['# Runbook', '## Next']);
    assert.equal(segmentDocument(indentedClose.join('\n')).swallowing, undefined);
  });

  it('reads "<!-->" as a whole comment, and "<!--" inside an HTML block as part of it', () => {
    assert.deepEqual(segmentHeads(['# Doc', '', '<!-->', '', '## Monitoring', 'PSI drift alerts.'].join('\n')), ['# Doc', '## Monitoring']);
    assert.deepEqual(segmentHeads(['# Doc', '', '<center>', '<!-- logo', '', '## Monitoring', 'PSI drift alerts.'].join('\n')), [
      '# Doc',
      '## Monitoring',
    ]);
  });
  it('ends an HTML block in a list item with the item, and opens none at a placeholder in angle brackets', () => {
    const inItem = ['# A', '', '- Architecture:', '', '  <img src="arch.png" width="600">', '## Serving', 'p99 under 50 ms.'];
    assert.deepEqual(segmentHeads(inItem.join('\n')), ['# A', '## Serving']);
    for (const placeholder of ['<model_name>', '<batch size, 128>', '<foo "bar">'])
      assert.deepEqual(
        segmentHeads(['## Notes', '', placeholder, '## Rollout', '', 'TBD'].join('\n')),
        ['## Notes', '## Rollout'],
        placeholder,
      );
  });
});
