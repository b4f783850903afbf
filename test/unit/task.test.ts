// The task of a generic doc: the title's task words decide, else the body's. Retrieval-augmented
// generation retrieves text for a model to answer from and ranks nothing for a user, so its
// "retrieval" is not a ranking cue (LABELLING-GUIDE: assistants and the like are "other"), while a
// recommender's or a search engine's retrieval stage still is.
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

describe('task of a generic doc', () => {
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
});
