import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main';
import { RULES, ruleDocsUrl } from '../../src/core';
import { MemoryHost, run } from './harness';
import { REPO_ROOT } from './helpers';

const fraudDoc = readFileSync(path.join(REPO_ROOT, 'test/fixtures/cli/project/docs/card-fraud.md'), 'utf8');
const readme = readFileSync(path.join(REPO_ROOT, 'test/fixtures/cli/project/README.md'), 'utf8');

/** Every rule off except the metric check, so outputs stay short and exact while the rules evolve. */
function onlyMetricRule(setting = 'error'): string {
  const rules: Record<string, string> = Object.fromEntries(RULES.map((rule) => [rule.id, 'off']));
  rules['metric-task-mismatch'] = setting;
  return JSON.stringify({ rules, ignore: ['docs/drafts/**'] }, null, 2);
}

function project(extra: Record<string, string> = {}): MemoryHost {
  return new MemoryHost({
    '/work/.mlsd.json': onlyMetricRule(),
    '/work/README.md': readme,
    '/work/docs/card-fraud.md': fraudDoc,
    '/work/docs/drafts/scratch.md': '# Fraud model scratch\n\nWe use accuracy. TBD\n',
    '/work/node_modules/some-package/design.md': fraudDoc,
    ...extra,
  });
}

const METRIC_MESSAGE =
  'Misaligned metric: Accuracy does not fit an imbalanced classification task — use PR-AUC, Recall at precision, F-beta';
/** The stylish report of the card-fraud doc: one misaligned metric, whose replacements are only offered. */
const CARD_FRAUD_STYLISH = [
  '',
  'docs/card-fraud.md',
  `  27:19  error  ${METRIC_MESSAGE}  metric-task-mismatch`,
  '',
  '✖ 1 problem (1 error, 0 warnings)',
  '',
].join('\n');

