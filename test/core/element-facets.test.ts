import assert from 'node:assert/strict';
import { analyze } from '../../src/core';

/** The status of `id` in a news-feed ranking doc whose section under `heading` says `content`. */
const elementIn = (id: string, heading: string, content: string): { status: string; gap?: string } => {
  const text = [
    '# News feed ranking',
    '',
    '## Model',
    '',
    'A two-tower retriever feeds 500 candidates to a GBDT ranker trained on 30 days of impressions.',
    '',
    `## ${heading}`,
    '',
    content,
    '',
  ].join('\n');
  const element = analyze(text).model.elements.find((candidate) => candidate.id === id)!;
  return { status: element.status, ...(element.gap ? { gap: element.gap } : {}) };
};
const rolloutOf = (rollout: string, heading = 'Deployment'): { status: string; gap?: string } =>
  elementIn('serving.rollout', heading, rollout);
const monitoringOf = (monitoring: string): { status: string; gap?: string } => elementIn('serving.monitoring', 'Monitoring', monitoring);

describe('an element whose framework expectation has parts is present with two of them, or one said with how', () => {
  it('reads an A/B test named alone as partial, and says what it lacks', () => {
    assert.deepEqual(rolloutOf('- A/B testing of every new ranker against the production one'), {
      status: 'partial',
      gap: 'one-rollout-step',
    });
    assert.deepEqual(rolloutOf('We will A/B test the new ranker against production before switching over.'), {
      status: 'partial',
      gap: 'one-rollout-step',
    });
  });

  it('reads two of the parts, or an experiment stated with how it runs, as a plan', () => {
    assert.equal(rolloutOf('A 5% canary for a week; every model is versioned in the registry.').status, 'present');
    assert.equal(rolloutOf('Shadow mode first, then an A/B test; roll back to the previous model if CTR drops.').status, 'present');
    assert.equal(rolloutOf('A/B test on 10% of users for two weeks, primary metric dwell time.').status, 'present');
    assert.equal(rolloutOf('A/B test randomised by user,\nshipped only when dwell time rises with guardrails held.').status, 'present');
  });

  it('leaves a rollout the doc never mentions missing, and a template prompt to template residue', () => {
    assert.equal(rolloutOf('The ranker reads features from the online store.', 'Serving').status, 'missing');
    // A skeleton's prompts name every part of a plan; they are template residue, not a plan.
    const skeleton = rolloutOf(
      '- TODO: A/B test or canary: what traffic share, which success metric, how long?\n- TODO: How are models versioned, and how do you roll back?',
    );
    assert.equal(skeleton.status, 'partial');
    assert.notEqual(skeleton.gap, 'one-rollout-step');
  });

  it('reads one monitored signal named in passing as partial (FRAMEWORK: drift, live performance, logging, alerts)', () => {
    assert.deepEqual(monitoringOf('We will monitor the model in production.'), { status: 'partial', gap: 'one-monitoring-signal' });
    assert.equal(monitoringOf('We track feature drift and alert the on-call when the daily CTR falls.').status, 'present');
    assert.equal(monitoringOf('Feature drift is checked daily; a PSI above 0.2 on any input pages the team.').status, 'present');
  });
});
