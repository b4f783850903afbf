// The task of a generic doc: the title's task words decide, else the body's. Retrieval-augmented
// generation retrieves text for a model to answer from and ranks nothing for a user, so its
// "retrieval" is not a ranking cue (LABELLING-GUIDE: assistants and the like are "other"), while a
// recommender's or a search engine's retrieval stage still is. An assistant's title makes its task
// "other" whatever its body ranks; "detection" alone (objects, faces) names no rare class; a
// propensity is a probability.
import assert from 'node:assert/strict';
import { analyze } from '../../src/core';
import { TASK_CUES } from '../../src/core/framework/scenarios';

/** A course assignment on retrieval-augmented generation whose title names the technique. */
const RAG_NOTES = `# Retrieval-Augmented Generation (RAG) for Course Q&A

Students ask questions about the lecture notes; an LLM answers them from passages of the notes.

## Pipeline

The notes are chunked into 300-token passages and embedded with a sentence encoder. For each
question the five most similar passages go into the prompt, and the answer cites them.

## Evaluation

Answer faithfulness and citation accuracy on 120 questions written by the teaching assistants.
`;

/** A house-price estimator: its title names a regression task. */
const HOUSE_PRICES = `# Predicting the price of listed houses

We estimate the sale price of each newly listed house from its size, location and condition so
agents can price listings. A median-price-per-district baseline is what agents use today.

## Model

Gradient-boosted regression trees on 40 features; MAE and MAPE on the last quarter's sales.
`;

/** An HR policy assistant: its body retrieves and re-ranks passages, but it ranks nothing for a user. */
const HR_ASSISTANT = `# HR support assistant for employee questions

Employees ask about leave, benefits and expenses in chat; the assistant answers from the 300-page
HR handbook and links the paragraph it used. Today HR answers 1,200 such tickets a month by hand.

## Retrieval

The handbook is split into 400-token chunks and embedded; hybrid search (BM25 and dense vectors)
returns 20 chunks, a cross-encoder re-ranks them, and the top 5 go into the prompt. Ranking quality
is checked with recall@5 of the chunk HR marked as the answer.

## Serving

Answers stream in under 3 seconds at p95; questions about pay are routed to a person.
`;

/** A vision doc: "detection" names the task of finding objects, not a rare class to catch. */
const OBJECT_DETECTION = `# Shelf product detection for store audits

Field auditors photograph supermarket shelves; the system finds each product facing in the photo
and names its SKU, so auditors stop counting facings by hand.

## Model

A YOLO detector trained on 40,000 annotated shelf photos draws a box around each facing; an
embedding classifier then assigns one of 8,000 SKUs. Detection quality is mAP@0.5 on held-out
stores; SKU naming is top-1 accuracy per box.
`;

/** A marketing propensity model: the probability that a customer buys, used to rank who gets an offer. */
const PROPENSITY = `# Purchase propensity scoring for the spring campaign

Marketing emails an offer to 200k of its 3M customers; we score each customer's probability of
buying within 14 days so the budget goes to the most likely buyers.

## Model and evaluation

Gradient-boosted trees on 90 days of browsing and order history; ROC-AUC on the last campaign and a
calibration plot, since the scores set the expected revenue per email.
`;

/** A short churn brief: two mentions in 150 words are what the brief is about. */
const CHURN_BRIEF = `# Subscriber retention model

A streaming service loses 4% of its subscribers a month. We want to predict churn 30 days ahead so
the retention team can call the subscribers most at risk; fewer than one in twenty cancels in a
month, so churn prediction is judged by recall at a fixed call budget.
`;

