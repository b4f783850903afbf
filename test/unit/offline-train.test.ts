// The offline-metric models' trainer and its link to the core: the same corpus gives the same
// bytes, test docs are never read, and the core decides with the committed weights.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { analyzeFacts } from '../../src/core/analyze';
import {
  documentFeatures,
  headlineFeatures,
  MENTION_FEATURES,
  OFFLINE_METRIC_MODEL,
  offlineCandidates,
  readOfflineMetrics,
} from '../../src/core/learned/offline-headline';
import { loadOfflineDocs, trainOffline, writeOfflineWeights } from '../../scripts/train/offline';

const sample = path.resolve('test/fixtures/eval-sample');

describe('offline-metric models: training', () => {
  it('gives byte-identical weights when trained twice on the same corpus, and never reads test', () => {
    const docs = loadOfflineDocs(sample);
    assert.deepEqual(
      docs.map((doc) => [doc.file, doc.split]),
      [['card-fraud.md', 'train']],
    );
    assert.ok(docs[0]!.candidates.length > 0, 'the sample doc names metrics');
    const first = JSON.stringify(trainOffline(docs));
    const second = JSON.stringify(trainOffline(loadOfflineDocs(sample)));
    assert.equal(first, second);
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mlsd-offline-')), 'offline-weights.json');
    const log = console.log;
    console.log = () => undefined;
    try {
      assert.equal(writeOfflineWeights(sample, out, false), true);
      assert.equal(writeOfflineWeights(sample, out, true), true, '--check agrees with what was written');
    } finally {
      console.log = log;
    }
    const written = JSON.parse(fs.readFileSync(out, 'utf8')) as ReturnType<typeof trainOffline>;
    assert.deepEqual(Object.keys(written.mention.weights), Object.keys(docs[0]!.features[0]!));
    assert.equal(written.figures.heldOut.docs, docs.length, 'leave one repository out over every train and dev doc');
  });

  it('gives the document model how the mentions are written: a specific notation, a reported value, passing wishes', () => {
    const text = [
      '# Related-product carousel',
      '',
      '## Evaluation',
      '',
      'On the held-out last week of sessions NDCG@10 is 0.41 against 0.33 for co-purchase counts.',
      '',
      '## Trade-offs',
      '',
      'A larger candidate pool would give better recall but costs 20 ms per request.',
    ].join('\n');
    const facts = analyzeFacts(text, {});
    const candidates = offlineCandidates(facts.metrics, facts.lines);
    assert.deepEqual(
      candidates.map((metric) => metric.name),
      ['NDCG@k', 'Recall'],
    );
    const rows = headlineFeatures(candidates, facts.lines, facts.elements).map((vector) => MENTION_FEATURES.map((name) => vector[name]!));
    const features = documentFeatures([0.5, 0.5], candidates, facts.elements, rows);
    assert.equal(features.specific, 1, 'NDCG@10 is written in a specific notation');
    assert.equal(features.valued, 1, 'a value stands next to it where the doc evaluates');
    assert.equal(features.passing, 0.5, '"better recall" wishes for a quality');
    assert.equal(features.targeted, 1, 'a metric in its evaluation role stands with a value');
    assert.equal(features.open, 0, 'neither line asks or plans');
  });

  it('gives the document model how the metric lines are laid out: labelled with a value, listed, open, in prose', () => {
    const text = [
      '# Churn model review',
      '',
      '## Results',
      '',
      '- **PR-AUC**: 0.41 on the held-out quarter',
      '',
      '## Open questions',
      '',
      '- [ ] Decide whether accuracy is worth reporting to the business',
      '',
      '## Notes',
      '',
      'The retention team asked about recall, and we told them it depends on how many customers the call centre can reach each week in the quarter.',
    ].join('\n');
    const facts = analyzeFacts(text, {});
    const candidates = offlineCandidates(facts.metrics, facts.lines);
    assert.deepEqual(
      candidates.map((metric) => metric.name),
      ['PR-AUC', 'Accuracy', 'Recall'],
    );
    const vectors = headlineFeatures(candidates, facts.lines, facts.elements);
    assert.deepEqual(
      vectors.map((vector) => [vector.labelValue, vector.open, vector.prose]),
      [
        [1, 0, 0],
        [0, 1, 0],
        [0, 0, 1],
      ],
    );
    const rows = vectors.map((vector) => MENTION_FEATURES.map((name) => vector[name]!));
    const features = documentFeatures([0.5, 0.5, 0.5], candidates, facts.elements, rows);
    assert.equal(features.labelled, 1, '"PR-AUC: 0.41" labels a line with its value');
    assert.equal(features.open, 1 / 3, 'one mention of three only asks');
    assert.equal(features.prose, 1 / 3, 'one is a word in a long sentence');
  });
});

describe('offline-metric models: the core uses the committed weights', () => {
  const committed = JSON.parse(fs.readFileSync('src/core/learned/offline-weights.json', 'utf8')) as ReturnType<typeof trainOffline>;

  it('reads offline-weights.json as written', () => {
    assert.deepEqual(OFFLINE_METRIC_MODEL.mention, committed.mention);
    assert.deepEqual(OFFLINE_METRIC_MODEL.document, committed.document);
    assert.equal(OFFLINE_METRIC_MODEL.documentThreshold, committed.documentThreshold);
    assert.equal(OFFLINE_METRIC_MODEL.statedRatio, committed.statedRatio);
    assert.ok(committed.figures.train.docs > 0 && committed.figures.dev.docs > 0, 'fitted on train, chosen on dev');
  });

  it('gives the verdict the headline the models read', () => {
    const text = fs.readFileSync(path.join(sample, 'docs/card-fraud.md'), 'utf8');
    const facts = analyzeFacts(text, {});
    const reading = readOfflineMetrics(facts.metrics, facts.lines, facts.elements);
    assert.ok(reading.headline, 'the sample doc states an offline metric');
    assert.equal(facts.headline, reading.headline);
  });
});
