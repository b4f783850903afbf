import assert from 'node:assert/strict';
import { allCoverageNodes, coverageTree, groupStatus, insertedSection, insertFixFor } from '../../src/vscode/authoring/coverageTree';
import { designDocStatus, documentName } from '../../src/vscode/authoring/statusText';
import type { AnalysisResult, Finding, FindingSubject, Fix, Severity } from '../../src/core/types';
import { modelWith } from './model-fixture';

const range = (line: number) => ({ start: { line, character: 0 }, end: { line, character: 5 } });

describe('coverage tree', () => {
  it('groups elements under their parts with status and evidence; a part that is one element of its name is that element', () => {
    const model = modelWith({ 'framing.business-metric': 'present', 'framing.model-metric': 'partial', tradeoffs: 'present' });
    model.elements[0]!.evidence = range(3);
    const tree = coverageTree(model);
    assert.deepEqual(
      tree.map((node) => [node.kind, node.id, node.label, node.status, node.children.length]),
      [
        ['part', 'framing', 'Problem framing & success', 'partial', 4],
        ['part', 'data', 'Data pipeline', 'missing', 3],
        ['part', 'features', 'Feature engineering', 'missing', 2],
        ['part', 'model', 'Model', 'missing', 2],
        ['element', 'training.paradigm', 'Training', 'missing', 0],
        ['part', 'evaluation', 'Evaluation', 'missing', 1],
        ['part', 'serving', 'Serving & scaling', 'missing', 4],
        ['element', 'tradeoffs', 'Trade-offs', 'present', 0],
      ],
    );
    // Evaluation keeps its one child: "Offline evaluation" says more than the part's name.
    assert.deepEqual(
      tree[5]!.children.map((child) => child.label),
      ['Offline evaluation'],
    );
    const business = tree[0]!.children[0]!;
    assert.deepEqual(
      [business.kind, business.id, business.label, business.status, business.evidence],
      ['element', 'framing.business-metric', 'Business metric', 'present', range(3)],
    );
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
    assert.deepEqual(
      scenario.children.map((item) => [item.id, item.label, item.status]),
      [
        ['fraud/real-time', 'Real-time scoring', 'present'],
        ['fraud/class-imbalance', 'Class imbalance', 'partial'],
        ['fraud/hybrid-rules', 'Rules layer', 'missing'],
        ['fraud/fp-fn-tradeoff', 'False positives vs false negatives', 'missing'],
      ],
    );
    assert.deepEqual(scenario.children[0]!.evidence, range(7));
    assert.equal(coverageTree(modelWith({})).length, 8);
  });

  it('carries the most severe finding about each entry, and about any child for a group', () => {
    const finding = (ruleId: string, subject: FindingSubject, severity: Severity, message = 'm'): Finding => ({
      ruleId,
      subject,
      severity,
      message,
      range: range(1),
      fixes: [],
      related: [],
    });
    const element = (id: 'data.quality' | 'data.sources' | 'framing.model-metric' | 'tradeoffs'): FindingSubject => ({
      kind: 'element',
      id,
    });
    const tree = coverageTree(modelWith({ 'framing.business-metric': 'present' }), [
      finding('missing-element/data.quality', element('data.quality'), 'warning'),
      finding('missing-element/data.sources', element('data.sources'), 'error'),
      // Partial elements are reported as missing-element/<id> too, here at a lower severity.
      finding('missing-element/framing.model-metric', element('framing.model-metric'), 'info'),
      // A finding is placed by its subject alone, never by what its message names.
      finding('template-residue', { kind: 'document' }, 'error', 'Placeholder left in Model metric (framing.model-metric).'),
      finding('missing-tradeoffs', element('tradeoffs'), 'hint'),
    ]);
    const byId = new Map(allCoverageNodes(tree).map((node) => [node.id, node.severity]));
    assert.equal(byId.get('data.quality'), 'warning');
    assert.equal(byId.get('data.sources'), 'error');
    assert.equal(byId.get('data'), 'error');
    assert.equal(byId.get('framing.model-metric'), 'info');
    assert.equal(byId.get('framing'), 'info');
    assert.equal(byId.get('tradeoffs'), 'hint');
    assert.equal(byId.get('framing.business-metric'), undefined);
    assert.equal(byId.get('model'), undefined);
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
  const finding = (severity: Severity): Finding => ({
    ruleId: 'r',
    subject: { kind: 'document' },
    severity,
    message: 'm',
    range: range(0),
    fixes: [],
    related: [],
  });
  const result = (severities: Severity[], score: number): AnalysisResult => ({
    model: modelWith({}, [], { score }),
    findings: severities.map(finding),
    configErrors: [],
  });

  it('says what the number is and leaves the problem counts to VS Code', () => {
    const status = designDocStatus(result(['warning', 'error', 'warning', 'hint'], 64), 'fraud.md');
    assert.equal(status.text, '$(checklist) Design 64/100');
    assert.equal(
      status.tooltip,
      'mlsd design score of fraud.md: 64/100 for how much of the framework it covers. Click to show the coverage.',
    );
  });

  it('names a document by the last segment of its path', () => {
    assert.equal(documentName('/work/docs/payments-fraud-design.md'), 'payments-fraud-design.md');
    assert.equal(documentName('Untitled-1'), 'Untitled-1');
  });
});

describe('insert fix for a coverage entry', () => {
  const at = (line: number) => ({ start: { line, character: 0 }, end: { line, character: 0 } });
  const disable = (rule: string): Fix => ({
    kind: 'disable-line',
    title: `Disable ${rule} for this line`,
    edits: [{ range: at(2), newText: `<!-- mlsd-disable-next-line ${rule} -->\n` }],
  });
  const insert = (title: string, heading: string): Fix => ({
    kind: 'insert-section',
    title: `Insert ${title}`,
    isPreferred: true,
    edits: [{ range: at(40), newText: `\n${heading}\n\n- TODO: prompt\n` }],
  });
  const finding = (ruleId: string, subject: FindingSubject, message: string, fixes: Fix[]): Finding => ({
    ruleId,
    subject,
    severity: 'warning',
    message,
    range: at(1),
    fixes,
    related: [],
  });
  const result: AnalysisResult = {
    model: modelWith({}),
    configErrors: [],
    findings: [
      finding(
        'missing-element/framing.baseline',
        { kind: 'element', id: 'framing.baseline' },
        'Hollow current solution (framing.baseline): only a passing mention.',
        [disable('missing-element/framing.baseline')],
      ),
      finding(
        'missing-element/data.quality',
        { kind: 'element', id: 'data.quality' },
        'Missing data quality (data.quality), expected validation checks.',
        [insert("a 'Data quality' section", '### Data quality'), disable('missing-element/data.quality')],
      ),
      finding('missing-tradeoffs', { kind: 'element', id: 'tradeoffs' }, 'Missing trade-offs, expected explicit trade-offs.', [
        disable('missing-tradeoffs'),
        insert("a 'Trade-offs' section", '## Trade-offs'),
      ]),
      finding(
        'scenario-checklist/hybrid-rules',
        { kind: 'item', id: 'fraud/hybrid-rules' },
        "Missing checklist item 'Rules layer' (fraud/hybrid-rules).",
        [insert('the fraud detection checklist', '## Fraud detection checklist')],
      ),
      // Its message names data.sources, its subject is the document: it inserts nothing for data.sources.
      finding('hidden-content/unclosed-fence', { kind: 'document' }, 'Unclosed code block swallows Data sources (data.sources).', [
        insert('a data sources section', '## Data sources'),
      ]),
    ],
  };
  const element = (id: string) => ({ kind: 'element' as const, id });
  const item = (id: string) => ({ kind: 'item' as const, id });

  it("finds the core fix that inserts the section, by the finding's subject and the fix's kind", () => {
    assert.equal(insertFixFor(result, element('data.quality'))?.fix.title, "Insert a 'Data quality' section");
    assert.equal(insertFixFor(result, element('tradeoffs'))?.fix.title, "Insert a 'Trade-offs' section");
    assert.equal(insertFixFor(result, item('fraud/hybrid-rules'))?.fix.title, 'Insert the fraud detection checklist');
  });

  it('never offers a disable fix as an insertion, nor a fix for another entry', () => {
    assert.equal(insertFixFor(result, element('framing.baseline')), undefined);
    assert.equal(insertFixFor(result, element('data.sources')), undefined);
    assert.equal(insertFixFor(result, item('fraud/real-time')), undefined);
    assert.equal(insertFixFor(result, item('data.quality')), undefined);
  });
});

describe('where an inserted section lands', () => {
  const text = 'line zero\nline one\nline two\n';
  const offsetOf = (position: { line: number; character: number }) =>
    text
      .split('\n')
      .slice(0, position.line)
      .reduce((sum, line) => sum + line.length + 1, 0) + position.character;
  const at = (line: number, character = 0) => ({ start: { line, character }, end: { line, character } });

  it('spans the heading to the end of the inserted text, without the blank lines around it', () => {
    const newText = '\n## Data quality\n\n- TODO: checks\n\n';
    const inserted = insertedSection([{ range: at(2), newText }], offsetOf)!;
    const after = text.slice(0, offsetOf(at(2).start)) + newText + text.slice(offsetOf(at(2).start));
    assert.equal(after.slice(inserted.start, inserted.end), '## Data quality\n\n- TODO: checks');
  });

  it('accounts for the edits before it, in any order', () => {
    const rename = { range: { start: { line: 0, character: 5 }, end: { line: 0, character: 9 } }, newText: '0' };
    const section = { range: at(1), newText: '### Rollout\n\n- TODO: canary\n' };
    const inserted = insertedSection([section, rename], offsetOf)!;
    const after = 'line 0\n### Rollout\n\n- TODO: canary\nline one\nline two\n';
    assert.equal(after.slice(inserted.start, inserted.end), '### Rollout\n\n- TODO: canary');
  });

  it('is undefined when no edit inserts a heading', () => {
    assert.equal(insertedSection([{ range: at(0), newText: '<!-- mlsd-disable-next-line x -->\n' }], offsetOf), undefined);
  });
});
