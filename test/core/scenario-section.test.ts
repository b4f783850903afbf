import assert from 'node:assert/strict';
import { analyze, applyEdits } from '../../src/core';
import { scenarioSpec } from '../../src/core/framework/scenarios';
import { scenarioSectionInsertion } from '../../src/core/scenario-section';
import { renderChecklistSkeleton } from '../../src/core/templates';
import { RECIPE_DRAFT, RECIPE_FULL } from './draft-docs';

const RETRIEVAL =
  '## Candidate retrieval and ranking\n\nA two-tower model retrieves 500 candidates with approximate nearest neighbours, then the ranker orders them.\n';
const items = (scenario: 'recommendation' | 'fraud', ...titles: string[]) =>
  scenarioSpec(scenario)!.items.filter((item) => titles.length === 0 || titles.includes(item.title));

describe('"Insert scenario section" for a checklist', () => {
  it('inserts only the items the doc does not cover, after the rest of the doc, a blank line apart', () => {
    const text = RECIPE_DRAFT.replace('## Model\n', `${RETRIEVAL}\n## Model\n`);
    const before = analyze(text);
    assert.deepEqual(
      before.model.scenarioItems.map((item) => [item.id, item.status]),
      [
        ['recommendation/two-stage', 'present'],
        ['recommendation/cold-start', 'missing'],
      ],
    );
    const edit = scenarioSectionInsertion(text, 'recommendation')!;
    const lines = text.split('\n');
    // The doc ends with a newline: the section goes on its last (empty) line, after a blank one.
    assert.deepEqual(edit, {
      range: { start: { line: lines.length - 1, character: 0 }, end: { line: lines.length - 1, character: 0 } },
      newText: `\n${renderChecklistSkeleton('recommendation', items('recommendation', 'Cold start'), 2)}`,
    });
    const after = analyze(applyEdits(text, [edit]));
    assert.equal(after.model.scenarioItems.find((item) => item.id === 'recommendation/two-stage')?.status, 'present');
    assert.ok(after.model.score <= before.model.score);
    assert.equal(
      applyEdits(text, [edit])
        .split('\n')
        .slice(lines.length - 2, lines.length + 2)
        .join('\n'),
      'The ranker runs in a Python service behind the feed API and scores the candidates of each request.\n\n## Recommendation checklist\n',
    );
  });

  it('inserts nothing when every item is covered', () => {
    assert.deepEqual(
      analyze(RECIPE_FULL).model.scenarioItems.map((item) => item.status),
      ['present', 'present'],
    );
    assert.equal(scenarioSectionInsertion(RECIPE_FULL, 'recommendation'), undefined);
  });

  it("judges the items of another scenario than the doc's own", () => {
    // The feed is scored online within 150 ms: that covers real-time scoring, whatever the scenario.
    const edit = scenarioSectionInsertion(RECIPE_FULL, 'fraud');
    assert.equal(
      edit?.newText,
      `\n${renderChecklistSkeleton('fraud', items('fraud', 'Class imbalance', 'Rules layer', 'False positives vs false negatives'), 2)}`,
    );
  });
});
