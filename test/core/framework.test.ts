import assert from 'node:assert/strict';
import { analyze, ELEMENT_IDS, renderElementSkeleton } from '../../src/core';
import { analyzeFacts } from '../../src/core/analyze';
import { ELEMENTS, PARTS } from '../../src/core/framework/elements';
import { metricFit, METRICS, PREFERRED_METRICS } from '../../src/core/framework/metrics';
import { normalizeHeading } from '../../src/core/framework/patterns';
import { CHECKLIST_ITEMS, SCENARIOS } from '../../src/core/framework/scenarios';
import { TASK_TYPES } from '../../src/core/types';

describe('framework data', () => {
  it('lists the 18 elements in template order, each in a known part', () => {
    assert.deepEqual(
      ELEMENTS.map((element) => element.id),
      [...ELEMENT_IDS],
    );
    const parts = new Set(PARTS.map((part) => part.id));
    for (const element of ELEMENTS) assert.ok(parts.has(element.part), element.id);
  });

  it('the interview minutes of the parts add up to 45', () => {
    assert.equal(
      PARTS.reduce((sum, part) => sum + part.interviewMinutes, 0),
      45,
    );
  });

  it('has 4 scenarios with 14 checklist items in total, IDs like "fraud/real-time"', () => {
    assert.deepEqual(
      SCENARIOS.map((scenario) => scenario.id),
      ['recommendation', 'fraud', 'search', 'moderation'],
    );
    assert.equal(CHECKLIST_ITEMS.length, 14);
    for (const item of CHECKLIST_ITEMS) assert.match(item.id, /^(recommendation|fraud|search|moderation)\/[a-z-]+$/);
    for (const item of CHECKLIST_ITEMS) assert.ok(item.headings.test(normalizeHeading(item.title)), `${item.id} title does not name it`);
  });

  for (const element of ELEMENTS) {
    it(`the skeleton heading of ${element.id} names that element and no other`, () => {
      const text = `---\nmlsd: true\n---\n# Doc\n\n${renderElementSkeleton(element.id, 2)}`;
      const facts = analyzeFacts(text, {});
      const section = facts.sections.find((candidate) => candidate.title === element.title)!;
      assert.deepEqual(
        [...section.elements].filter(([, strength]) => strength === 'specific').map(([id]) => id),
        [element.id],
      );
    });
  }

  it('every preferred replacement metric exists and fits its task', () => {
    const names = new Set(METRICS.map((metric) => metric.name));
    for (const task of TASK_TYPES) {
      for (const name of PREFERRED_METRICS[task]) {
        assert.ok(names.has(name), name);
        assert.equal(metricFit(name, task), 'fits', `${name} for ${task}`);
      }
    }
  });

  it('matches headings in many wordings', () => {
    const cases: [string, string][] = [
      ['Clarifying requirements', 'framing.constraints'],
      ['Success criteria', 'framing.business-metric'],
      ['Offline metrics', 'evaluation.offline'],
      ['Prediction Service', 'serving.architecture'],
      ['1. Problem Formulation', 'framing.business-metric'],
      ['8. Online Testing and Deployment', 'serving.rollout'],
      ['Scaling, Monitoring, and Updates', 'serving.monitoring'],
      ['🧠 Model Architecture', 'model.selection'],
      ['Мониторинг', 'serving.monitoring'],
    ];
    for (const [title, id] of cases) {
      const facts = analyzeFacts(`---\nmlsd: true\n---\n## ${title}\n\nText.\n`, {});
      assert.ok(facts.sections[0]!.elements.has(id as never), `${title} → ${id}`);
    }
  });

  it('every metric has a one-line description for hovers', () => {
    for (const metric of METRICS) assert.match(metric.description, /^[A-Z].*\.$/);
    assert.equal(analyze('').model.metrics.length, 0);
  });
});
