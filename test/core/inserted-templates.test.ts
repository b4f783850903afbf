// Inserting a skeleton, a snippet left unfilled or a fix-all of skeletons writes template text, not
// content: no element or checklist item may rise above partial because of it, and the score never rises.
import assert from 'node:assert/strict';
import { analyze, applyEdits, fixUntilStable, type AnalysisResult, type CoverageStatus } from '../../src/core';
import { buildSnippets } from '../../src/core/snippets';
import { renderElementSkeleton } from '../../src/core/templates';
import { RECIPE_DRAFT, RECIPE_FULL } from './draft-docs';

/** What a snippet inserts when every tab stop keeps its default (first choice, placeholder text). */
function expand(body: string): string {
  return body
    .replace(/\$\{\d+\|((?:[^,|\\]|\\.)*)[,|](?:[^}\\]|\\.)*\}/g, '$1')
    .replace(/\$\{\d+:((?:[^}\\]|\\.)*)\}/g, '$1')
    .replace(/\\(.)/g, '$1');
}

/** Status of every element and checklist item by ID. */
function statuses(result: AnalysisResult): Map<string, CoverageStatus> {
  return new Map([...result.model.elements, ...result.model.scenarioItems].map((coverage) => [coverage.id, coverage.status]));
}

/** The IDs that are present after an insertion but were not before. */
function raisedToPresent(before: AnalysisResult, after: AnalysisResult): string[] {
  const was = statuses(before);
  return [...statuses(after)].filter(([id, status]) => status === 'present' && was.get(id) !== 'present').map(([id]) => id);
}

/** `block` as its own paragraph just before the line that starts with `beforeLine`, or at the end. */
function insertBlock(text: string, block: string, beforeLine?: string): string {
  if (beforeLine === undefined) return `${text.replace(/\n*$/, '\n\n')}${block.replace(/\n*$/, '\n')}`;
  const at = text.indexOf(`\n${beforeLine}\n`);
  assert.ok(at >= 0, beforeLine);
  return `${text.slice(0, at + 1)}${block.replace(/\n*$/, '\n')}\n${text.slice(at + 1)}`;
}

const snippets = buildSnippets();
const tradeoffTable = expand(snippets.find((snippet) => snippet.prefix === 'mlsd-tradeoff-table')!.body);