describe('task of a generic doc', () => {
  it('takes the task a short body keeps naming', () => {
    assert.equal(analyze(CHURN_BRIEF).model.task, 'imbalanced-classification');
  });

  it('reads the Russian words for anomalies and fraud as an imbalanced task, as the English ones', () => {
    assert.equal('детекция аномалий и мошенничества'.match(TASK_CUES['imbalanced-classification'])?.length, 2);
  });

  it('reads an assistant as "other", whatever retrieval and ranking its body describes', () => {
    const { model } = analyze(HR_ASSISTANT);
    assert.equal(model.scenario.id, 'generic');
    assert.equal(model.task, 'other');
  });

  it('does not read object detection as imbalanced classification', () => {
    const { model } = analyze(OBJECT_DETECTION);
    assert.equal(model.scenario.id, 'generic');
    assert.equal(model.task, 'other');
  });

  it('reads a propensity model as probability estimation', () => {
    const { model } = analyze(PROPENSITY);
    assert.equal(model.scenario.id, 'generic');
    assert.equal(model.task, 'probability-estimation');
  });

  it('does not read retrieval-augmented generation as a ranking task', () => {
    const { model } = analyze(RAG_NOTES);
    assert.equal(model.scenario.id, 'generic');
    assert.equal(model.task, 'other');
  });

  it('still counts a retrieval stage as a ranking cue', () => {
    assert.equal('Candidate retrieval returns 500 items; a ranker orders them.'.match(TASK_CUES.ranking)?.length, 2);
    assert.equal('retrieval-augmented generation, retrieval augmented answers'.match(TASK_CUES.ranking), null);
  });

  it('takes the task the title names', () => {
    assert.equal(analyze(HOUSE_PRICES).model.task, 'regression');
  });

  it('reads a Russian title that predicts a duration as regression, while "прогноз" alone names no task', () => {
    const durations = [
      '# Дизайн ML-системы: предсказание времени доставки заказов',
      '',
      'Курьерский сервис обещает клиенту время доставки при оформлении заказа. Сейчас это среднее по району,',
      'и в часы пик опоздания доходят до 20 минут.',
      '',
      '## Данные',
      '',
      'Полгода заказов с фактическим временем доставки, погодой и загрузкой курьеров.',
      '',
    ].join('\n');
    assert.equal(analyze(durations).model.task, 'regression');
    assert.equal('прогноз оттока клиентов'.match(TASK_CUES.regression), null);
    assert.equal('прогноз спроса на неделю вперёд'.match(TASK_CUES.regression)?.length, 1);
  });

  it('reads a quantity named before "prediction" or "estimation" as regression, as after "predict"', () => {
    const salaries = [
      '# Resume-based salary prediction for job seekers',
      '',
      'Job seekers upload a resume and see the salary range similar profiles are offered, so they can',
      'negotiate; today they rely on anonymous survey sites.',
      '',
      '## Model',
      '',
      'Gradient-boosted trees on skills, seniority and city; MAE in dollars on last year’s offers.',
      '',
    ].join('\n');
    assert.equal(analyze(salaries).model.task, 'regression');
    assert.equal('delivery time estimation at checkout'.match(TASK_CUES.regression)?.length, 1);
    assert.equal('churn prediction'.match(TASK_CUES.regression), null);
  });

  it('does not count the writer\'s advice ("we recommend") as a ranking cue', () => {
    const advised = [
      '# Warehouse picking-time model',
      '',
      'Supervisors plan shifts without knowing how long an order takes to pick.',
      '',
      '## Rollout',
      '',
      'We recommend a shadow week first. We recommend reviewing the largest misses with the pickers.',
      '',
    ].join('\n');
    assert.equal(analyze(advised).model.task, 'other');
    assert.equal(analyze(advised.replace('We recommend a shadow week first.', 'It ranks and recommends orders.')).model.task, 'ranking');
  });

  it('does not read a logistic regression (a classifier) or a regression test as a regression task', () => {
    const documents = [
      '# Invoice intake pipeline',
      '',
      'Scanned documents are sorted into four types before fields are extracted.',
      '',
      '## Model',
      '',
      'A TF-IDF and logistic regression document-type classifier; a softmax regression was slower.',
      'Regression tests in CI replay 200 labelled documents on every change.',
      '',
    ].join('\n');
    assert.equal(analyze(documents).model.task, 'other');
    assert.equal('a linear regression on delivery distance'.match(TASK_CUES.regression)?.length, 1);
  });
});
