// What each rule's findings are about (Finding.subject) and what their fixes do (Fix.kind), on the
// fixture design docs; and that the review and the coverage view read those, never the wording.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyze, ELEMENT_IDS, PITFALL_IDS, RULES, type AnalysisResult, type Finding } from '../../src/core';
import { METRICS } from '../../src/core/framework/metrics';
import { CHECKLIST_ITEMS } from '../../src/core/framework/scenarios';
import { renderMarkdownReport } from '../../src/core/report';
import { allCoverageNodes, coverageTree, insertFixFor } from '../../src/vscode/authoring/coverageTree';
import { COMPLETE, doc, FRONT } from './docs';

const FIXTURES = path.resolve(__dirname, '../fixtures/docs');
const analyzeFixture = (name: string): AnalysisResult => analyze(readFileSync(path.join(FIXTURES, name), 'utf8'), { path: name });

/** Each finding of a rule as [1-based line, rule ID, subject, fix kinds]. */
function about(result: AnalysisResult, rule: string): unknown[] {
  return result.findings
    .filter((finding) => finding.ruleId === rule || finding.ruleId.startsWith(`${rule}/`))
    .map((finding) => [finding.range.start.line + 1, finding.ruleId, finding.subject, finding.fixes.map((fix) => fix.kind)]);
}

const INSERT = ['insert-section', 'disable-line'];
const DISABLE = ['disable-line'];

describe('finding subjects and fix kinds', () => {
  const fraudBad = analyzeFixture('fraud-bad.md');
  const moderationBad = analyzeFixture('moderation-bad.md');

  it('missing-element: the element, with its section insertion only when the element is missing', () => {
    const findings = about(fraudBad, 'missing-element');
    assert.deepEqual(findings.slice(0, 4), [
      [3, 'missing-element/framing.business-metric', { kind: 'element', id: 'framing.business-metric' }, INSERT],
      [3, 'missing-element/framing.baseline', { kind: 'element', id: 'framing.baseline' }, INSERT],
      [3, 'missing-element/framing.constraints', { kind: 'element', id: 'framing.constraints' }, INSERT],
      // "transformer" in the overview is a passing mention: nothing to insert.
      [5, 'missing-element/model.selection', { kind: 'element', id: 'model.selection' }, DISABLE],
    ]);
    assert.deepEqual(
      findings.find((finding) => (finding as unknown[])[1] === 'missing-element/serving.architecture'),
      [19, 'missing-element/serving.architecture', { kind: 'element', id: 'serving.architecture' }, DISABLE],
    );
    for (const finding of fraudBad.findings.filter((candidate) => candidate.ruleId.startsWith('missing-element/'))) {
      assert.deepEqual(finding.subject, { kind: 'element', id: finding.ruleId.split('/')[1] });
    }
  });

  it('missing-tradeoffs and metric-chain: the element whose section they insert', () => {
    assert.deepEqual(about(fraudBad, 'missing-tradeoffs'), [[23, 'missing-tradeoffs', { kind: 'element', id: 'tradeoffs' }, INSERT]]);
    const noModelMetric = analyze(doc({ modelMetric: '', evaluation: '' }));
    assert.deepEqual(about(noModelMetric, 'metric-chain'), [[8, 'metric-chain', { kind: 'element', id: 'framing.model-metric' }, INSERT]]);
    // So the coverage view offers that insertion on the missing model metric.
    assert.equal(
      insertFixFor(noModelMetric, { kind: 'element', id: 'framing.model-metric' })?.fix.title,
      "Insert a 'Model metric' section",
    );
  });

  it('scenario-checklist: the checklist item by its full ID, with the checklist insertion when missing', () => {
    assert.deepEqual(about(moderationBad, 'scenario-checklist'), [
      [1, 'scenario-checklist/evolving-abuse', { kind: 'item', id: 'moderation/evolving-abuse' }, INSERT],
      [1, 'scenario-checklist/label-efficiency', { kind: 'item', id: 'moderation/label-efficiency' }, INSERT],
      [15, 'scenario-checklist/multimodal', { kind: 'item', id: 'moderation/multimodal' }, DISABLE],
    ]);
  });

  it('metric-task-mismatch: the misaligned metric by its canonical name, one replacement per fitting metric', () => {
    assert.deepEqual(about(analyzeFixture('recommendation-bad.md'), 'metric-task-mismatch'), [
      [
        18,
        'metric-task-mismatch',
        { kind: 'metric', id: 'RMSE' },
        ['replace-metric', 'replace-metric', 'replace-metric', 'replace-metric', 'disable-line'],
      ],
    ]);
  });

  it('pitfall rules: their pitfall', () => {
    assert.deepEqual(
      ['modeling-first', 'over-engineering', 'ignored-data', 'production-gaps'].flatMap((rule) => about(moderationBad, rule)),
      [
        [13, 'modeling-first', { kind: 'pitfall', id: 'modeling-first' }, DISABLE],
        [15, 'over-engineering', { kind: 'pitfall', id: 'over-engineering' }, DISABLE],
        [19, 'ignored-data', { kind: 'pitfall', id: 'ignored-data' }, DISABLE],
        [3, 'production-gaps', { kind: 'pitfall', id: 'production-gaps' }, DISABLE],
      ],
    );
  });

  it('template-residue: the element its section is for, else the document', () => {
    assert.deepEqual(about(fraudBad, 'template-residue'), [
      // "## Data" names the data part broadly; the message asks for what data sources need.
      [15, 'template-residue', { kind: 'element', id: 'data.sources' }, DISABLE],
      [17, 'template-residue', { kind: 'element', id: 'features.categories' }, DISABLE],
      [23, 'template-residue', { kind: 'element', id: 'serving.monitoring' }, DISABLE],
    ]);
    // "## Problem" names no element.
    assert.deepEqual(about(moderationBad, 'template-residue')[0], [3, 'template-residue', { kind: 'document' }, DISABLE]);
  });

  it('hidden content, front matter, online metric and training objective: the document as a whole', () => {
    assert.deepEqual(about(fraudBad, 'hidden-content'), [
      [30, 'hidden-content/html-comment', { kind: 'document' }, DISABLE],
      [32, 'hidden-content/unclosed-fence', { kind: 'document' }, ['close-fence', 'disable-line']],
    ]);
    assert.deepEqual(about(moderationBad, 'hidden-content'), [[11, 'hidden-content/image-metrics', { kind: 'document' }, DISABLE]]);
    assert.deepEqual(about(fraudBad, 'no-online-metric'), [[11, 'no-online-metric', { kind: 'document' }, DISABLE]]);
    assert.deepEqual(about(analyzeFixture('search-good.md'), 'training-objective-mismatch'), [
      [28, 'training-objective-mismatch', { kind: 'document' }, DISABLE],
    ]);
    const brokenFrontMatter = analyze(`---\nmlsd: true\nscenario: [fraud\n---\n${COMPLETE.slice(FRONT.length)}`);
    assert.deepEqual(about(brokenFrontMatter, 'front-matter'), [[3, 'front-matter', { kind: 'document' }, DISABLE]]);
  });

  it('names only IDs of the framework data, on every fixture, and covers every rule above', () => {
    const items = new Set(CHECKLIST_ITEMS.map((item) => item.id));
    const metrics = new Set(METRICS.map((metric) => metric.name));
    const fixtures = [
      'ctr-generic-good',
      'forecasting-generic-bad',
      'fraud-bad',
      'fraud-ru-mixed',
      'moderation-bad',
      'recommendation-bad',
      'recommendation-good',
      'search-bad',
      'search-good',
    ];
    const seen = new Set<string>();
    for (const name of fixtures) {
      for (const { ruleId, subject } of analyzeFixture(`${name}.md`).findings) {
        seen.add(ruleId.split('/')[0]!);
        if (subject.kind === 'element') assert.ok(ELEMENT_IDS.includes(subject.id), `${name}: ${ruleId} ${subject.id}`);
        if (subject.kind === 'item') assert.ok(items.has(subject.id), `${name}: ${ruleId} ${subject.id}`);
        if (subject.kind === 'metric') assert.ok(metrics.has(subject.id), `${name}: ${ruleId} ${subject.id}`);
        if (subject.kind === 'pitfall') assert.ok(PITFALL_IDS.includes(subject.id), `${name}: ${ruleId} ${subject.id}`);
      }
    }
    // The two the fixtures never trigger are checked above on inline docs.
    assert.deepEqual(
      RULES.map((rule) => rule.id).filter((id) => !seen.has(id)),
      ['front-matter', 'metric-chain'],
    );
  });
});

