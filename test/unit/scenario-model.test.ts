// The learned scenario verdict: its trainer is deterministic and never reads test, the core reads
// the committed weights, what a document says it designs outweighs the topics its body touches,
// generic is a class of its own, a declared scenario still wins, the checklist follows the scenario,
// and an editing session agrees with a full analysis when an edit changes the scenario.
import assert from 'node:assert/strict';
import { statedScenario, statementCounts } from '../../src/core/analysis/scenario-statement';
import { addScenarioWords } from '../../src/core/analysis/signals';
import fs from 'node:fs';
import path from 'node:path';
import { analyze, createAnalysisSession } from '../../src/core';
import {
  learnedScenario,
  SCENARIO_FEATURE_NAMES,
  SCENARIO_MODEL,
  scenarioScores,
  type ScenarioCues,
} from '../../src/core/learned/scenario-model';
import { SCENARIO_IDS } from '../../src/core/types';
import { loadScenarioRows, serializeScenarioWeights, trainScenario } from '../../scripts/train/scenario';

const sample = path.resolve('test/fixtures/eval-sample');

/** A video platform's recommender whose body talks retrieval and queries at length. */
const VIDEO_RECOMMENDER = `# Design a recommendation system for a video platform

We design the "watch next" recommendations shown under every video of a platform with 50M daily users.
Goal: raise watch time per session by 5% without lowering next-day retention.

## Candidate retrieval

Retrieval runs a two-tower model over user and video embeddings; the query tower encodes the user's
last 50 watches, and an ANN index (HNSW) returns 500 candidates in under 20 ms. A second retrieval
source searches for videos from followed channels; search logs also give query embeddings.

## Ranking

A gradient-boosted ranker scores the 500 candidates with watch history, freshness and creator features,
trained on 30 days of impressions; relevance labels come from completed watches.

## Cold start

New videos get exposure from content embeddings and a 5% exploration slot; new users see popular videos
of their language until they have 10 watches.

## Metrics

Offline: recall@500 of the retrieval stage, NDCG@10 of the ranker. Online: watch time per session in an
A/B test on 5% of traffic for two weeks.
`;

/** An ads click-through doc that mentions the search and feed surfaces the ads run on. */
const ADS_CTR = `# Ads click-through rate prediction

We predict the probability that a user clicks an ad, for the auction of search ads and feed ads.
Advertisers pay per click, so calibrated CTR is what the auction needs.

## Data

Ad impressions and clicks from 14 days of logs (2B rows), with the query for search ads and the
user's recent feed activity for feed ads; 1.2% of impressions are clicked.

## Model

Logistic regression on hashed features as the baseline, then a DCN-v2 model; both predict p(click).

## Metrics

Log loss and calibration (expected vs observed CTR per bucket) offline; revenue per thousand
impressions in an A/B test online. We recommend starting with the logistic baseline.
`;

describe('learned scenario: training', () => {
  it('gives byte-identical weights when trained twice on the same corpus, never reading test', () => {
    const first = loadScenarioRows(sample);
    const second = loadScenarioRows(sample);
    assert.ok(first.length >= 1, 'the sample has a labelled train doc');
    assert.ok(first.every((row) => row.split !== 'test'));
    const a = serializeScenarioWeights(trainScenario(first));
    assert.equal(a, serializeScenarioWeights(trainScenario(second)));
    const parsed = JSON.parse(a) as typeof SCENARIO_MODEL;
    assert.deepEqual(Object.keys(parsed.shared), [...SCENARIO_FEATURE_NAMES]);
    assert.deepEqual(Object.keys(parsed.bias), [...SCENARIO_IDS]);
  });

  it('the core reads scenario-weights.json as written, and all weights files stay under 300 KB', () => {
    const committed = JSON.parse(fs.readFileSync('src/core/learned/scenario-weights.json', 'utf8')) as typeof SCENARIO_MODEL;
    assert.deepEqual(SCENARIO_MODEL.bias, committed.bias);
    assert.deepEqual(SCENARIO_MODEL.shared, committed.shared);
    assert.deepEqual(SCENARIO_MODEL.byClass, committed.byClass);
    const learned = 'src/core/learned';
    const total = fs
      .readdirSync(learned)
      .filter((name) => name.endsWith('.json'))
      .reduce((sum, name) => sum + fs.statSync(path.join(learned, name)).size, 0);
    assert.ok(total <= 300_000, `${total} bytes`);
  });
});

