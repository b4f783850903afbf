import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { main } from '../../src/cli/main';
import { analyze, renderTemplate } from '../../src/core';
import { renderMarkdownReport } from '../../src/core/report';
import { ELEMENT_IDS } from '../../src/core/types';
import { MemoryHost, run } from './harness';
import { REPO_ROOT } from './helpers';

const fixtureProject = path.join(REPO_ROOT, 'test/fixtures/cli/project');
const fraudDoc = readFileSync(path.join(fixtureProject, 'docs/card-fraud.md'), 'utf8');
const readme = readFileSync(path.join(fixtureProject, 'README.md'), 'utf8');
const corpusDirectory = path.resolve(REPO_ROOT, '../shared/corpus/docs');
const contractFile = path.resolve(REPO_ROOT, '../shared/contracts/report.schema.json');

/**
 * The contract lives outside the project (../shared); the project must never need it, so the
 * schema checks skip with a message when it is absent.
 */
function contractValidator() {
  if (!existsSync(contractFile)) return undefined;
  return new Ajv2020({ allErrors: true }).compile(JSON.parse(readFileSync(contractFile, 'utf8')));
}

function skipBecauseAbsent(test: Mocha.Context, missing: string): never {
  console.log(`      (skipped: ${missing} is not present; the project never needs it)`);
  test.skip();
}

const host = () => new MemoryHost({ '/work/docs/card-fraud.md': fraudDoc, '/work/README.md': readme });

