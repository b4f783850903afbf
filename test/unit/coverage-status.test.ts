import assert from 'node:assert/strict';
import { coverageTree, groupStatus, insertFixFor } from '../../src/vscode/authoring/coverageTree';
import { countFindings, designDocStatus } from '../../src/vscode/authoring/statusText';
import type { AnalysisResult, Finding, Severity } from '../../src/core/types';
import { modelWith } from './model-fixture';

const range = (line: number) => ({ start: { line, character: 0 }, end: { line, character: 5 } });

describe('coverage tree', () => {
  it('groups elements under their parts with status and evidence', () => {
    const model = modelWith({ 'framing.business-metric': 'present', 'framing.model-metric': 'partial', 'tradeoffs': 'present' });
    model.elements[0]!.evidence = range(3);
    const tree = coverageTree(model);
    assert.deepEqual(
      tree.map((node) => [node.kind, node.id, node.status, node.children.length]),
      [
        ['part', 'framing', 'partial', 4],
        ['part', 'data', 'missing', 3],
        ['part', 'features', 'missing', 2],
        ['part', 'model', 'missing', 2],
        ['part', 'training', 'missing', 1],
        ['part', 'evaluation', 'missing', 1],
        ['part', 'serving', 'missing', 4],
        ['part', 'tradeoffs', 'present', 1],
      ],
    );
    const business = tree[0]!.children[0]!;
    assert.deepEqual([business.kind, business.id, business.label, business.status, business.evidence], ['element', 'framing.business-metric', 'Business metric', 'present', range(3)]);
    assert.equal('evidence' in tree[0]!.children[1]!, false);
  });

  it('carries what a partial element still lacks, in words, for the tooltip', () => {
    const model = modelWith({ 'framing.model-metric': 'partial', 'framing.constraints': 'present' });
    model.elements[1]!.gap = 'no-business-metric';
    const [modelMetric, , constraints] = coverageTree(model)[0]!.children.slice(1);
    assert.equal(modelMetric?.gap, 'no business metric for it to drive');
    assert.equal(constraints && 'gap' in constraints, false);
  });

  it('adds the scenario checklist for a scenario doc, none for generic', () => {
    const model = modelWith({}, [], {
      scenario: { id: 'fraud', source: 'frontmatter' },
      scenarioItems: [
        { id: 'fraud/real-time', status: 'present', evidence: range(7) },
        { id: 'fraud/class-imbalance', status: 'partial' },
        { id: 'fraud/hybrid-rules', status: 'missing' },
        { id: 'fraud/fp-fn-tradeoff', status: 'missing' },
      ],
    });
    const scenario = coverageTree(model).at(-1)!;
    assert.deepEqual([scenario.kind, scenario.id, scenario.label, scenario.status], ['scenario', 'fraud', 'Fraud detection', 'partial']);
    assert.deepEqual(scenario.children.map((item) => [item.id, item.label, item.status]), [
      ['fraud/real-time', 'Real-time scoring', 'present'],
      ['fraud/class-imbalance', 'Class imbalance', 'partial'],
      ['fraud/hybrid-rules', 'Rules layer', 'missing'],
      ['fraud/fp-fn-tradeoff', 'False positives vs false negatives', 'missing'],
    ]);
    assert.deepEqual(scenario.children[0]!.evidence, range(7));
    assert.equal(coverageTree(modelWith({})).length, 8);
  });

  it('calls a group present only when every child is', () => {
    const node = (status: 'present' | 'partial' | 'missing') => ({ kind: 'element' as const, id: 'x', label: 'x', status, children: [] });
    assert.equal(groupStatus([node('present'), node('present')]), 'present');
    assert.equal(groupStatus([node('present'), node('missing')]), 'partial');
    assert.equal(groupStatus([node('missing'), node('missing')]), 'missing');
    assert.equal(groupStatus([node('partial')]), 'partial');
  });
});

describe('status bar text', () => {
  const finding = (severity: Severity): Finding => ({ ruleId: 'r', severity, message: 'm', range: range(0), fixes: [], related: [] });
  const result = (severities: Severity[], score: number): AnalysisResult => ({
    model: modelWith({}, [], { score }),
    findings: severities.map(finding),
    configErrors: [],
  });

  it('shows the score and the findings by severity, hints counted with infos', () => {
    const status = designDocStatus(result(['warning', 'error', 'warning', 'hint', 'info', 'warning'], 64));
    assert.equal(status.text, '$(checklist) 64 $(error) 1 $(warning) 3 $(info) 2');
    assert.equal(status.tooltip, 'mlsd: design score 64/100 · 1 errors, 3 warnings, 2 infos. Click to show the framework coverage.');
    assert.deepEqual(countFindings(result([], 100)), { error: 0, warning: 0, info: 0 });
  });
});

describe('insert fix for a coverage entry', () => {
  const at = (line: number) => ({ start: { line, character: 0 }, end: { line, character: 0 } });
  const disable = (rule: string) => ({ title: `Disable ${rule} for this line`, edits: [{ range: at(2), newText: `<!-- mlsd-disable-next-line ${rule} -->\n` }] });
  const insert = (title: string, heading: string) => ({ title: `Insert ${title}`, isPreferred: true, edits: [{ range: at(40), newText: `\n${heading}\n\n- TODO: prompt\n` }] });
  const finding = (ruleId: string, message: string, fixes: Finding['fixes']): Finding => ({ ruleId, severity: 'warning', message, range: at(1), fixes, related: [] });
  const result: AnalysisResult = {
    model: modelWith({}),
    configErrors: [],
    findings: [
      finding('missing-element/framing.baseline', 'Hollow current solution (framing.baseline): only a passing mention.', [disable('missing-element/framing.baseline')]),
      finding('missing-element/data.quality', 'Missing data quality (data.quality), expected validation checks.', [insert("a 'Data quality' section", '### Data quality'), disable('missing-element/data.quality')]),
      finding('missing-tradeoffs', 'Missing trade-offs, expected explicit trade-offs.', [disable('missing-tradeoffs'), insert("a 'Trade-offs' section", '## Trade-offs')]),
      finding('scenario-checklist/hybrid-rules', "Missing checklist item 'Rules layer' (fraud/hybrid-rules).", [insert('the fraud detection checklist', '## Fraud detection checklist')]),
    ],
  };

  it('finds the core fix that inserts the section, by rule ID or by the ID in the message', () => {
    assert.equal(insertFixFor(result, 'data.quality')?.fix.title, "Insert a 'Data quality' section");
    assert.equal(insertFixFor(result, 'tradeoffs')?.fix.title, "Insert a 'Trade-offs' section");
    assert.equal(insertFixFor(result, 'fraud/hybrid-rules')?.fix.title, 'Insert the fraud detection checklist');
  });

  it('never offers a disable fix as an insertion, nor a fix for another entry', () => {
    assert.equal(insertFixFor(result, 'framing.baseline'), undefined);
    assert.equal(insertFixFor(result, 'data.sources'), undefined);
    assert.equal(insertFixFor(result, 'fraud/real-time'), undefined);
  });
});
