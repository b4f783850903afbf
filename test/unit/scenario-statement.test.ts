// The scenario follows the labelling guide's rules, not word counts: a title word the introduction
// never takes up does not outweigh an introduction about another scenario, while body sections that
// use another topic's words never do; autocomplete is search only when it completes queries;
// recommender surfaces ("complete the look") are recommendation; a loan-default model is fraud
// (credit risk); what a sentence gives as an example names nothing; and where the opening states
// nothing, a goal section's sentence that says what is built does.
import assert from 'node:assert/strict';
import { analyze, createAnalysisSession } from '../../src/core';
import { withoutExamples } from '../../src/core/analysis/examples';
import { statedScenario, statementCounts } from '../../src/core/analysis/scenario-statement';

const scenarioOf = (doc: string): string => analyze(doc).model.scenario.id;

/** A capstone whose title calls the document a recommendation, over a statement of a moderation problem. */
const CAPSTONE_PROPOSAL = `# Capstone Recommendation

## Problem summary

A social platform's volunteers cannot keep up with the reports of posts that break its content policy:
hate speech and harassment stay visible for days. We propose an automated moderation model that flags
harmful posts the moment they are published and routes them to the moderation team.

## Data

300,000 posts labelled by moderators over two years, 3% of them removed for policy violations.

## Metrics

Recall at 90% precision offline; time to removal and appeal rate online.
`;

/** A review whose title and labels give the writer's advice ("Findings & Recommendations", "**Recommendation:**"). */
const MODERATION_REVIEW = `# Findings & Recommendations: listing moderation v1

The marketplace's listing moderation auto-approves most listings and misses scams posted as ads.

## Current flow

Rules reject a few banned words; everything else is approved. Moderators see reports a day late.

- **Recommendation:** route uncertain listings to a human review queue instead of approving them.
- **Recommendation:** retrain the harmful-content classifier monthly on moderator verdicts.
`;

/** A recommender titled as one, whose retrieval sections talk queries and search at length. */
const PODCAST_RECOMMENDATIONS = `# Podcast episode recommendations

Listeners open the app and see a row of episodes picked for them. Today the row shows the most played
episodes of the week, the same for everyone.

## Candidate generation

A query tower encodes the listener's recent plays and searches an ANN index of episode embeddings; a
second retrieval source searches episodes from followed shows. Search logs give extra query signals.

## Ranking

A LightGBM ranker orders candidates by predicted completion; query-level NDCG@10 is the headline.
`;

const QUERY_AUTOCOMPLETE = `# Query autocomplete for a grocery app

We design the completions shown under the search box as a shopper types, so they reach the right
results page in fewer keystrokes.

## Ranking

Candidates come from a prefix trie over 90 days of queries; a LambdaMART model orders them by the
chance the completed query leads to a purchase. MRR of the accepted completion offline.
`;

const SMART_COMPOSE = `# Smart compose for a messaging app

Design a system that offers next-word and phrase completions while people type in a mobile chat app,
with optional personalization for frequent phrases.

## Model

A small language model distilled to 20M parameters runs on the server; an n-gram model on the phone
is the fallback when the server misses its 80 ms budget. Offline: recall@3 of the next word.
`;

const COMPLETE_THE_LOOK = `# Complete the Look

Given a photo of an outfit on a fashion site, we show products that go with what the shopper is
looking at: shoes for a dress, a bag for a jacket.

## Approach

Visual embeddings from a CNN encode each product image; candidates come from an image retrieval
index, and a compatibility model trained on curated outfits keeps the top 20.
`;

const LOAN_DEFAULT = `# Loan default prediction for a consumer lender

We build a model that estimates, at application time, the probability that a personal loan goes 90
days past due within a year, so underwriters can decline or reprice risky applications.

## Data

Five years of applications joined with bureau data and repayment histories; 4% of funded loans default.
`;

/** A title that names no system; the statement designs a recommender for a platform whose users search. */
const CLIP_PLATFORM = `# Clip platform: ML design

We design a recommendation system for a short-video platform where people search for and browse clips.

## Signals

Search queries and query reformulations, search result clicks, watch time, retrieval logs, search
sessions and the relevance of each clip to the queries that led to it.
`;