describe('consumers read the subject, not the wording', () => {
  /** The same findings, each with another finding's message and fix titles (rotated by one). */
  function reworded(result: AnalysisResult): AnalysisResult {
    const { findings } = result;
    const findingsReworded = findings.map((finding, index): Finding => {
      const other = findings[(index + 1) % findings.length]!;
      return {
        ...finding,
        message: other.message,
        fixes: finding.fixes.map((fix, at) => ({ ...fix, title: other.fixes[at % other.fixes.length]!.title })),
      };
    });
    return { ...result, findings: findingsReworded };
  }

  /** The review's findings part as headings and "line rule" entries, without the messages. */
  function reviewGroups(result: AnalysisResult): string[] {
    const lines = renderMarkdownReport(result, 'doc.md').split('\n');
    return lines.slice(lines.indexOf('## Findings')).flatMap((line) => {
      if (line.startsWith('### ')) return [line];
      const entry = /^- Line (\d+), \w+: .* \(`([^`]+)`\)$/.exec(line);
      return entry ? [`${entry[1]} ${entry[2]}`] : [];
    });
  }

  for (const name of ['fraud-bad.md', 'moderation-bad.md', 'recommendation-bad.md']) {
    it(`groups the review and marks the coverage view the same when every message is reworded (${name})`, () => {
      const result = analyzeFixture(name);
      const other = reworded(result);
      assert.notDeepEqual(
        other.findings.map((finding) => finding.message),
        result.findings.map((finding) => finding.message),
      );
      const groups = reviewGroups(result);
      assert.ok(groups.filter((line) => line.startsWith('### ')).length >= 3, `${name}: findings fall in several groups`);
      assert.deepEqual(reviewGroups(other), groups);

      const tree = coverageTree(result.model, result.findings);
      assert.deepEqual(coverageTree(other.model, other.findings), tree);
      const missing = allCoverageNodes(tree).filter(
        (node) => (node.kind === 'element' || node.kind === 'item') && node.status === 'missing',
      );
      assert.ok(missing.length > 0);
      for (const node of missing) {
        const original = insertFixFor(result, node);
        const found = insertFixFor(other, node);
        assert.deepEqual([found?.finding.ruleId, found?.fix.edits], [original?.finding.ruleId, original?.fix.edits], `${name}: ${node.id}`);
      }
    });
  }
});