describe('cli: report', () => {
  it('json: one object for one file, with the facts of the analysis in 1-based lines', async () => {
    const { code, stdout, stderr } = await run(['report', '--format', 'json', 'docs/card-fraud.md'], host());
    assert.deepEqual([code, stderr], [0, '']);
    const report = JSON.parse(stdout);
    const { model, findings } = analyze(fraudDoc, { path: 'docs/card-fraud.md' });
    assert.deepEqual(Object.keys(report), [
      'file',
      'isDesignDoc',
      'scenario',
      'task',
      'elements',
      'scenarioItems',
      'offlineMetric',
      'metrics',
      'pitfalls',
      'templateResidue',
      'hiddenContent',
      'findings',
      'score',
    ]);
    assert.equal(report.file, 'docs/card-fraud.md');
    assert.deepEqual(report.scenario, { id: 'fraud', source: 'frontmatter' });
    assert.equal(report.task, 'imbalanced-classification');
    assert.equal(report.offlineMetric, 'misaligned');
    assert.deepEqual(
      report.elements.map((element: { id: string }) => element.id),
      [...ELEMENT_IDS],
    );
    assert.deepEqual(report.elements[0], {
      id: 'framing.business-metric',
      status: 'present',
      line: (model.elements[0]?.evidence?.start.line ?? -2) + 1,
    });
    assert.deepEqual(
      report.elements.find((element: { id: string }) => element.id === 'data.ingestion'),
      { id: 'data.ingestion', status: 'missing', line: null },
    );
    assert.deepEqual(
      report.scenarioItems.map((item: { id: string }) => item.id),
      ['fraud/real-time', 'fraud/class-imbalance', 'fraud/hybrid-rules', 'fraud/fp-fn-tradeoff'],
    );
    // A partial entry says what is still missing; the contract's coverage entries leave room for it.
    assert.deepEqual(
      report.elements.find((element: { id: string }) => element.id === 'features.categories'),
      { id: 'features.categories', status: 'partial', line: 23, gap: 'passing-mention' },
    );
    // "Scoring is inline in checkout with a p99 latency budget of 50 ms" states both halves of the item.
    assert.deepEqual(report.scenarioItems[0], { id: 'fraud/real-time', status: 'present', line: 18 });
    assert.equal(report.findings.length, findings.length);
    // Each mention with its line and column, so two mentions on one line are told apart.
    assert.deepEqual(
      report.metrics.find((metric: { name: string }) => metric.name === 'Accuracy'),
      { name: 'Accuracy', line: 27, column: 19, role: 'offline' },
    );
    assert.deepEqual(
      report.findings.find((finding: { ruleId: string }) => finding.ruleId === 'metric-task-mismatch'),
      {
        ruleId: 'metric-task-mismatch',
        severity: 'error',
        message: 'Misaligned metric: Accuracy does not fit an imbalanced classification task — use PR-AUC, Recall at precision, F-beta',
        line: 27,
        column: 19,
        endLine: 27,
        endColumn: 27,
        fixable: false,
      },
    );
    assert.equal(report.score, model.score);
  });

  it('json: an array for several files; a README is reported as not a design doc with no findings', async () => {
    const { stdout } = await run(['report', '--format', 'json', 'docs/card-fraud.md', 'README.md'], host());
    const reports = JSON.parse(stdout);
    assert.deepEqual(
      reports.map((report: { file: string; isDesignDoc: boolean; findings: unknown[] }) => [
        report.file,
        report.isDesignDoc,
        report.findings.length > 0,
      ]),
      [
        ['docs/card-fraud.md', true, true],
        ['README.md', false, false],
      ],
    );
  });

  it('json: the shape follows the command line: an array for a folder or glob, whatever it holds', async () => {
    const reportOf = async (...operands: string[]) => JSON.parse((await run(['report', '--format', 'json', ...operands], host())).stdout);
    assert.ok(Array.isArray(await reportOf('docs')), 'a folder with one doc');
    assert.ok(Array.isArray(await reportOf('docs/*.md')), 'a glob matching one doc');
    assert.equal((await reportOf('docs/card-fraud.md')).file, 'docs/card-fraud.md');
  });

  it('skips a binary file and names a missing one on stderr, as check does, and reports the others', async () => {
    const files = new MemoryHost({
      '/work/docs/card-fraud.md': fraudDoc,
      '/work/docs/logo.md': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]),
    });
    const result = await run(['report', '--format', 'json', 'docs', 'missing.md'], files);
    assert.equal(result.code, 2);
    assert.deepEqual(
      JSON.parse(result.stdout).map((report: { file: string }) => report.file),
      ['docs/card-fraud.md'],
    );
    assert.match(result.stderr, /^docs\/logo\.md: skipped: binary content/m);
    assert.match(result.stderr, /^Cannot read missing\.md: no such file or directory\.$/m);
    assert.match(result.stderr, /^mlsd: 1 file could not be read\.$/m);
  });

  it('json: keeps the file path exactly as given', async () => {
    const { stdout } = await run(['report', '--format', 'json', './docs/../docs/card-fraud.md'], host());
    assert.equal(JSON.parse(stdout).file, './docs/../docs/card-fraud.md');
  });

  it('json: validates against the report contract for the fixture docs', async function () {
    const validate = contractValidator() ?? skipBecauseAbsent(this, contractFile);
    for (const file of ['docs/card-fraud.md', 'README.md']) {
      const { stdout } = await run(['report', '--format', 'json', file], host());
      assert.equal(validate(JSON.parse(stdout)), true, `${file}: ${JSON.stringify(validate.errors)}`);
    }
  });

  it('json: validates against the report contract for every corpus document (when ../shared/corpus is present)', async function () {
    // Sixteen real documents, some long: generous on a loaded machine (speed is measured in benchmarks, not here).
    this.timeout(120_000);
    const validate = contractValidator() ?? skipBecauseAbsent(this, contractFile);
    if (!existsSync(corpusDirectory)) skipBecauseAbsent(this, corpusDirectory);
    const files = readdirSync(corpusDirectory)
      .filter((name) => name.endsWith('.md'))
      .sort();
    assert.ok(files.length > 0);
    let stdout = '';
    const code = await main({
      argv: ['report', '--format', 'json', ...files],
      cwd: corpusDirectory,
      stdout: (text) => {
        stdout += text;
      },
      stderr: () => undefined,
    });
    assert.equal(code, 0);
    const reports = JSON.parse(stdout);
    assert.deepEqual(
      reports.map((report: { file: string }) => report.file),
      files,
    );
    for (const report of reports) assert.equal(validate(report), true, `${report.file}: ${JSON.stringify(validate.errors)}`);
  });

  it('markdown: the core renderer, as the editor saves it', async () => {
    const { code, stdout } = await run(['report', '--format', 'markdown', 'docs/card-fraud.md'], host());
    assert.equal(code, 0);
    assert.equal(stdout, renderMarkdownReport(analyze(fraudDoc, { path: 'docs/card-fraud.md' }), 'docs/card-fraud.md'));
    const lines = stdout.split('\n');
    assert.deepEqual(lines.slice(0, 5), [
      '# Design review: docs/card-fraud.md',
      '<!-- mlsd-report: generated by mlsd from a design doc; mlsd does not check it -->',
      '',
      `**Score: ${JSON.parse((await run(['report', '--format', 'json', 'docs/card-fraud.md'], host())).stdout).score}/100**`,
      '',
    ]);
    assert.ok(lines.includes('| Problem framing & success | Business metric (`framing.business-metric`) | ✅ present | 6 |'));
    assert.ok(lines.includes('| Data pipeline | Data ingestion (`data.ingestion`) | ❌ missing |  |'));
    assert.ok(
      lines.includes(
        '| Feature engineering | Feature categories (`features.categories`) | 🟡 partial: only a passing mention, never addressed | 23 |',
      ),
    );
    assert.ok(lines.includes('| `fraud/class-imbalance` | ❌ missing |  |'));
    assert.ok(lines.includes('- Neglecting production realities (`production-gaps`)'));
    const headings = lines.filter((line) => line.startsWith('### '));
    assert.deepEqual(headings, [
      '### Data pipeline',
      '### Feature engineering',
      '### Training',
      '### Serving & scaling',
      '### Trade-offs',
      '### Scenario checklist',
      '### Across the document',
    ]);
    assert.ok(
      lines.includes(
        '- Line 27, error: Misaligned metric: Accuracy does not fit an imbalanced classification task — use PR-AUC, Recall at precision, F-beta (`metric-task-mismatch`)',
      ),
    );
  });

  it('markdown: a non-design doc says so and nothing else', async () => {
    const { stdout } = await run(['report', '--format', 'markdown', 'README.md'], host());
    assert.equal(
      stdout,
      '# Design review: README.md\n<!-- mlsd-report: generated by mlsd from a design doc; mlsd does not check it -->\n\nThis document does not read as an ML system design document, so it was not reviewed.\n',
    );
  });

  it('markdown: a saved review is never judged as a design doc, whatever the configuration says', async () => {
    const review = (await run(['report', '--format', 'markdown', 'docs/card-fraud.md'], host())).stdout;
    // Without its marker the review reads as a design doc (it quotes every framework element).
    const unmarked = review
      .split('\n')
      .filter((line) => !line.startsWith('<!-- mlsd-report'))
      .join('\n');
    assert.equal(analyze(unmarked, { path: 'docs/card-fraud.review.md' }).model.isDesignDoc, true);
    const { model, findings } = analyze(review, { path: 'docs/card-fraud.review.md', config: { include: ['docs/**'] } });
    assert.deepEqual([model.isDesignDoc, findings], [false, []]);
    const reviewHost = new MemoryHost({ '/work/docs/card-fraud.review.md': review, '/work/.mlsd.json': '{ "include": ["docs/**"] }' });
    const { code, stdout } = await run(['check', 'docs/card-fraud.review.md'], reviewHost);
    assert.deepEqual([code, stdout], [0, '']);
  });

  it('text: verdicts, then coverage', async () => {
    const { code, stdout } = await run(['report', 'docs/card-fraud.md', 'README.md'], host());
    assert.equal(code, 0);
    const lines = stdout.split('\n');
    assert.match(lines[0] as string, /^docs\/card-fraud\.md: score \d+\/100$/);
    assert.equal(lines[1], '  scenario fraud (frontmatter), task imbalanced-classification, offline metric misaligned');
    assert.equal(lines[5], '    ✔ present  framing.business-metric  (line 6)');
    assert.ok(lines.includes('    ✖ missing  data.ingestion'));
    assert.ok(lines.includes('    ◐ partial  features.categories  (line 23): only a passing mention, never addressed'), lines.join('\n'));
    assert.ok(lines.includes('README.md: not a design document (nothing to review).'));
  });

  it('says when a pitfall rests only on unfilled template sections, which check leaves to template residue', async () => {
    const files = new MemoryHost({ '/work/answer.md': renderTemplate('fraud', 'interview') });
    const text = await run(['report', 'answer.md'], files);
    assert.ok(
      text.stdout.includes(
        '  pitfalls: ignored-data (only unfilled template sections so far), production-gaps (only unfilled template sections so far); template residue\n',
      ),
      text.stdout,
    );
    const check = await run(['check', '--format', 'json', 'answer.md'], files);
    const { results } = JSON.parse(check.stdout) as { results: { findings: { ruleId: string }[] }[] };
    const ruleIds = new Set(results.flatMap((result) => result.findings.map((finding) => finding.ruleId)));
    assert.ok(!ruleIds.has('ignored-data') && !ruleIds.has('production-gaps'));
    const markdown = await run(['report', '--format', 'markdown', 'answer.md'], files);
    assert.ok(markdown.stdout.includes('- Ignoring the data pipeline (`ignored-data`): only unfilled template sections so far\n'));
  });
});
