// "Disable … for this line" must silence its finding without changing what a reader sees: a comment
// line between two table rows ends the table, one inside a paragraph splits it, one at the list's
// own indentation between two items ends the list, one inside a code block is shown as code. Inside
// a paragraph or table the comment goes after the line's text; around a code or HTML block, a pair.
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

/** The block structure a renderer sees, suppression comments left out (with the spaces before one after text). */
function rendered(text: string): string {
  type Node = { type: string; value?: string; spread?: boolean | null; children?: Node[] };
  const isDirective = (node: Node) => node.type === 'html' && node.value!.trimStart().startsWith('<!-- mlsd-');
  const shape = (node: Node): string => {
    if (node.value !== undefined) return `${node.type}:${node.value}`;
    const children: Node[] = [];
    for (const child of node.children ?? []) {
      if (isDirective(child)) continue;
      const previous = children[children.length - 1];
      if (previous?.type === 'text' && child.type === 'text')
        children[children.length - 1] = { type: 'text', value: previous.value! + child.value! };
      else children.push(child);
    }
    const shown = children.map((child) =>
      child.type === 'text' ? { ...child, value: child.value!.replace(/[ \t]+(?=\n|$)/g, '') } : child,
    );
    return `${node.type}${node.spread ? '+' : ''}(${shown.map(shape).join(',')})`;
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

const point = (line: number, character: number) => ({ start: { line, character }, end: { line, character } });
const at = (line: number) => point(line, 0);

describe('the disable fix keeps the document as it renders', () => {
  it('a row of a table: a disable-line comment after its last cell, not a comment line between rows', () => {
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
    assert.equal(fix.title, 'Disable metric-task-mismatch for this line');
    assert.deepEqual(fix.edits, [{ range: point(16, 51), newText: ' <!-- mlsd-disable-line metric-task-mismatch -->' }]);
    assertSilencedUnchanged(text, fix.edits, finding);
  });

  it('the second line of a paragraph: a disable-line comment after its text, before a hard break', () => {
    const text = fraudDoc(
      'We also track, for the weekly report to the risk team, the\naccuracy of the model on the last week of labelled chargebacks.  \nBoth go to the risk team.\n',
    );
    const finding = accuracyFinding(text);
    assert.equal(finding.range.start.line, 14);
    const fix = disableFix(finding);
    assert.equal(fix.title, 'Disable metric-task-mismatch for this line');
    assert.deepEqual(fix.edits, [{ range: point(14, 63), newText: ' <!-- mlsd-disable-line metric-task-mismatch -->' }]);
    const fixed = assertSilencedUnchanged(text, fix.edits, finding);
    assert.ok(fixed.includes('chargebacks. <!-- mlsd-disable-line metric-task-mismatch -->  \nBoth'), 'the hard break stays a hard break');
  });

  it('a line that leaves a code span open, and an HTML block: a disable/enable pair around the block', () => {
    const code = fraudDoc('We also track, for the `weekly\nreport`, accuracy on the holdout month and `the\nlift`.\n');
    const inSpan = accuracyFinding(code);
    assert.equal(inSpan.range.start.line, 14);
    assert.equal(disableFix(inSpan).title, 'Disable metric-task-mismatch for this paragraph');
    assertSilencedUnchanged(code, disableFix(inSpan).edits, inSpan);
    const html = fraudDoc('<details>\n<summary>Metrics</summary>\nWe report accuracy on the holdout month.\n</details>\n');
    const finding = accuracyFinding(html);
    const fix = disableFix(finding);
    assert.equal(fix.title, 'Disable metric-task-mismatch for this HTML block');
    assert.deepEqual(fix.edits, [
      {
        range: { start: { line: 13, character: 0 }, end: { line: 16, character: 10 } },
        newText:
          '<!-- mlsd-disable metric-task-mismatch -->\n<details>\n<summary>Metrics</summary>\n' +
          'We report accuracy on the holdout month.\n</details>\n\n<!-- mlsd-enable metric-task-mismatch -->',
      },
    ]);
    assertSilencedUnchanged(html, fix.edits, finding);
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

  it('a continuation line of a list item, a line in a block quote: the comment goes after the text', () => {
    const item = fraudDoc(
      '- Offline metrics for the launch review:\n  volumes by merchant and\n  accuracy on the holdout month\n- Online: chargeback rate\n',
    );
    const inItem = accuracyFinding(item);
    assert.equal(inItem.range.start.line, 15);
    assert.deepEqual(disableFix(inItem).edits, [{ range: point(15, 31), newText: ' <!-- mlsd-disable-line metric-task-mismatch -->' }]);
    assertSilencedUnchanged(item, disableFix(inItem).edits, inItem);
    const quote = fraudDoc('> The risk team asked for one number, and\n> accuracy on the holdout month is what they read.\n');
    const inQuote = accuracyFinding(quote);
    assert.deepEqual(disableFix(inQuote).edits, [{ range: point(14, 50), newText: ' <!-- mlsd-disable-line metric-task-mismatch -->' }]);
    assertSilencedUnchanged(quote, disableFix(inQuote).edits, inQuote);
  });

  it('a line that ends inside a comment, a code span, a link or a tag gets the pair: a comment there would be part of it', () => {
    for (const evaluation of [
      'Each month,\nwe also track the accuracy of the model, as ``mean(`x` == y) over\nthe month``.\n',
      'Each month,\nwe also track the accuracy of the model, per the [eval spec](https://example.com/eval "Offline\nevaluation spec").\n',
      'Each month,\nwe also track the accuracy of the model <span title="computed on\nthe holdout month">monthly</span>.\n',
      'Each month,\nwe also track the accuracy of the model ![a chart by\nmonth](accuracy.png) on the holdout month.\n',
      'Each month,\nwe also track the accuracy of the model <!-- owner: the risk team;\nto agree with finance --> on the holdout month.\n',
    ]) {
      const text = fraudDoc(evaluation);
      const finding = accuracyFinding(text);
      assert.equal(finding.range.start.line, 14, evaluation);
      const fix = disableFix(finding);
      assert.equal(fix.title, 'Disable metric-task-mismatch for this paragraph', evaluation);
      assertSilencedUnchanged(text, fix.edits, finding);
    }
  });

  it('a table right below a paragraph line: the comment goes before the closing pipe of its row', () => {
    const text = fraudDoc('The model metric is below.\n| Model | Accuracy |\n|---|---|\n| GBDT | 0.99 |\n');
    const finding = accuracyFinding(text);
    assert.equal(finding.range.start.line, 14);
    assert.deepEqual(disableFix(finding).edits, [{ range: point(14, 18), newText: ' <!-- mlsd-disable-line metric-task-mismatch -->' }]);
    assertSilencedUnchanged(text, disableFix(finding).edits, finding);
  });

  it('lazy continuation lines: a list item after one keeps to the list, a line continuing a quote stays in it', () => {
    const list = fraudDoc(
      '- Business: chargeback losses per month, from the finance\nledger, reviewed weekly.\n- Offline: accuracy on a held-out month.\n',
    );
    const inList = accuracyFinding(list);
    assert.deepEqual(disableFix(inList).edits, [{ range: at(15), newText: '  <!-- mlsd-disable-next-line metric-task-mismatch -->\n' }]);
    assertSilencedUnchanged(list, disableFix(inList).edits, inList);
    const quote = fraudDoc(
      '> Chargeback losses are the business metric, and recall\ndrives it; we also report accuracy for the summary.\n',
    );
    const inQuote = accuracyFinding(quote);
    assert.deepEqual(disableFix(inQuote).edits, [{ range: point(14, 51), newText: ' <!-- mlsd-disable-line metric-task-mismatch -->' }]);
    assertSilencedUnchanged(quote, disableFix(inQuote).edits, inQuote);
  });

  it('a quote line after a lazy line continues the quote’s paragraph: the comment goes after its text', () => {
    const text = fraudDoc('> Chargeback losses are the business metric,\nreviewed weekly;\n> we also report accuracy for the summary.\n');
    const finding = accuracyFinding(text);
    assert.equal(finding.range.start.line, 15);
    assert.deepEqual(disableFix(finding).edits, [{ range: point(15, 42), newText: ' <!-- mlsd-disable-line metric-task-mismatch -->' }]);
    assertSilencedUnchanged(text, disableFix(finding).edits, finding);
  });

  it('an inline tag or a list number other than 1 at the start of a line cannot interrupt a paragraph', () => {
    for (const second of [
      '<em>accuracy</em> on the holdout month, for the summary.',
      '2. accuracy on the holdout month, for the summary.',
    ]) {
      const text = fraudDoc(`Each month the risk team reads the volumes by merchant and\n${second}\n`);
      const finding = accuracyFinding(text);
      assert.equal(finding.range.start.line, 14);
      const [edit] = disableFix(finding).edits;
      assert.deepEqual(edit, { range: point(14, second.length), newText: ' <!-- mlsd-disable-line metric-task-mismatch -->' }, second);
      assertSilencedUnchanged(text, disableFix(finding).edits, finding);
    }
  });

  it('a list number other than 1 right below an item’s text starts the next item, so the comment goes above it', () => {
    const text = fraudDoc('1. Business: chargeback losses per month.\n2. Offline: accuracy on a held-out month.\n');
    const finding = accuracyFinding(text);
    assert.deepEqual(disableFix(finding).edits, [{ range: at(14), newText: '   <!-- mlsd-disable-next-line metric-task-mismatch -->\n' }]);
    assertSilencedUnchanged(text, disableFix(finding).edits, finding);
  });

  it('an HTML block under a paragraph line, an indented code block, a list under a setext heading keep their shape', () => {
    const cases = [
      'Each month the risk team reads the volumes by merchant.\n<div>\nWe report accuracy on the holdout month.\n</div>\n',
      'The summary, as our notes have it:\n\n    We report accuracy on the holdout month.\n\n    Reviewed weekly.\n',
      'Reported numbers\n================\n2. Accuracy on the holdout month, for the summary.\n',
      '> Chargeback losses per month\n> - reviewed weekly\n  - accuracy on the holdout month, for the summary.\n',
      '```html\n<div>chart</div>\n```\nWe report accuracy on the holdout month.\n',
    ];
    for (const evaluation of cases) {
      const text = fraudDoc(evaluation);
      const finding = accuracyFinding(text);
      assertSilencedUnchanged(text, disableFix(finding).edits, finding);
    }
  });

  it('a line after a comment written after text still continues the paragraph', () => {
    const text = fraudDoc(
      'Each month we report to the risk team\nthe volumes by merchant <!-- see the dashboard -->\nand the accuracy on the holdout month.\n',
    );
    const finding = accuracyFinding(text);
    assert.equal(finding.range.start.line, 15);
    assert.deepEqual(disableFix(finding).edits, [{ range: point(15, 38), newText: ' <!-- mlsd-disable-line metric-task-mismatch -->' }]);
    assertSilencedUnchanged(text, disableFix(finding).edits, finding);
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