/** The reverse: a search engine whose statement lists personalisation among its extras. */
const MARKETPLACE_SEARCH = `# Case study 4

The aim is to build a search engine for a second-hand furniture marketplace, with personalized ranking
of listings for each buyer.

## Approach

Query understanding, BM25 and embedding retrieval, then a LambdaMART ranker over 200 candidates.
`;

/**
 * A course-template doc whose opening is business goals that name no scenario: what it builds is said
 * under "Expected from this iteration", a subsection of its goals.
 */
const BOOKSHOP_GOALS = `# ML design doc: Shelfmate

## 1. Goals and background

### 1.1 Why this product

**Business goal:**

- Independent bookshops lose customers to large online stores, which suggest the next book in a click.
- Shop staff spend around two hours a week writing "staff picks" cards by hand, and the cards go stale.

**Success criteria:**

- 10% more repeat visits within three months of the pilot.
- Staff time on picks cards down from two hours a week to fifteen minutes.

### 1.2 Requirements and constraints

- The shop's catalogue (about 20,000 titles) is the only inventory; nothing out of stock may be shown.
- Loyalty-card purchase histories may be used only for customers who opted in.

**Expected from this iteration:**

- Develop a recommender that suggests five books to each loyalty-card customer from the shop's own catalogue, refreshed nightly.

## 2. Data

Two years of till receipts (1.2M lines) joined to loyalty cards; catalogue metadata with genre, author and
a blurb; staff picks cards typed in since 2022.

## 3. Method

Item-item collaborative filtering over co-purchases as the baseline, then a two-tower model with blurb
embeddings so that new arrivals can be suggested before anyone buys them. Titles are retrieved by nearest
neighbours and ranked by a gradient-boosted model on recency, genre affinity and stock level.

## 4. Evaluation

Offline: recall@5 and NDCG@5 on the last month of purchases held out. Online: share of suggested books
bought within 30 days, compared with the staff picks shelf.
`;

const GOAL_SENTENCE =
  "- Develop a recommender that suggests five books to each loyalty-card customer from the shop's own catalogue, refreshed nightly.";

/** The same doc with that sentence moved from the goals into the method, where a design sentence describes a part. */
const BOOKSHOP_METHOD = BOOKSHOP_GOALS.replace(`**Expected from this iteration:**\n\n${GOAL_SENTENCE}\n`, '').replace(
  '## 3. Method\n',
  `## 3. Method\n\n${GOAL_SENTENCE}\n`,
);

