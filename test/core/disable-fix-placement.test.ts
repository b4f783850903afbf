// "Disable … for this line" must silence its finding without changing what a reader sees: a comment
// line between two table rows ends the table, one inside a paragraph splits it, one at the list's
// own indentation between two items ends the list, one inside a code block is shown as code.
import assert from 'node:assert/strict';
import { analyze, applyEdits, type Finding, type TextEdit } from '../../src/core';
import { parseMarkdown } from '../../src/core/analysis/parser';
import { commentPlacement } from '../../src/core/fixes/blocks';

const OPENING = [
  '---',
  'scenario: fraud',
  '---',
  '# Card fraud scoring',
  '',
  '## Business metric',
  '',
  'Cut chargeback losses by 20% within two quarters, with the false decline rate kept under 1%.',
  '',
  '## Offline evaluation',
  '',
  'Fraud is 0.2% of card transactions, so the classes are heavily imbalanced.',
  '',
].join('\n');

const CLOSING = '\n## Serving\n\nA gradient boosted model scores each transaction in under 50 ms.\n';

/** The fraud doc with `evaluation` (which mentions accuracy once) after its opening; line 13 is its first line. */
const fraudDoc = (evaluation: string): string => `${OPENING}\n${evaluation}${CLOSING}`;

function accuracyFinding(text: string): Finding {
  const finding = analyze(text).findings.find((candidate) => candidate.ruleId === 'metric-task-mismatch');
  assert.ok(finding, 'accuracy is flagged');
  return finding;
}

function disableFix(finding: Finding): { title: string; edits: TextEdit[] } {
  const fix = finding.fixes.find((candidate) => candidate.kind === 'disable-line');
  assert.ok(fix);
  return fix;
}

/** The block structure a renderer sees, suppression comments left out. */
function rendered(text: string): string {
  const shape = (node: { type: string; value?: string; spread?: boolean | null; children?: unknown[] }): string => {
    if (node.type === 'html' && node.value?.trimStart().startsWith('<!-- mlsd-')) return '';
    if (node.value !== undefined) return `${node.type}:${node.value}`;
    const children = (node.children ?? []).map((child) => shape(child as typeof node)).filter(Boolean);
    return `${node.type}${node.spread ? '+' : ''}(${children.join(',')})`;
  };
  return shape(parseMarkdown(text) as never);
}

function assertSilencedUnchanged(text: string, edits: readonly TextEdit[], finding: Finding): string {
  const fixed = applyEdits(text, edits);
  assert.equal(rendered(fixed), rendered(text), 'the rendered document is unchanged');
  assert.equal(applyEdits(fixed, edits), fixed, 'a stale copy of the fix applied again changes nothing');
  assert.ok(!analyze(fixed).findings.some((candidate) => candidate.ruleId === finding.ruleId), 'the finding is silenced');
  return fixed;
}

const at = (line: number) => ({ start: { line, character: 0 }, end: { line, character: 0 } });