describe('cli: check', () => {
  it('text: stylish output and exit 1 for an error-level finding', async () => {
    assert.deepEqual(await run(['check'], project()), {
      code: 1,
      stdout: CARD_FRAUD_STYLISH,
      stderr: '',
    });
  });

  it('json: every checked file (README included, drafts and node_modules not), 1-based findings', async () => {
    const { code, stdout } = await run(['check', '--format', 'json', '.'], project());
    assert.equal(code, 1);
    assert.deepEqual(JSON.parse(stdout), {
      results: [
        { file: 'README.md', isDesignDoc: false, errorCount: 0, warningCount: 0, fixableCount: 0, findings: [] },
        {
          file: 'docs/card-fraud.md',
          isDesignDoc: true,
          errorCount: 1,
          warningCount: 0,
          fixableCount: 0,
          findings: [
            {
              ruleId: 'metric-task-mismatch',
              severity: 'error',
              message: METRIC_MESSAGE,
              line: 27,
              column: 19,
              endLine: 27,
              endColumn: 27,
              fixable: false,
            },
          ],
        },
      ],
      configProblems: [],
    });
  });

  it('github: one workflow command per finding', async () => {
    assert.deepEqual(await run(['check', '--format', 'github', 'docs'], project()), {
      code: 1,
      stdout: `::error file=docs/card-fraud.md,line=27,col=19,endLine=27,endColumn=27,title=metric-task-mismatch::${METRIC_MESSAGE}\n`,
      stderr: '',
    });
  });

  it('sarif: every rule described with its docs URL, results pointing at them', async () => {
    const { code, stdout } = await run(['check', '--format', 'sarif', 'docs/card-fraud.md'], project());
    assert.equal(code, 1);
    const [sarifRun] = JSON.parse(stdout).runs;
    assert.deepEqual(
      sarifRun.tool.driver.rules.map((rule: { id: string; helpUri: string }) => [rule.id, rule.helpUri]),
      RULES.map((rule) => [rule.id, ruleDocsUrl(rule.id)]),
    );
    assert.deepEqual(sarifRun.results, [
      {
        ruleId: 'metric-task-mismatch',
        ruleIndex: RULES.findIndex((rule) => rule.id === 'metric-task-mismatch'),
        level: 'error',
        message: { text: METRIC_MESSAGE },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: 'docs/card-fraud.md', uriBaseId: '%SRCROOT%' },
              region: { startLine: 27, startColumn: 19, endLine: 27, endColumn: 27 },
            },
          },
        ],
      },
    ]);
  });

  it('globs match relative to the working directory; config ignore globs still apply', async () => {
    const { stdout, stderr } = await run(['check', '--format', 'json', 'docs/**/*.md', '*.md'], project());
    assert.deepEqual(
      JSON.parse(stdout).results.map((result: { file: string }) => result.file),
      ['docs/card-fraud.md', 'README.md'],
    );
    assert.equal(stderr, '');
  });

  it('an operand starting with "!" leaves out what it matches, as in markdownlint-cli2; exclusions alone are a usage error', async () => {
    const files = async (...operands: string[]) =>
      JSON.parse(
        (await run(['check', '--format', 'json', ...operands], project({ '/work/docs/team/notes.md': readme }))).stdout,
      ).results.map((result: { file: string }) => result.file);
    assert.deepEqual(await files('**/*.md'), ['README.md', 'docs/card-fraud.md', 'docs/team/notes.md']);
    assert.deepEqual(await files('**/*.md', '!docs/team/**'), ['README.md', 'docs/card-fraud.md']);
    assert.deepEqual(await files('.', '!docs/team', '!README.md'), ['docs/card-fraud.md']);
    const withStdin = await run(['check', '--format', 'json', '-', '!docs/**'], project(), { stdin: fraudDoc });
    assert.deepEqual(
      JSON.parse(withStdin.stdout).results.map((result: { file: string }) => result.file),
      ['<stdin>'],
    );
    assert.deepEqual(await files('.', '!/work/docs'), ['README.md']);
    const alone = await run(['check', '!docs/**'], project());
    assert.equal(alone.code, 2);
    assert.match(alone.stderr, /^mlsd: Only exclusions given \(!docs\/\*\*\): name the files, folders or globs to check too\.$/m);
  });

  it("a path that names nothing is that path's failure: the other files are still checked, and the exit code is 2", async () => {
    const result = await run(['check', 'missing.md', 'docs/card-fraud.md'], project());
    assert.equal(result.code, 2);
    assert.equal(result.stdout, CARD_FRAUD_STYLISH);
    assert.equal(result.stderr, 'missing.md: cannot read: no such file or directory\nmlsd: 1 file could not be checked.\n');
  });

  it('says so when a file named on the command line is ignored by the config', async () => {
    assert.deepEqual(await run(['check', 'docs/drafts/scratch.md'], project()), {
      code: 0,
      stdout: '',
      stderr: 'docs/drafts/scratch.md: not checked: the config\'s ignore pattern "docs/drafts/**" matches it\n',
    });
  });

  it('fails with a usage error when the config ignores every file a folder holds, as ESLint does', async () => {
    assert.deepEqual(await run(['check', 'docs/drafts'], project()), {
      code: 2,
      stdout: '',
      stderr:
        'mlsd: Every Markdown file in docs/drafts is ignored by the config\'s ignore pattern "docs/drafts/**"; nothing was checked.\n',
    });
  });

  it("ignore globs follow the core's semantics: a relative glob matches at any depth", async () => {
    const host = project({ '/work/.mlsd.json': onlyMetricRule().replace('"docs/drafts/**"', '"drafts/**"') });
    const { stdout } = await run(['check', '--format', 'json', 'docs'], host);
    assert.deepEqual(
      JSON.parse(stdout).results.map((result: { file: string }) => result.file),
      ['docs/card-fraud.md'],
    );
  });

  it('a README alone gives no findings and exit 0', async () => {
    assert.deepEqual(await run(['check', 'README.md'], project()), { code: 0, stdout: '', stderr: '' });
  });

  it('exit 0 with warnings only, 1 when they exceed --max-warnings', async () => {
    const host = project({ '/work/.mlsd.json': onlyMetricRule('warning') });
    assert.equal((await run(['check', 'docs'], host)).code, 0);
    assert.equal((await run(['check', '--max-warnings', '1', 'docs'], host)).code, 0);
    assert.equal((await run(['check', '--max-warnings', '-1', 'docs'], host)).code, 0, '-1 is no limit, as in ESLint');
    const over = await run(['check', '--max-warnings', '0', '--format', 'github', 'docs'], host);
    assert.deepEqual(over, {
      code: 1,
      stdout: `::warning file=docs/card-fraud.md,line=27,col=19,endLine=27,endColumn=27,title=metric-task-mismatch::${METRIC_MESSAGE}\n`,
      stderr: 'mlsd: 1 warning, more than --max-warnings 0.\n',
    });
    // A stale suppression comment is a warning too, as ESLint counts an unused disable directive.
    const stale = project({
      '/work/.mlsd.json': onlyMetricRule('warning'),
      '/work/docs/card-fraud.md': fraudDoc.replace(/\n# /, '\n<!-- mlsd-disable-next-line metric-task-mismatch -->\n# '),
    });
    const withStale = await run(['check', '--max-warnings', '1', 'docs'], stale);
    assert.equal(withStale.code, 1);
    // Listed in the file's block and counted in its summary, so the summary and --max-warnings agree.
    assert.match(withStale.stdout, /^ {2}\d+:\d+ +warning +Unused mlsd-disable-next-line for "metric-task-mismatch"/m);
    assert.match(withStale.stdout, /⚠ 2 problems \(0 errors, 2 warnings\)/);
    // --fix removes it, as ESLint --fix removes an unused disable directive; the metric is the author's choice.
    assert.match(withStale.stdout, /^ {2}1 problem fixable with the --fix option\.$/m);
    assert.equal(withStale.stderr, 'mlsd: 2 warnings, more than --max-warnings 1.\n');
  });

  it('reads - from stdin, with the config found from the working directory', async () => {
    const { code, stdout } = await run(['check', '--format', 'json', '-'], project(), { stdin: fraudDoc });
    assert.equal(code, 1);
    const [result] = JSON.parse(stdout).results;
    assert.equal(result.file, '<stdin>');
    assert.deepEqual(
      result.findings.map((finding: { ruleId: string; line: number }) => [finding.ruleId, finding.line]),
      [['metric-task-mismatch', 27]],
    );
  });

  it('--config replaces discovery; the nearest config file wins otherwise', async () => {
    const host = project({
      '/work/docs/.mlsd.yaml': 'rules:\n  metric-task-mismatch: info\n',
      '/work/strict.json': onlyMetricRule('error'),
    });
    const nearest = await run(['check', '--format', 'json', 'docs/card-fraud.md'], host);
    assert.equal(nearest.code, 0);
    // The YAML file holds only one rule: the rest of the rules are back at their defaults.
    const severities = JSON.parse(nearest.stdout)
      .results[0].findings.filter((f: { ruleId: string }) => f.ruleId === 'metric-task-mismatch')
      .map((f: { severity: string }) => f.severity);
    assert.deepEqual(severities, ['info']);
    const explicit = await run(['check', '--config', 'strict.json', '--format', 'github', 'docs/card-fraud.md'], host);
    assert.equal(explicit.code, 1);
    assert.equal(
      explicit.stdout,
      `::error file=docs/card-fraud.md,line=27,col=19,endLine=27,endColumn=27,title=metric-task-mismatch::${METRIC_MESSAGE}\n`,
    );
  });

  it('a config error is located, the rest of the config still applies, analysis goes on and the exit code is 2', async () => {
    const config = onlyMetricRule().replace('"metric-task-mismatch": "error"', '"metric-task-mismatch": "loud"');
    const host = project({ '/work/.mlsd.json': config });
    const lines = config.split('\n');
    const line = lines.findIndex((text) => text.includes('"loud"')) + 1;
    const column = (lines[line - 1] as string).indexOf('"loud"') + 1;
    const result = await run(['check', 'docs'], host);
    assert.equal(result.code, 2);
    assert.equal(result.stderr, 'mlsd: the configuration has errors; the parts in error were ignored and defaults used.\n');
    // The config file gets a block of its own, counted in the summary; the bad setting fell back to
    // the rule's default (error), and the other rules stayed off.
    assert.equal(
      result.stdout,
      [
        '',
        '.mlsd.json',
        `  ${line}:${column}  error  Invalid severity "loud" for rule "metric-task-mismatch"; expected one of "off", "error", "warning", "info", "hint".`,
        '',
        ...CARD_FRAUD_STYLISH.split('\n').slice(1, -2),
        '✖ 2 problems (2 errors, 0 warnings)',
        '',
      ].join('\n'),
    );
    // JSON keeps config problems apart, so stderr names them there.
    assert.match((await run(['check', '--format', 'json', 'docs'], host)).stderr, /^\.mlsd\.json:\d+:\d+: error: Invalid severity "loud"/);
  });

  it('config warnings (unknown keys) are shown but do not change the exit code', async () => {
    const host = project({ '/work/.mlsd.json': onlyMetricRule().replace('{', '{\n  "colour": "blue",') });
    const result = await run(['check', '--format', 'github', 'docs'], host);
    assert.equal(result.code, 1);
    assert.equal(
      result.stdout.split('\n')[0],
      '::warning file=.mlsd.json,line=2,col=3,endLine=2,endColumn=11,title=mlsd configuration::Unknown key "colour"; expected one of "rules", "scenario", "requiredItems", "aliases", "include", "ignore".',
    );
  });

  it('a bad front-matter mlsd block is located in the document', async () => {
    const doc = fraudDoc.replace('scenario: fraud\n', 'scenario: fraud\nmlsd:\n  scenario: fruad\n');
    const result = await run(['check', 'docs/card-fraud.md'], project({ '/work/docs/card-fraud.md': doc }));
    assert.equal(result.code, 2);
    assert.match(
      result.stdout,
      /^docs\/card-fraud\.md\n {2}4:13 +error +Unknown scenario "fruad"; expected one of "recommendation", "fraud", "search", "moderation", "generic"\./m,
    );
    assert.equal(result.stderr, 'mlsd: the configuration has errors; the parts in error were ignored and defaults used.\n');
    const json = await run(['check', '--format', 'json', 'docs/card-fraud.md'], project({ '/work/docs/card-fraud.md': doc }));
    assert.match(json.stderr, /^docs\/card-fraud\.md:4:13: error: Unknown scenario "fruad"/);
  });

  it("a front-matter warning (unknown key) is shown as a warning and keeps the findings' exit code", async () => {
    const doc = fraudDoc.replace('scenario: fraud\n', 'scenario: fraud\nmlsd:\n  colour: blue\n');
    const result = await run(
      ['check', 'docs/card-fraud.md'],
      project({ '/work/.mlsd.json': onlyMetricRule(), '/work/docs/card-fraud.md': doc }),
    );
    assert.equal(result.code, 1);
    assert.match(result.stdout, /^ {2}4:3 +warning +Unknown key "colour"/m);
    assert.equal(result.stderr, '');
  });
});

