import assert from 'node:assert/strict';
import { METRICS } from '../../src/core/framework/metrics';
import { isMetricContext, metricCompletions } from '../../src/vscode/authoring/metricCompletion';
import { modelWith, section } from './model-fixture';

describe('metric completion', () => {
  const lines = [
    '# Fraud scoring', //                       0
    '## Evaluation', //                         1
    'We compare against rules on ', //          2
    '## Serving', //                            3
    'The main metric is ', //                   4
    'We deploy behind a canary and ', //        5
    '| Stage | Metric | Target |', //          6
    '|---|---|---|', //                         7
    '| Offline |  | 0.8 |', //                  8
    '', //                                      9
    '| Layer | Owner |', //                     10
    '|---|---|', //                            11
    '| Rules |  |', //                         12
  ];
  const model = modelWith({}, [], {
    task: 'imbalanced-classification',
    sections: [section('Fraud scoring', 1, 0, 12, [section('Evaluation', 2, 1, 2), section('Serving', 2, 3, 12)])],
  });
  const at = (line: number, character = (lines[line] ?? '').length) => isMetricContext(model, (n) => lines[n], { line, character });

  it('offers metrics in an evaluation section, after a metric cue, and in a Metric column', () => {
    assert.equal(at(2), true);
    assert.equal(at(4), true);
    assert.equal(at(8, 12), true);
  });

  it('stays quiet elsewhere: other sections, other tables, headings', () => {
    assert.equal(at(5), false);
    assert.equal(at(12, 9), false);
    assert.equal(at(1, 5), false);
  });

  it('puts the metrics that fit the task first, preferred ones leading, misaligned ones last', () => {
    const items = metricCompletions('imbalanced-classification');
    assert.equal(items.length, METRICS.length);
    assert.deepEqual(
      items.slice(0, 4).map((item) => item.label),
      ['PR-AUC', 'Recall at precision', 'F-beta', 'Precision'],
    );
    assert.deepEqual(
      items.filter((item) => item.fit === 'misaligned').map((item) => item.label),
      ['ROC-AUC', 'Accuracy'],
    );
    assert.deepEqual(
      items.slice(-2).map((item) => item.label),
      ['ROC-AUC', 'Accuracy'],
    );
    const first = items[0]!;
    assert.equal(first.detail, 'fits imbalanced-classification');
    assert.equal(first.sortText, '000-006');
    assert.equal(items.find((item) => item.label === 'CTR')?.detail, 'online metric');
    assert.equal(items.find((item) => item.label === 'Accuracy')?.detail, 'misaligned for imbalanced-classification');
  });

  it('keeps the data order when the task has no fitting metrics, the misaligned ones last', () => {
    const misaligned = METRICS.filter((metric) => metric.fit.other).map((metric) => metric.name);
    assert.deepEqual(misaligned, ['Accuracy']);
    assert.deepEqual(
      metricCompletions('other').map((item) => item.label),
      [...METRICS.map((metric) => metric.name).filter((name) => !misaligned.includes(name)), ...misaligned],
    );
  });
});