describe('scenario: what the document says it designs', () => {
  it('takes the designed thing from a stating sentence, before the domain it is "for"', () => {
    assert.equal(scenarioOf(CLIP_PLATFORM), 'recommendation');
    assert.equal(scenarioOf(MARKETPLACE_SEARCH), 'search');
    const counts = statementCounts({ lines: CLIP_PLATFORM.split('\n') }, '# Clip platform: ML design');
    assert.deepEqual(counts.stating, { recommendation: 2, search: 1 });
  });

  it('reads a report\'s advice ("Findings & Recommendations", a bold "Recommendation:" label) as no recommender', () => {
    assert.equal(scenarioOf(MODERATION_REVIEW), 'moderation');
    assert.deepEqual(statementCounts({ lines: [] }, 'Findings & Recommendations: listing moderation v1').title, { moderation: 1 });
    // A title naming what is recommended is a recommender, colon or not.
    assert.deepEqual(statementCounts({ lines: [] }, 'Video recommendations: design review').title, { recommendation: 1 });
  });

  it('reads a title word the introduction never takes up as no statement, when the introduction keeps naming another scenario', () => {
    assert.equal(scenarioOf(CAPSTONE_PROPOSAL), 'moderation');
    assert.equal(analyze(CAPSTONE_PROPOSAL).model.task, 'imbalanced-classification');
  });

  it('keeps a recommender title over the search words of the sections after its introduction', () => {
    assert.equal(scenarioOf(PODCAST_RECOMMENDATIONS), 'recommendation');
  });

  it('reads query autocomplete as search and message completion as generic', () => {
    assert.equal(scenarioOf(QUERY_AUTOCOMPLETE), 'search');
    assert.equal(scenarioOf(SMART_COMPOSE), 'generic');
  });

  it('reads a "complete the look" recommender as recommendation, whatever image retrieval it uses', () => {
    assert.equal(scenarioOf(COMPLETE_THE_LOOK), 'recommendation');
  });

  it('files a loan-default model under fraud, as the labelling guide files credit risk', () => {
    assert.equal(scenarioOf(LOAN_DEFAULT), 'fraud');
    assert.equal(analyze(LOAN_DEFAULT).model.task, 'imbalanced-classification');
  });

  it('does not count what a sentence gives as an example', () => {
    const lines = [
      '# Writing ML design docs',
      '',
      'This guide applies to any ML system; for example, a recommendation system or a fraud model, e.g. for payments.',
      '',
    ];
    const counts = statementCounts({ lines }, '# Writing ML design docs');
    assert.deepEqual(counts.opening, {});
    assert.equal(statedScenario(counts), undefined);
    const blanked = withoutExamples('Rank feeds (e.g. the news feed) well. For instance, fraud; then search.');
    assert.equal(blanked.length, 'Rank feeds (e.g. the news feed) well. For instance, fraud; then search.'.length);
    assert.match(blanked, /^Rank feeds \( +\) well\. +; then search\.$/);
  });

  it('reads "like" before instances as an example, and the verb "like" as prose', () => {
    assert.match(withoutExamples('Start from metrics like log loss for clicks, or MAPE for forecasts.'), /^Start from metrics +\.$/);
    assert.match(withoutExamples('Apps like TikTok rank a feed; we build search.'), /^Apps +; we build search\.$/);
    for (const prose of ['Users like short clips, so we build a recommender.', 'Items you might also like.', 'A TikTok-like feed.'])
      assert.equal(withoutExamples(prose), prose);
    const primer = ['# Course notes', '', 'Pick metrics like log loss and AUC for classifiers, or RMSE and MAPE for demand forecasts.', ''];
    assert.equal(statedScenario(statementCounts({ lines: primer }, '# Course notes')), undefined);
  });
});

describe('scenario: what a goal section says is built', () => {
  it('takes the scenario from a design sentence under the goals when the opening states none', () => {
    assert.equal(scenarioOf(BOOKSHOP_GOALS), 'recommendation');
    assert.equal(analyze(BOOKSHOP_GOALS).model.task, 'ranking');
  });

  it('reads no statement in a design sentence outside the goal, problem and overview sections, nor under an "overview" title', () => {
    assert.ok(BOOKSHOP_METHOD.includes(`## 3. Method\n\n${GOAL_SENTENCE}`) && !BOOKSHOP_METHOD.includes('Expected from'));
    assert.equal(scenarioOf(BOOKSHOP_METHOD), 'generic');
    assert.equal(scenarioOf(BOOKSHOP_METHOD.replace('# ML design doc: Shelfmate', '# Shelfmate: project overview')), 'generic');
  });

  it('a session that edits the goal sentence into another scenario, then out of the goals, agrees with a full analysis', () => {
    const session = createAnalysisSession();
    assert.equal(session.update(BOOKSHOP_GOALS).model.scenario.id, 'recommendation');
    const line = BOOKSHOP_GOALS.split('\n').indexOf(GOAL_SENTENCE);
    const searchEngine = session.applyEdit({
      range: { start: { line, character: 0 }, end: { line, character: '- Develop a recommender that suggests'.length } },
      newText: '- Develop a search engine that finds',
    });
    assert.deepEqual(searchEngine.model, analyze(session.text).model);
    assert.equal(searchEngine.model.scenario.id, 'search');
    const heading = BOOKSHOP_GOALS.split('\n').indexOf('## 1. Goals and background');
    const renamed = session.applyEdit({
      range: { start: { line: heading, character: 0 }, end: { line: heading, character: '## 1. Goals and background'.length } },
      newText: '## 1. Shop and customers',
    });
    assert.deepEqual(renamed.model, analyze(session.text).model);
    assert.deepEqual(renamed.findings, analyze(session.text).findings);
    assert.equal(renamed.model.scenario.id, 'generic');
  });
});
