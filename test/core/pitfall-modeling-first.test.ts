import assert from 'node:assert/strict';
import { analyze } from '../../src/core';
import { analyzeFacts } from '../../src/core/analyze';

// A design doc that opens on the network and only names the goal in passing, after the model.
const MODEL_FIRST = `# Podcast episode recommendations

## Model architecture

We use a two-tower neural network. The user tower embeds the last 100 listened episodes with a
transformer encoder (4 layers, 8 heads, 256-dim embeddings); the item tower embeds episode title,
show, language and audio embeddings from a pretrained audio encoder. Candidates are retrieved by
approximate nearest neighbour search over the item embeddings (HNSW, 200 candidates), then a DCN-v2
ranking model scores each candidate with cross features between user and episode.

### Training

The towers are trained with in-batch sampled softmax on listen events longer than 5 minutes, with
a log-q correction for popular episodes. The ranker is trained with binary cross-entropy on
listen-through labels, batch size 4096, Adam with learning rate 1e-3, for 3 epochs.

### Model choice

The transformer user tower is chosen over mean pooling because listening order matters. The DCN
ranker captures interactions between show and user history.

## Evaluation

Offline we report recall@200 for the towers and NDCG@10 for the ranker on a held-out last day of
listens.

## Serving

The item embeddings are rebuilt nightly and loaded into the ANN index; the user tower runs online
in the recommendation service on CPU, and the ranker is served from the same process.

## Goal

Recommend episodes users like.
`;

// The same system with the problem, its metrics and its constraints scoped before the model.
const SCOPED_FIRST = `# Podcast episode recommendations

## Problem and goal

Listeners abandon the app when the home page shows episodes they have already heard or shows they
never follow. The goal is to raise weekly listening minutes per active user by 5% within a quarter,
measured by an A/B test on the home page.

## Metrics

- Business metric: weekly listening minutes per active user; guardrail: unsubscribe rate.
- Offline model metric: recall@200 for retrieval and NDCG@10 for ranking on the last week of listens.

## Constraints

Home page latency budget is 150 ms at p99 for the whole request, of which 40 ms for ranking. We
serve 20k requests per second at peak and must work for new listeners with no history.

## Data

Listen events (episode, user, seconds listened) stream from the player through Kafka into the
warehouse every hour; episode metadata comes from the catalogue service. Events from bots and
listens shorter than 30 seconds are dropped; daily checks flag missing partitions.

## Model

A two-tower network retrieves 200 candidates (user tower over the last 100 listens, item tower over
episode metadata) and a gradient-boosted ranker scores them. The current popularity list is the
baseline both must beat on recall@200 and NDCG@10.
`;

describe('the modelling-first pitfall', () => {
  it('fires on a doc that details the model and scopes the problem only afterwards, in one line', () => {
    const verdict = analyzeFacts(MODEL_FIRST, {}).pitfalls['modeling-first'];
    assert.equal(verdict.present, true);
    assert.ok(verdict.learned.features['rests.lag'] > 0, 'the scoping comes after the model');
    assert.ok(verdict.learned.features['against.deeper'] > 0, 'the text goes deeper into the model than into the scoping');
    const finding = analyze(MODEL_FIRST).findings.find((candidate) => candidate.ruleId === 'modeling-first');
    assert.ok(finding, 'the finding is reported');
    assert.equal(finding.range.start.line, verdict.firstModelLine, 'at the first model line');
  });

  it('stays quiet when the problem, its metrics and constraints come first', () => {
    const facts = analyzeFacts(SCOPED_FIRST, {});
    assert.equal(facts.pitfalls['modeling-first'].present, false);
    assert.ok(facts.pitfalls['modeling-first'].learned.features['rests.lag'] < 0, 'the scoping comes before the model');
    assert.equal(
      analyze(SCOPED_FIRST).findings.some((finding) => finding.ruleId === 'modeling-first'),
      false,
    );
  });

  it('is not reported where the doc names no model at all', () => {
    const noModel = SCOPED_FIRST.slice(0, SCOPED_FIRST.indexOf('## Model'));
    const verdict = analyzeFacts(noModel, {}).pitfalls['modeling-first'];
    assert.equal(verdict.learned.reportable, false);
    assert.equal(verdict.present, false);
  });
});
