import assert from 'node:assert/strict';
import { analyze } from '../../src/core';

const businessMetric = (goal: string): { status: string; gap?: string } => {
  const text = [
    '# Alert triage assistant',
    '',
    '## Business goal',
    '',
    goal,
    '',
    '## Model',
    '',
    'A gradient-boosted classifier scores each alert; analysts review the top of the queue.',
    '',
  ].join('\n');
  const element = analyze(text).model.elements.find((candidate) => candidate.id === 'framing.business-metric')!;
  return { status: element.status, ...(element.gap ? { gap: element.gap } : {}) };
};

describe('a business goal is a business metric only with a measure (FRAMEWORK: the outcome that defines success)', () => {
  it('reads a goal with nothing to measure it by as partial, and says so', () => {
    assert.deepEqual(businessMetric('Analysts should reach faster, more consistent and explainable triage decisions.'), {
      status: 'partial',
      gap: 'no-measure',
    });
  });

  it('does not take the numbering of a list for a number', () => {
    assert.deepEqual(
      businessMetric(['1. Reduce the workload of the compliance team.', '2. Improve the consistency of triage decisions.'].join('\n')),
      { status: 'partial', gap: 'no-measure' },
    );
  });

  it('reads a target, a baseline or a quantity named as one as a measure', () => {
    assert.equal(businessMetric('Cut the median time an alert waits for a decision from 2 days to 4 hours.').status, 'present');
    assert.equal(businessMetric('Maximise the number of alerts closed per analyst each week.').status, 'present');
    assert.equal(businessMetric('Lower the share of escalated alerts that turn out benign, tracked weekly.').status, 'present');
  });

  it('leaves a goal the document measures by outcome metrics to them', () => {
    const text = [
      '# Checkout recommendations',
      '',
      '## Business goal',
      '',
      'Help shoppers find add-ons they want.',
      '',
      '## Metrics',
      '',
      '- Online: conversion rate and revenue per session in an A/B test.',
      '',
    ].join('\n');
    const element = analyze(text).model.elements.find((candidate) => candidate.id === 'framing.business-metric')!;
    assert.notEqual(element.gap, 'no-measure');
  });
});