describe('the disable fix keeps the document as it renders', () => {
  it('a row of a table: a disable/enable pair around the table, not a comment between rows', () => {
    const text = fraudDoc(
      [
        '| Metric | Target | Why |',
        '| --- | --- | --- |',
        '| Recall at 1% FPR | 0.6 | catches most fraud |',
        '| Accuracy | 0.99 | what the launch review asks for |',
        '',
      ].join('\n'),
    );
    const finding = accuracyFinding(text);
    assert.deepEqual(finding.range, { start: { line: 16, character: 2 }, end: { line: 16, character: 10 } });
    const fix = disableFix(finding);
    assert.equal(fix.title, 'Disable metric-task-mismatch for this table');
    assert.deepEqual(fix.edits, [
      {
        range: { start: { line: 13, character: 0 }, end: { line: 16, character: 53 } },
        newText: [
          '<!-- mlsd-disable metric-task-mismatch -->',
          '| Metric | Target | Why |',
          '| --- | --- | --- |',
          '| Recall at 1% FPR | 0.6 | catches most fraud |',
          '| Accuracy | 0.99 | what the launch review asks for |',
          '<!-- mlsd-enable metric-task-mismatch -->',
        ].join('\n'),
      },
    ]);
    assertSilencedUnchanged(text, fix.edits, finding);
  });

  it('the second line of a paragraph: the pair goes around the paragraph', () => {
    const text = fraudDoc(
      'We also track, for the weekly report to the risk team, the\naccuracy of the model on the last week of labelled chargebacks.\n',
    );
    const finding = accuracyFinding(text);
    assert.equal(finding.range.start.line, 14);
    const fix = disableFix(finding);
    assert.equal(fix.title, 'Disable metric-task-mismatch for this paragraph');
    assert.deepEqual(fix.edits, [
      {
        range: { start: { line: 13, character: 0 }, end: { line: 14, character: 63 } },
        newText:
          '<!-- mlsd-disable metric-task-mismatch -->\nWe also track, for the weekly report to the risk team, the\n' +
          'accuracy of the model on the last week of labelled chargebacks.\n<!-- mlsd-enable metric-task-mismatch -->',
      },
    ]);
    assertSilencedUnchanged(text, fix.edits, finding);
  });

  it('an item after the first of a list: the comment is indented into the item above, so the list stays one list', () => {
    const text = fraudDoc('We report:\n\n- Volumes by merchant\n- Accuracy on the holdout month\n');
    const finding = accuracyFinding(text);
    assert.deepEqual(finding.range, { start: { line: 16, character: 2 }, end: { line: 16, character: 10 } });
    const fix = disableFix(finding);
    assert.equal(fix.title, 'Disable metric-task-mismatch for this line');
    assert.deepEqual(fix.edits, [{ range: at(16), newText: '  <!-- mlsd-disable-next-line metric-task-mismatch -->\n' }]);
    assertSilencedUnchanged(text, fix.edits, finding);
  });

  it('the first item of a list right below a heading keeps the item’s own indentation (four spaces would be code)', () => {
    const text = fraudDoc('### Reported to the risk team\n*   Accuracy on the holdout month\n*   Volumes by merchant\n');
    const finding = accuracyFinding(text);
    assert.deepEqual(finding.range, { start: { line: 14, character: 4 }, end: { line: 14, character: 12 } });
    const fix = disableFix(finding);
    assert.deepEqual(fix.edits, [{ range: at(14), newText: '<!-- mlsd-disable-next-line metric-task-mismatch -->\n' }]);
    assertSilencedUnchanged(text, fix.edits, finding);
  });

  it('the first item of a nested list goes into its parent item, at the nested item’s indentation', () => {
    const text = fraudDoc('* Reported to the risk team:\n    * Accuracy on the holdout month\n    * Volumes by merchant\n');
    const finding = accuracyFinding(text);
    assert.equal(finding.range.start.line, 14);
    const fix = disableFix(finding);
    assert.deepEqual(fix.edits, [{ range: at(14), newText: '    <!-- mlsd-disable-next-line metric-task-mismatch -->\n' }]);
    assertSilencedUnchanged(text, fix.edits, finding);
  });

  it('a continuation line of a list item: the pair keeps to the item’s indentation', () => {
    const text = fraudDoc(
      '- Offline metrics for the launch review:\n  volumes by merchant and\n  accuracy on the holdout month\n- Online: chargeback rate\n',
    );
    const finding = accuracyFinding(text);
    assert.equal(finding.range.start.line, 15);
    const fix = disableFix(finding);
    assert.deepEqual(fix.edits, [
      {
        range: { start: { line: 13, character: 0 }, end: { line: 15, character: 31 } },
        newText:
          '  <!-- mlsd-disable metric-task-mismatch -->\n- Offline metrics for the launch review:\n' +
          '  volumes by merchant and\n  accuracy on the holdout month\n  <!-- mlsd-enable metric-task-mismatch -->',
      },
    ]);
    assertSilencedUnchanged(text, fix.edits, finding);
  });

  it('a line in a block quote: the comments keep the quote marker', () => {
    const text = fraudDoc('> The risk team asked for one number, and\n> accuracy on the holdout month is what they read.\n');
    const finding = accuracyFinding(text);
    const fix = disableFix(finding);
    assert.deepEqual(fix.edits, [
      {
        range: { start: { line: 13, character: 0 }, end: { line: 14, character: 50 } },
        newText:
          '> <!-- mlsd-disable metric-task-mismatch -->\n> The risk team asked for one number, and\n' +
          '> accuracy on the holdout month is what they read.\n> <!-- mlsd-enable metric-task-mismatch -->',
      },
    ]);
    assertSilencedUnchanged(text, fix.edits, finding);
  });

  it('CRLF documents get CRLF comment lines', () => {
    const text = fraudDoc('| Metric | Target |\n| --- | --- |\n| Recall at 1% FPR | 0.6 |\n| Accuracy | 0.99 |\n').replace(/\n/g, '\r\n');
    const finding = accuracyFinding(text);
    const fix = disableFix(finding);
    assert.equal(fix.edits.length, 1);
    assert.doesNotMatch(fix.edits[0]!.newText, /(^|[^\r])\n/);
    assertSilencedUnchanged(text, fix.edits, finding);
  });

  it('a line that starts its block still gets one next-line comment right above it', () => {
    const text = fraudDoc('Accuracy on the holdout month is what the launch review reads.\n');
    const finding = accuracyFinding(text);
    assert.deepEqual(disableFix(finding).edits, [{ range: at(13), newText: '<!-- mlsd-disable-next-line metric-task-mismatch -->\n' }]);
  });

  it('places comments around code blocks and HTML blocks, never inside them', () => {
    const lines = [
      'Intro line.',
      '',
      '```text',
      'accuracy = correct / total',
      '',
      'more code',
      '```',
      '',
      '<details>',
      '<summary>Metrics</summary>',
      'accuracy on the holdout',
      '</details>',
      '',
      '~~~',
      'never closed',
    ];
    assert.deepEqual(commentPlacement(lines, 3, 0), { kind: 'code block', start: 2, end: 6, prefix: '' });
    assert.deepEqual(commentPlacement(lines, 10, 0), { kind: 'HTML block', start: 8, end: 11, prefix: '' });
    assert.deepEqual(commentPlacement(lines, 14, 0), { kind: 'code block', start: 13, end: 14, prefix: '', unclosed: true });
    assert.deepEqual(commentPlacement(lines, 2, 0), { kind: 'line', start: 2, end: 2, prefix: '' });
  });

  it('a section a fence never closed swallows: the comment goes above the fence, where it is a directive', () => {
    const text = fraudDoc(
      [
        'Scores are checked against the last month of labelled chargebacks.',
        '',
        '```python',
        'def score(txn):',
        '    return model(txn)',
        '',
        '## Weekly report',
        '',
        'Accuracy on the holdout month goes to the risk team.',
        '',
      ].join('\n'),
    );
    const finding = accuracyFinding(text);
    assert.equal(finding.range.start.line, 21);
    const fix = disableFix(finding);
    assert.equal(fix.title, 'Disable metric-task-mismatch for this code block');
    assert.deepEqual(fix.edits, [{ range: at(15), newText: '<!-- mlsd-disable metric-task-mismatch -->\n' }]);
    assertSilencedUnchanged(text, fix.edits, finding);
  });
});
