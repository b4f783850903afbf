import assert from 'node:assert/strict';
import { analyze, renderTemplate, SCENARIO_IDS } from '../../src/core';
import { ELEMENTS } from '../../src/core/framework/elements';
import { scenarioSpec } from '../../src/core/framework/scenarios';
import { doc } from './docs';

describe('templates', () => {
  for (const scenario of SCENARIO_IDS) {
    for (const kind of ['design-doc', 'interview'] as const) {
      it(`a fresh ${scenario} ${kind} template yields only residue findings`, () => {
        const text = renderTemplate(scenario, kind);
        const { model, findings } = analyze(text);
        assert.equal(model.isDesignDoc, true);
        assert.deepEqual(model.scenario, { id: scenario, source: 'frontmatter' });
        assert.deepEqual(
          findings.filter((finding) => finding.ruleId !== 'template-residue').map((finding) => finding.ruleId),
          [],
        );
        assert.deepEqual(
          model.elements.map((element) => element.status),
          ELEMENTS.map(() => 'partial'),
        );
        assert.deepEqual(
          model.scenarioItems.map((item) => item.status),
          (scenarioSpec(scenario)?.items ?? []).map(() => 'partial'),
        );
        // One residue finding per element section and per checklist item.
        assert.equal(findings.length, ELEMENTS.length + (scenarioSpec(scenario)?.items.length ?? 0));
      });
    }
  }

  it('declares the scenario in front matter and puts every element in template order', () => {
    const text = renderTemplate('fraud');
    assert.ok(text.startsWith('---\nscenario: fraud\n---\n\n# Fraud detection system design\n'));
    const headings = text
      .split('\n')
      .filter((line) => line.startsWith('### '))
      .map((line) => line.slice(4));
    assert.deepEqual(
      headings.slice(0, 17),
      ELEMENTS.slice(0, 17).map((element) => element.title),
    );
    assert.ok(text.includes('## Trade-offs\n'));
    assert.ok(text.includes('## Fraud detection checklist\n\n### Real-time scoring\n'));
  });

  it("offers model metric examples that fit the scenario's task, in templates and in inserted sections", () => {
    const prompt = (text: string) => text.split('\n').find((line) => line.includes('Which model metric'));
    assert.equal(
      prompt(renderTemplate('fraud')),
      '- TODO: Which model metric drives the business metric (e.g. recall at a precision floor, PR-AUC)?',
    );
    assert.equal(prompt(renderTemplate('search')), '- TODO: Which model metric drives the business metric (e.g. NDCG@10, Recall@100)?');
    assert.equal(
      prompt(renderTemplate('generic')),
      '- TODO: Which model metric drives the business metric (e.g. recall at a precision floor, NDCG@10)?',
    );
    // A ranking doc with no model metric: the fix that inserts the section offers ranking examples.
    const ranking = analyze(doc({ modelMetric: '', evaluation: '' }));
    assert.equal(ranking.model.task, 'ranking');
    const insert = ranking.findings.find((finding) => finding.ruleId === 'metric-chain')!.fixes[0]!;
    assert.match(insert.edits[0]!.newText, /e\.g\. NDCG@10, Recall@100\)/);
  });

  it('the interview variant gives each part its minutes in a 45-minute interview', () => {
    const text = renderTemplate('generic', 'interview');
    assert.ok(text.includes('# ML system design (45-minute interview)'));
    assert.ok(text.includes('## Problem framing & success (~8 min)'));
    assert.ok(text.includes('## Serving & scaling (~6 min)'));
  });
});
