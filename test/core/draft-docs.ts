// Two realistic drafts of one design doc (a recipe app's home feed), for tests that compare a
// document before and after an authoring action: a first draft that misses half the framework and
// a nearly complete one that only lacks trade-offs.

/** A first draft: score 40, ten elements missing or partial, both checklist items missing. */
export const RECIPE_DRAFT = `---
scenario: recommendation
---
# Home feed recommendations for a recipe app

## Summary

The recipe app shows a home feed of recipes, sorted today by popularity over the last seven days,
so every user sees the same twenty recipes. We want a personalised feed that keeps people cooking.

## Data sources

Training data comes from the app's event logs (impressions, opens, saves, cook-mode starts) and the
recipe catalogue in Postgres. Labels are cook-mode starts within 24 hours of an impression.

## Features

User features: cuisines cooked in the last 30 days, diet flags, time of day. Recipe features:
ingredients, cooking time, popularity over the last week.

## Model

The ranker is a gradient-boosted tree model (LightGBM) with a lambdarank objective, trained daily
on 60 days of sessions with a time-based validation split.

## Evaluation

Offline: NDCG@10 on the last week of sessions, against the popularity ordering.

## Serving

The ranker runs in a Python service behind the feed API and scores the candidates of each request.
`;

/** A nearly complete doc: score 94, scaling partial and no trade-offs. */
export const RECIPE_FULL = `---
scenario: recommendation
---
# Home feed recommendations for a recipe app

## Problem framing

The recipe app shows a home feed of recipes. Today the feed is sorted by popularity over the last
seven days, which shows every user the same twenty recipes. We want a personalised feed.

Business goal: increase weekly cooking sessions per active user by 5% and improve 30-day retention.

## Model metric

We optimise NDCG@10 on held-out sessions as a proxy for cooking sessions, because a recipe opened
from the top of the feed is the strongest predictor of a session.

## Constraints

The feed must render within 150 ms at p99 for 2 million daily active users, with online prediction
on each feed request.

## Data sources

Training data comes from the app's event logs (impressions, opens, saves, cook-mode starts) and the
recipe catalogue in Postgres. Labels are cook-mode starts within 24 hours of an impression.

## Data ingestion

Events stream through Kafka into the warehouse every hour; a nightly Airflow job builds the
training tables.

## Data quality

We drop bot sessions, deduplicate repeated impressions, and check label delay: cook-mode events can
arrive up to a day late, so the last day is excluded from training.

## Features

User features: cuisines cooked in the last 30 days, diet flags, time of day. Recipe features:
ingredients, cooking time, popularity over the last week. Cross features: user-cuisine affinity.

New users have no history yet: until they have opened ten recipes they see the popular recipes that
fit the diet flags they pick at sign-up. New recipes get an exploration slot in the top twenty for
their first week, so they collect opens before the ranker has to judge them.

## Feature pipeline

Batch features are computed nightly in Spark and pushed to a Redis feature store; the time-of-day
feature is computed at request time.

## Candidate retrieval and ranking

A two-tower model retrieves 500 candidates with approximate nearest neighbours from a FAISS index,
then a ranker orders them.

## Baseline model

A logistic regression on the same features with popularity as a feature is the first baseline.

## Model

The ranker is a gradient-boosted tree model (LightGBM) with a lambdarank objective, chosen over a
deep model because the features are tabular and it trains in minutes.

## Training

The model is retrained daily on a sliding window of 60 days of sessions, with a time-based split
for validation.

## Evaluation

Offline: NDCG@10 and recall@100 on the last week of sessions, against the popularity baseline.
Online: an A/B test on weekly cooking sessions per user.

## Serving

The ranker runs in a Python service behind the feed API; the two-tower index is rebuilt nightly.

## Monitoring

We monitor feature drift with PSI on the top 20 features, the live open rate, and alert the
on-call when the open rate drops 10% below last week.
`;