describe('inserted templates are residue, never content', () => {
  const draft = analyze(RECIPE_DRAFT);
  const full = analyze(RECIPE_FULL);

  it('starts from two realistic drafts with known scores', () => {
    // The full draft's rollout is one A/B test named in passing: partial, and with its partial
    // scaling a production gap.
    assert.deepEqual([draft.model.score, full.model.score], [40, 87]);
    assert.deepEqual(
      draft.model.elements.filter((element) => element.status !== 'present').map((element) => `${element.id} ${element.status}`),
      [
        'framing.business-metric missing',
        'framing.model-metric partial',
        'framing.baseline missing',
        'data.ingestion partial',
        'data.quality missing',
        'features.computation missing',
        'serving.rollout missing',
        'serving.monitoring missing',
        'serving.scaling missing',
        'tradeoffs missing',
      ],
    );
  });

  for (const [name, before, text] of [
    ['first draft', draft, RECIPE_DRAFT],
    ['nearly complete doc', full, RECIPE_FULL],
  ] as const) {
    it(`every snippet left unfilled, at the end or between two sections of the ${name}, raises nothing`, () => {
      for (const snippet of snippets) {
        for (const place of [undefined, '## Serving']) {
          const after = analyze(insertBlock(text, expand(snippet.body), place));
          const where = `${snippet.prefix} ${place ?? 'at the end'}`;
          assert.deepEqual(raisedToPresent(before, after), [], where);
          assert.ok(after.model.score <= before.model.score, `${where}: ${before.model.score} → ${after.model.score}`);
        }
      }
    });

    it(`every skeleton a quick fix inserts into the ${name}, and fix-all, raise nothing`, () => {
      for (const finding of before.findings) {
        for (const fix of finding.fixes.filter((candidate) => candidate.isPreferred)) {
          const after = analyze(applyEdits(text, fix.edits));
          assert.deepEqual(raisedToPresent(before, after), [], `${finding.ruleId}: ${fix.title}`);
          assert.ok(after.model.score <= before.model.score, `${finding.ruleId}: ${before.model.score} → ${after.model.score}`);
        }
      }
      const fixed = fixUntilStable(text, (current) => analyze(current)).result;
      assert.deepEqual(raisedToPresent(before, fixed), []);
      assert.ok(fixed.model.score <= before.model.score, `${before.model.score} → ${fixed.model.score}`);
    });
  }

  it("a skeleton for a concept the draft already mentions in passing keeps that mention's credit", () => {
    const ingestion = (result: AnalysisResult) => result.model.elements.find((element) => element.id === 'data.ingestion')!;
    assert.deepEqual([ingestion(draft).status, ingestion(draft).gap, draft.model.templateResidue], ['partial', 'passing-mention', false]);
    const after = analyze(insertBlock(RECIPE_DRAFT, renderElementSkeleton('data.ingestion', 2)));
    assert.deepEqual([ingestion(after).status, ingestion(after).gap], ['partial', 'only-placeholder']);
    // Only the residue's own 3 points go: the passing mention still earns its half.
    assert.equal(after.model.score, draft.model.score - 3);
  });

  it('fix-all on the first draft leaves each inserted element partial, for want of anything but TODOs', () => {
    const fixed = fixUntilStable(RECIPE_DRAFT, (current) => analyze(current)).result;
    assert.equal(fixed.model.score, 37);
    const inserted = [
      'framing.business-metric',
      'framing.baseline',
      'data.quality',
      'features.computation',
      'serving.rollout',
      'serving.monitoring',
      'serving.scaling',
      'tradeoffs',
    ];
    assert.deepEqual(
      fixed.model.elements.filter((element) => inserted.includes(element.id)).map((element) => [element.id, element.status, element.gap]),
      inserted.map((id) => [id, 'partial', 'only-placeholder']),
    );
  });

  it('fix-all clears no pitfall finding: the skeletons it inserts leave the production plan and the baseline unwritten', () => {
    const transformerDraft = [
      '# Card-not-present fraud detection',
      '',
      '## Problem and metrics',
      '',
      'Block fraudulent card-not-present transactions at checkout. Fraud is about 0.2% of transactions.',
      'The business metric is fraud losses per month, with the false decline rate capped at 0.5%.',
      'The model is judged on PR-AUC over a held-out month.',
      '',
      '## Data',
      '',
      'Transactions from the payments database, chargeback labels from the issuer feed (30-90 days late).',
      '',
      '## Model',
      '',
      "A transformer over the customer's transaction sequence.",
      '',
      '## Serving',
      '',
      'Scored synchronously in the checkout path.',
      '',
    ].join('\n');
    const pitfallRules = (result: AnalysisResult) =>
      result.findings.map((finding) => finding.ruleId).filter((id) => id === 'over-engineering' || id === 'production-gaps');
    const before = analyze(transformerDraft);
    assert.deepEqual(pitfallRules(before).sort(), ['over-engineering', 'production-gaps']);
    const fixed = fixUntilStable(transformerDraft, (current) => analyze(current)).result;
    assert.ok(
      fixed.findings.some((finding) => finding.ruleId === 'template-residue'),
      'skeletons were inserted',
    );
    assert.deepEqual(pitfallRules(fixed).sort(), ['over-engineering', 'production-gaps']);
  });

  it('a doc of a title and one sentence is no unwritten template: its pitfalls are reported', () => {
    const result = analyze('---\nscenario: fraud\n---\n# Fraud detection\n\nWe will train a model to flag fraudulent card transactions.\n');
    assert.ok(result.model.pitfalls['production-gaps']);
    assert.ok(result.findings.some((finding) => finding.ruleId === 'production-gaps'));
  });

  it('a business-metric skeleton gives the model metric nothing to drive: it stays partial', () => {
    const skeleton = draft.findings.find((finding) => finding.ruleId === 'missing-element/framing.business-metric')!.fixes[0]!;
    const after = analyze(applyEdits(RECIPE_DRAFT, skeleton.edits));
    const modelMetric = after.model.elements.find((element) => element.id === 'framing.model-metric');
    assert.deepEqual(modelMetric, {
      id: 'framing.model-metric',
      status: 'partial',
      evidence: { start: { line: 32, character: 9 }, end: { line: 32, character: 16 } },
      gap: 'no-business-metric',
    });
  });

  it('the unfilled trade-off table covers no trade-off, names no business metric and computes no feature', () => {
    const after = analyze(insertBlock(RECIPE_DRAFT, `## Trade-offs\n\n${tradeoffTable}`));
    const status = statuses(after);
    assert.deepEqual(
      ['tradeoffs', 'framing.business-metric', 'features.computation'].map((id) => [id, status.get(id)]),
      [
        ['tradeoffs', 'partial'],
        ['framing.business-metric', 'missing'],
        ['features.computation', 'missing'],
      ],
    );
    assert.equal(after.model.elements.find((element) => element.id === 'tradeoffs')?.gap, 'only-placeholder');
    // The first unfilled row is the residue the template-residue rule points at (one finding per section).
    const firstRow = RECIPE_DRAFT.split('\n').length + 4;
    const rowText = '| Latency vs accuracy | lower latency | cost | reason |';
    assert.equal(tradeoffTable.split('\n')[2], rowText);
    const residue = after.findings.filter((finding) => finding.ruleId === 'template-residue').at(-1);
    assert.deepEqual(residue?.range, { start: { line: firstRow, character: 0 }, end: { line: firstRow, character: rowText.length } });
  });

  it('a row typed over is content again', () => {
    const filled = tradeoffTable.replace(
      '| lower latency | cost | reason |',
      '| lower latency | a ranker 2% less accurate offline | the feed must render within 150 ms |',
    );
    const after = analyze(insertBlock(RECIPE_DRAFT, `## Trade-offs\n\n${filled}`));
    const tradeoffs = after.model.elements.find((element) => element.id === 'tradeoffs');
    assert.equal(tradeoffs?.status, 'present');
  });
});
