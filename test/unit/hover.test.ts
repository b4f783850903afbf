import assert from 'node:assert/strict';
import { headingAt, hoverAt, metricHover } from '../../src/vscode/authoring/hoverContent';
import { ELEMENTS } from '../../src/core/framework/elements';
import { metricSpec } from '../../src/core/framework/metrics';
import { mention, modelWith, section } from './model-fixture';
import { analyze } from '../../src/core';
import { RECIPE_DRAFT, RECIPE_FULL } from '../core/draft-docs';

// Expected texts quote the data, so a reworded expectation does not break these tests.
const expectation = (id: string) => ELEMENTS.find((element) => element.id === id)!.expectation;
const description = (name: string) => metricSpec(name)!.description;

describe('hover content', () => {
  it('explains a metric, the tasks it fits and whether it fits this doc', () => {
    assert.equal(
      metricHover('NDCG@k', 'ranking'),
      [`**NDCG@k**: ${description('NDCG@k')}`, "Fits this doc's task (ranking)."].join('\n\n'),
    );
    assert.equal(
      metricHover('ROC-AUC', 'imbalanced-classification'),
      [
        `**ROC-AUC**: ${description('ROC-AUC')}`,
        'Fits: probability-estimation.  \nMisaligned as the headline metric for: ranking, regression.',
        "Does not fit this doc's task (imbalanced-classification) on its own: pair it with a metric that does.",
      ].join('\n\n'),
    );
    assert.equal(metricHover('CTR', 'other'), `**CTR**: ${description('CTR')}\n\nTypical role: online. Not tied to one task type.`);
    assert.equal(metricHover('Not a metric', 'ranking'), undefined);
    // Fit is said once: the doc's task in its own sentence, other tasks in the general lines.
    assert.equal(
      metricHover('Precision', 'imbalanced-classification'),
      `**Precision**: ${description('Precision')}\n\nFits: ranking.\n\nFits this doc's task (imbalanced-classification).`,
    );
    assert.equal(
      metricHover('Precision', 'other'),
      `**Precision**: ${description('Precision')}\n\nFits: imbalanced-classification, ranking.`,
    );
  });

  it('hovers a metric mention over exactly its range', () => {
    const model = modelWith({}, [mention('Accuracy', 'offline', 4, 10)], { task: 'imbalanced-classification' });
    const hover = hoverAt(model, { line: 4, character: 12 });
    assert.deepEqual(hover?.range, { start: { line: 4, character: 10 }, end: { line: 4, character: 18 } });
    assert.match(hover?.markdown ?? '', /Does not fit this doc's task \(imbalanced-classification\)\.$/);
    assert.equal(hoverAt(model, { line: 4, character: 9 }), undefined);
  });

  it('says what an element heading must contain and its status, found through the evidence', () => {
    const heading = section('What we measure', 2, 3, 8);
    const model = modelWith({ 'framing.business-metric': 'partial' }, [], { sections: [heading] });
    model.elements[0]!.evidence = heading.headingRange;
    const hover = hoverAt(model, { line: 3, character: 5 });
    assert.equal(
      hover?.markdown,
      '**Business metric** (`framing.business-metric`)  \n' +
        `Must contain: ${expectation('framing.business-metric')}.  \n` +
        'In this doc: partial.',
    );
    assert.deepEqual(hover?.range, heading.headingRange);
  });

  it('recognises an element heading by its wording when the analysis found no evidence there', () => {
    const heading = section('2.1 Latency and constraints', 3, 6, 9);
    const model = modelWith({}, [], { sections: [section('Problem', 2, 0, 12, [heading])] });
    assert.match(hoverAt(model, { line: 6, character: 4 })?.markdown ?? '', /^\*\*Constraints\*\* \(`framing\.constraints`\)/);
  });

  it("lists a part heading's elements with their status", () => {
    const model = modelWith({ 'data.sources': 'present' }, [], { sections: [section('Data pipeline', 2, 0, 10)] });
    assert.equal(
      hoverAt(model, { line: 0, character: 3 })?.markdown.split('\n').slice(0, 3).join('\n'),
      '**Data pipeline**: this part must cover\n' +
        `- Data sources (present): ${expectation('data.sources')}\n` +
        `- Data ingestion (missing): ${expectation('data.ingestion')}`,
    );
  });

  it("shows a scenario item's expectation on its heading", () => {
    const model = modelWith({}, [], {
      sections: [section('Cold start', 3, 2, 5)],
      scenario: { id: 'recommendation', source: 'frontmatter' },
    });
    assert.match(
      hoverAt(model, { line: 2, character: 0 })?.markdown ?? '',
      /^\*\*Cold start\*\* \(`recommendation\/cold-start`\) {2}\nMust contain: how new users and new items are served/,
    );
  });

  it('falls back to the part a heading names in other words', () => {
    const model = modelWith({}, [], { sections: [section('Production', 2, 0, 3)] });
    assert.match(
      hoverAt(model, { line: 0, character: 2 })?.markdown ?? '',
      /^\*\*Serving & scaling\*\*: this part must cover\n- Serving architecture \(missing\)/,
    );
  });

  it('has nothing to say about other headings or body text', () => {
    const model = modelWith({}, [], { sections: [section('Appendix: glossary', 2, 0, 4)] });
    assert.equal(hoverAt(model, { line: 0, character: 2 }), undefined);
    assert.equal(hoverAt(model, { line: 2, character: 2 }), undefined);
  });

  it('finds nested headings by line', () => {
    const inner = section('Inner', 3, 4, 6);
    const outer = section('Outer', 2, 1, 9, [inner]);
    assert.equal(headingAt([outer], 1), outer);
    assert.equal(headingAt([outer], 4), inner);
    assert.equal(headingAt([outer], 5), undefined);
  });
});

describe('hover content on analysed docs', () => {
  const lineOf = (text: string, line: string) => text.split('\n').indexOf(line);

  it('names the moderation metric the doc wrote, not another one it relates to', () => {
    const text = `${RECIPE_FULL}\n## Online metrics\n\nWe track the proactive rate and harmful impressions per million views.\n`;
    const { model } = analyze(text);
    const line = lineOf(text, 'We track the proactive rate and harmful impressions per million views.');
    const proactive = hoverAt(model, { line, character: 15 });
    const harmful = hoverAt(model, { line, character: 40 });
    assert.deepEqual(proactive?.range, { start: { line, character: 13 }, end: { line, character: 27 } });
    assert.ok(proactive?.markdown.startsWith(`**Proactive rate**: ${description('Proactive rate')}`), proactive?.markdown);
    assert.deepEqual(harmful?.range, { start: { line, character: 32 }, end: { line, character: 51 } });
    assert.ok(harmful?.markdown.startsWith(`**Harmful impressions**: ${description('Harmful impressions')}`), harmful?.markdown);
  });

  it("does not judge the plain word for a quality against the doc's task", () => {
    const plainLine = 'Fresher recipe embeddings improve retrieval accuracy for new users.';
    const text = `${RECIPE_FULL}\n## Notes\n\n${plainLine}\n`;
    const { model } = analyze(text);
    assert.equal(model.task, 'ranking');
    const line = lineOf(text, plainLine);
    const hover = hoverAt(model, { line, character: plainLine.indexOf('accuracy') + 2 });
    assert.ok(hover?.markdown.startsWith(`**Accuracy**: ${description('Accuracy')}`), hover?.markdown);
    assert.doesNotMatch(hover?.markdown ?? '', /this doc's task \(ranking\)\.$/);
    assert.match(hover?.markdown ?? '', /plain word for a quality/);
    // The same word reported with a value is the metric, judged against the task.
    const valuedLine = 'Offline, retrieval accuracy is 92% on the held-out week.';
    const valuedText = `${RECIPE_FULL}\n## Notes\n\n${valuedLine}\n`;
    const valued = hoverAt(analyze(valuedText).model, {
      line: lineOf(valuedText, valuedLine),
      character: valuedLine.indexOf('accuracy') + 2,
    });
    assert.match(valued?.markdown ?? '', /Does not fit this doc's task \(ranking\)/);
  });

  it('gives a whole-document heading such as Summary no part checklist', () => {
    const { model } = analyze(RECIPE_DRAFT);
    assert.equal(hoverAt(model, { line: lineOf(RECIPE_DRAFT, '## Summary'), character: 4 }), undefined);
  });

  it('claims no rollout for a "PM Strategy" heading that holds none of it', () => {
    const text = RECIPE_FULL.replace(
      '## Monitoring',
      '## PM Strategy\n\nWe will agree with the product team which recipes to promote on holidays.\n\n## Monitoring',
    );
    const { model } = analyze(text);
    assert.equal(hoverAt(model, { line: lineOf(text, '## PM Strategy'), character: 5 }), undefined);
    // Rollout stays judged by what the doc says (the A/B test in the evaluation), not by that heading.
    assert.equal(
      model.elements.find((element) => element.id === 'serving.rollout')?.evidence?.start.line,
      lineOf(text, 'Online: an A/B test on weekly cooking sessions per user.'),
    );
  });

  it('says what a partial element still lacks', () => {
    const text = RECIPE_FULL.replace('within 24 hours of an impression', 'on the day of an impression').replace(
      'The feed must render within 150 ms at p99 for 2 million daily active users, with online prediction\non each feed request.',
      'Latency matters: the feed must feel instant for 2 million daily active users, with online prediction\non each feed request.',
    );
    const { model } = analyze(text);
    const hover = hoverAt(model, { line: lineOf(text, '## Constraints'), character: 4 });
    assert.equal(
      hover?.markdown,
      `**Constraints** (\`framing.constraints\`)  \nMust contain: ${expectation('framing.constraints')}.  \nIn this doc: partial: no number with a unit.`,
    );
  });
});