describe('cli: check --fix on disk', () => {
  let directory: string;
  beforeEach(async () => {
    directory = await mkdtemp(path.join(os.tmpdir(), 'mlsd-fix-'));
    await mkdir(path.join(directory, 'docs'));
    await writeFile(path.join(directory, 'docs/card-fraud.md'), fraudDoc);
  });
  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  const runOnDisk = async (argv: string[]) => {
    let stdout = '';
    let stderr = '';
    const code = await main({
      argv,
      cwd: directory,
      stdout: (text) => {
        stdout += text;
      },
      stderr: (text) => {
        stderr += text;
      },
    });
    return { code, stdout, stderr };
  };

  it('applies every preferred fix, keeps every original line, and is stable on a second run', async () => {
    const before = await runOnDisk(['check', '--format', 'json', 'docs']);
    const fixableBefore = JSON.parse(before.stdout).results[0].fixableCount;
    assert.ok(fixableBefore >= 10, `expected the fixture to have many fixable findings, got ${fixableBefore}`);

    const fixed = await runOnDisk(['check', '--fix', '--format', 'json', 'docs']);
    const after = await readFile(path.join(directory, 'docs/card-fraud.md'), 'utf8');
    // The misaligned metric stays an error: which metric fits is the author's choice, so fix-all
    // only offers its replacements.
    assert.equal(fixed.code, 1);
    assert.equal(JSON.parse(fixed.stdout).results[0].fixableCount, 0);
    assert.equal(JSON.parse(fixed.stdout).results[0].errorCount, 1);
    for (const line of fraudDoc.split('\n')) assert.ok(after.split('\n').includes(line), `lost line: ${line}`);
    assert.ok(after.length > fraudDoc.length, 'expected sections to be inserted');

    const again = await runOnDisk(['check', '--fix', 'docs']);
    assert.equal(again.code, 1);
    assert.equal(await readFile(path.join(directory, 'docs/card-fraud.md'), 'utf8'), after);
  });
});