describe('learned scenario: the verdict', () => {
  it('takes the scenario from what the title and opening say is designed, over the body’s retrieval words', () => {
    const { model } = analyze(VIDEO_RECOMMENDER);
    assert.deepEqual(model.scenario, { id: 'recommendation', source: 'detected' });
    assert.equal(model.task, 'ranking');
    assert.deepEqual(
      model.scenarioItems.map((item) => item.id),
      ['recommendation/two-stage', 'recommendation/cold-start'],
    );
    assert.equal(model.scenarioItems.find((item) => item.id === 'recommendation/cold-start')?.status, 'present');
  });

  it('reads an ads CTR doc as generic, whatever surfaces (search, feed) it names, with no checklist', () => {
    const { model } = analyze(ADS_CTR);
    assert.equal(model.scenario.id, 'generic');
    assert.equal(model.task, 'probability-estimation');
    assert.deepEqual(model.scenarioItems, []);
  });

  it('reads Russian docs by the same rules: ads are generic, a recommender is named by its adjective too', () => {
    const adsTitle = [
      '# Дизайн ML-системы: рекомендация товарной рекламы в маркетплейсе',
      '',
      '## Цели',
      '',
      'Модель оценивает вероятность клика по рекламному объявлению, чтобы аукцион ставил выше те, что кликнут.',
      '',
    ].join('\n');
    const ads = analyze(adsTitle).model;
    assert.equal(ads.scenario.id, 'generic');
    assert.equal(ads.task, 'probability-estimation');
    const words: Record<string, number> = {};
    addScenarioWords('Мы разрабатываем рекомендательную систему книг; рекламу и спрос не прогнозируем.', words);
    assert.deepEqual(words, { recommendation: 1, generic: 2 });
  });

  it('reads a credit-scoring system as fraud, as the labelling guide files credit risk', () => {
    const doc = [
      '# Credit scoring for small-business loans',
      '',
      'We design a credit scoring service that approves or declines loan applications in under a second.',
      '',
      '## Data',
      '',
      'Two years of applications joined with repayment outcomes; about 3% of approved loans default.',
      '',
    ].join('\n');
    assert.deepEqual(analyze(doc).model.scenario, { id: 'fraud', source: 'detected' });
  });

  it('reads deepfake detection by its stated purpose: fraud when it stops impostors, moderation when it enforces a policy', () => {
    const kyc = [
      '# Deepfake detection for fraud prevention in remote onboarding',
      '',
      'Applicants open a bank account with a selfie video. Fraud rings replay deepfake videos of stolen identities',
      'to pass the liveness check; we design a detector that scores each onboarding video before the account opens.',
      '',
      '## Data',
      '',
      'Onboarding videos from the last year, with 1,200 confirmed fraud cases from the investigations team.',
      '',
    ].join('\n');
    assert.equal(analyze(kyc).model.scenario.id, 'fraud');
    const policy = [
      '# Deepfake detection for a video-sharing platform',
      '',
      'Our community guidelines ban deepfakes of real people; we design a classifier that flags uploaded videos',
      'that violate the policy and routes them to human moderators.',
      '',
    ].join('\n');
    assert.equal(analyze(policy).model.scenario.id, 'moderation');
  });

  it('does not take the scenario from what the opening puts out of scope', () => {
    const doc = [
      '# Q3 retriever upgrade',
      '',
      'This upgrade retrains the dense retriever behind product search so that recall@100 reaches 0.8.',
      'The answer-generation front end (RAG) is out of scope and has its own spec.',
      '',
      '## Data',
      '',
      'Six months of query logs with clicked and purchased products as positives.',
      '',
    ].join('\n');
    const counts = statementCounts({ lines: doc.split('\n') }, '# Q3 retriever upgrade');
    assert.equal(counts.opening.generic, undefined);
    assert.equal(statedScenario(counts), 'search');
    assert.deepEqual(analyze(doc).model.scenario, { id: 'search', source: 'detected' });
  });

  it('calls a doc that names no scenario generic by default', () => {
    const { model } = analyze('# Notes\n\nSome thoughts on the quarterly plan and the team offsite.\n');
    assert.deepEqual(model.scenario, { id: 'generic', source: 'default' });
  });

  it('lets the front matter, then the configuration, overrule the model, and the checklist follows', () => {
    const declared = analyze(`---\nscenario: search\n---\n${ADS_CTR}`).model;
    assert.deepEqual(declared.scenario, { id: 'search', source: 'frontmatter' });
    assert.ok(declared.scenarioItems.length > 0 && declared.scenarioItems.every((item) => item.id.startsWith('search/')));
    const configured = analyze(VIDEO_RECOMMENDER, { config: { scenario: 'fraud' } }).model;
    assert.deepEqual(configured.scenario, { id: 'fraud', source: 'config' });
    assert.ok(configured.scenarioItems.every((item) => item.id.startsWith('fraud/')));
  });

  it('decides as the weights score: the best-scoring scenario wins, each feature moving its own scenario', () => {
    const empty: ScenarioCues = {
      title: {},
      stating: {},
      opening: {},
      headings: {},
      body: {},
      wordCount: 500,
      stated: undefined,
      counted: undefined,
      goalStated: undefined,
    };
    const scores = scenarioScores(SCENARIO_MODEL, empty);
    assert.equal(learnedScenario(SCENARIO_MODEL, empty), SCENARIO_IDS[scores.indexOf(Math.max(...scores))]);
    const fraudTitle = { ...empty, title: { fraud: 2 }, stated: 'fraud' as const };
    const fraudIndex = SCENARIO_IDS.indexOf('fraud');
    assert.ok(scenarioScores(SCENARIO_MODEL, fraudTitle)[fraudIndex]! > scores[fraudIndex]!);
    assert.equal(learnedScenario(SCENARIO_MODEL, fraudTitle), 'fraud');
  });
});

describe('learned scenario: editing', () => {
  it('a session that edits the title into another scenario agrees with a full analysis', () => {
    const session = createAnalysisSession();
    assert.equal(session.update(ADS_CTR).model.scenario.id, 'generic');
    const edited = session.applyEdit({
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: '# Ads click-through rate prediction'.length } },
      newText: '# Click fraud detection for search ads',
    });
    const full = analyze(session.text);
    assert.deepEqual(edited.model, full.model);
    assert.deepEqual(edited.findings, full.findings);
    assert.equal(edited.model.scenario.id, 'fraud');
    assert.ok(edited.model.scenarioItems.every((item) => item.id.startsWith('fraud/')));
  });
});
