import assert from 'node:assert/strict';
import { analyze, type Coverage } from '../../src/core';

const itemsOf = (text: string): Record<string, Coverage> =>
  Object.fromEntries(analyze(text).model.scenarioItems.map((item) => [item.id, item]));

const FRAUD_HEAD = `---
scenario: fraud
---
# Card-not-present fraud scoring for a ticket marketplace

## Problem framing

Chargebacks cost the marketplace 0.8% of gross ticket sales last year. Each checkout is scored
before the payment is authorised, within 80 ms at p99.
`;

describe('checklist items: what covers an item', () => {
  it('one cue phrase names an item without covering it: partial, pointing at the phrase', () => {
    const text = `${FRAUD_HEAD}
## Open challenges

- Latency of the feature store at peak sales.
- The rules engine the risk team maintains by hand.
`;
    const rules = itemsOf(text)['fraud/hybrid-rules']!;
    assert.equal(rules.status, 'partial');
    assert.equal(rules.gap, 'passing-mention');
    const line = text.split('\n')[rules.evidence!.start.line]!;
    assert.equal(line.slice(rules.evidence!.start.character, rules.evidence!.end.character), 'rules engine');
  });

  it('two phrases that address the item cover it, in the words docs use for it (block lists, heuristic rules)', () => {
    const text = `${FRAUD_HEAD}
## Decision flow

Before the model runs, heuristic rules reject what is certainly fraud: card BINs and e-mail domains
on our blacklists, and more than five cards tried from one device in ten minutes. Everything that
passes is scored by the model.
`;
    assert.equal(itemsOf(text)['fraud/hybrid-rules']!.status, 'present');
  });

  it('class weights written as code and inverse prevalence are the imbalance handled', () => {
    const text = `${FRAUD_HEAD}
## Training

Fraud is 0.3% of checkouts. The gradient-boosted model is trained with class_weight set from the
inverse prevalence of each class, and evaluated on an untouched month at the true base rate.
`;
    assert.equal(itemsOf(text)['fraud/class-imbalance']!.status, 'present');
  });

  it('downsampled negatives are the imbalance handled, and false declines against missed fraud the cost trade-off', () => {
    const text = `${FRAUD_HEAD}
## Training

Fraud is 0.3% of checkouts, so we downsample negatives 1:20 and reweight the positives in the loss.

## Thresholds

A false decline costs a good customer and their next purchases; missed fraud costs the ticket
price and a chargeback fee. We pick the operating point from those two costs each month.
`;
    const items = itemsOf(text);
    assert.equal(items['fraud/class-imbalance']!.status, 'present');
    assert.equal(items['fraud/fp-fn-tradeoff']!.status, 'present');
    // Logs downsampled for storage and an ensemble reweighted say nothing of the classes.
    const elsewhere = `${FRAUD_HEAD}
## Data

Click logs are downsampled to one event per minute for storage, and we reweight the ensemble members
by their validation score.
`;
    assert.equal(itemsOf(elsewhere)['fraud/class-imbalance']!.status, 'missing');
  });

  it('reads cold start in Russian as it reads the fraud items in Russian', () => {
    const text = `---
scenario: recommendation
---
# Рекомендации статей

## Холодный старт

Новым пользователям показываем популярные статьи за неделю, пока нет истории; новые статьи
получают показы через исследование (bandits) первые сутки.
`;
    assert.notEqual(itemsOf(text)['recommendation/cold-start']!.status, 'missing');
  });

  it('reads a section on new users, or on cold start in Chinese or Korean, as about the cold-start item', () => {
    for (const [heading, body] of [
      ['Новые пользователи', 'Показываем популярное в регионе, пока у пользователя нет истории просмотров.'],
      ['冷启动', '新用户先看本地热门内容，新商品通过探索获得曝光。'],
      ['콜드 스타트', '신규 사용자에게는 지역 인기 콘텐츠를 보여준다.'],
    ]) {
      const text = `---\nscenario: recommendation\n---\n# Recommendations\n\n## ${heading}\n\n${body}\n`;
      assert.notEqual(itemsOf(text)['recommendation/cold-start']!.status, 'missing', heading);
    }
  });

  it('an item the doc puts out of scope, or only asks about, is not covered by its name', () => {
    const text = `---
scenario: search
---
# Visual search for a furniture catalogue

## Clarifying the requirements

- Are results personalized for each shopper?
- For simplicity, no personalization is required: the same photo returns the same results.

## Ranking

Candidates come from an approximate nearest-neighbour index over image embeddings and are ordered
by cosine similarity; a listwise LambdaMART model re-ranks the top 200 with BM25 on the titles.
`;
    const items = itemsOf(text);
    assert.notEqual(items['search/personalization']!.status, 'present');
    assert.equal(items['search/relevance-features']!.status, 'present');
  });

  it('a phrase declined in one place still covers the item where another sentence addresses it', () => {
    const text = `---
scenario: search
---
# Job search ranking

## Scope

Personalisation of the first page is out of scope for the launch.

## Features

Personalization features come from the seeker's search history and past applications: preferred
job titles and the cities they applied in.
`;
    assert.equal(itemsOf(text)['search/personalization']!.status, 'present');
  });

  it('an item only ever put out of scope is missing; one only left for later work is still mentioned', () => {
    const text = `---
scenario: search
---
# Web search ranking for a developer documentation portal

## Requirements

- Do we need to personalize the results for each reader?
- Keep personalization out of scope for the first design: every reader sees the same ranking.

## Ranking

Candidates come from an inverted index over page titles and bodies scored with BM25; a pairwise
LambdaMART model re-ranks the top 100 using term matching features and page freshness. We do not
necessarily have to personalize anything at this scale.

## Future work

- Learning from each reader's past clicks to personalise the second page.
`;
    assert.equal(itemsOf(text)['search/personalization']!.status, 'partial');
    const withoutLater = text.slice(0, text.indexOf('## Future work'));
    assert.equal(itemsOf(withoutLater)['search/personalization']!.status, 'missing');
  });

  it('a contents table pointing to chapters in other files names items without covering them', () => {
    const text = `---
scenario: fraud
---
# Payment fraud detection: study guide

This folder walks through a card fraud system chapter by chapter.

| # | Chapter | What it covers |
|---|---------|----------------|
| 04 | [Rule Engine](./04_rule_engine/README.md) | Business rules, block lists and rule management |
| 05 | [Imbalanced Learning](./05_imbalance/README.md) | Class weights, undersampling, SMOTE |

## How to use it

Read the chapters in order; each ends with interview questions.
`;
    const items = itemsOf(text);
    assert.equal(items['fraud/hybrid-rules']!.status, 'partial');
    assert.equal(items['fraud/class-imbalance']!.status, 'partial');
  });

  it('a list of the kinds of content a moderation system reads names its modalities', () => {
    const text = `---
scenario: moderation
---
# Manipulated media detection for a news-sharing app

## Approach

Uploads arrive as images and videos of up to 60 seconds. Each image goes through a ViT classifier; for videos,
16 frames are sampled and their embeddings go through a temporal transformer, and the two scores
feed one policy decision.
`;
    assert.equal(itemsOf(text)['moderation/multimodal']!.status, 'present');
  });

  it('content-based filtering named as a family of recommenders is not cold start; content features for new items are', () => {
    const head = `---
scenario: recommendation
---
# Book recommendations for a library app

## Approach

Two families are compared offline: collaborative filtering over loans (ALS on the reader x title
matrix) and content-based filtering that recommends titles similar to the ones a reader borrowed.
`;
    assert.equal(itemsOf(head)['recommendation/cold-start']!.status, 'missing');
    const withNewTitles = `${head}
## New titles

A title with no loans yet has no collaborative signal, so new items are scored from their content
(subject, author, blurb embedding), and readers with no history get the branch's popularity-based list.
`;
    assert.notEqual(itemsOf(withNewTitles)['recommendation/cold-start']!.status, 'missing');
  });

  it("an index's freshness is a serving target, not a quality signal; a page's freshness and its click history are", () => {
    const head = `---
scenario: search
---
# Help-centre search

## Requirements

- Freshness: an edited article must be searchable within five minutes (index freshness SLO).
- p95 latency under 150 ms.
`;
    assert.equal(itemsOf(head)['search/authority']!.status, 'missing');
    const withQuality = `${head}
## Ranking features

Besides BM25 on title and body, each article carries its document freshness (days since the last
edit) and its historical CTR from the last 30 days as priors on its quality.
`;
    assert.notEqual(itemsOf(withQuality)['search/authority']!.status, 'missing');
  });

  it('a latency budget in milliseconds for the scorer is the real-time item, both halves of its definition', () => {
    const text = `---
scenario: fraud
---
# Refund abuse detection for a grocery delivery app

## Serving

A stream consumer builds the order's features from Redis counters and calls the scoring service;
the latency budget for the whole call is 120 ms at p99, after which the order goes through unscored.
`;
    assert.equal(itemsOf(text)['fraud/real-time']!.status, 'present');
  });

  it('business rules applied after the score name rules, not a rule layer before the model', () => {
    const text = `---
scenario: fraud
---
# Loan default risk scoring

## Decision policy

The model's default probability is mapped to pricing tiers by business rules the credit team owns:
each rule sets a tier's interest rate and the score above which an application is declined.
`;
    assert.equal(itemsOf(text)['fraud/hybrid-rules']!.status, 'partial');
  });
});
