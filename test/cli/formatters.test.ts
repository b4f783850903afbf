import assert from 'node:assert/strict';
import { formatGithub } from '../../src/cli/formatters/github';
import { formatJson } from '../../src/cli/formatters/json';
import { formatSarif } from '../../src/cli/formatters/sarif';
import { formatText } from '../../src/cli/formatters/text';
import type { CheckOutput, RuleInfo } from '../../src/cli/formatters/types';
import { at, finding } from './helpers';

const rules: RuleInfo[] = [
  {
    id: 'missing-element',
    defaultSeverity: 'warning',
    description: 'A framework element is missing or hollow.',
    url: 'https://example.invalid/rules/missing-element.md',
  },
  {
    id: 'offline-metric-misaligned',
    defaultSeverity: 'error',
    description: 'The offline metric does not fit the task.',
    url: 'https://example.invalid/rules/offline-metric-misaligned.md',
  },
];

const skeleton = {
  kind: 'insert-section' as const,
  title: 'Insert section',
  edits: [{ range: at(9, 0, 9, 0), newText: '## Baseline\n' }],
  isPreferred: true,
};
const output: CheckOutput = {
  files: [
    {
      displayPath: 'docs/fraud.md',
      isDesignDoc: true,
      findings: [
        finding({
          ruleId: 'offline-metric-misaligned',
          severity: 'error',
          message: 'Accuracy is the headline metric of an imbalanced task; expected PR-AUC or recall at a precision floor.',
          range: at(11, 4, 11, 12),
        }),
        finding({
          ruleId: 'missing-element',
          severity: 'warning',
          message: 'No baseline, 50% of docs forget it: expected rules: or a heuristic.',
          range: at(8, 0, 8, 9),
          fixes: [skeleton],
        }),
        finding({ ruleId: 'missing-element', severity: 'info', message: 'Trade-offs are thin.', range: at(120, 2, 121, 0) }),
      ],
    },
    { displayPath: 'README.md', isDesignDoc: false, findings: [] },
  ],
  configProblems: [
    {
      displayPath: '.mlsd.json',
      severity: 'error',
      message: 'Invalid severity "warn" for rule "missing-element".',
      line: 3,
      column: 24,
      endLine: 3,
      endColumn: 30,
      fixable: false,
    },
  ],
  rules,
  version: '1.2.3',
};

describe('cli formatters', () => {
  it('text: stylish blocks with aligned columns and a summary', () => {
    assert.equal(
      formatText(output),
      [
        '',
        '.mlsd.json',
        '  3:24  error  Invalid severity "warn" for rule "missing-element".',
        '',
        'docs/fraud.md',
        '  12:5   error    Accuracy is the headline metric of an imbalanced task; expected PR-AUC or recall at a precision floor.  offline-metric-misaligned',
        '  9:1    warning  No baseline, 50% of docs forget it: expected rules: or a heuristic.                                     missing-element',
        '  121:3  info     Trade-offs are thin.                                                                                    missing-element',
        '',
        '✖ 4 problems (2 errors, 1 warning, 1 info)',
        '  1 problem fixable with the --fix option.',
        '',
      ].join('\n'),
    );
  });

  it('text: colours wrap padded cells, so columns stay aligned', () => {
    const one: CheckOutput = {
      ...output,
      color: true,
      configProblems: [],
      files: [{ displayPath: 'a.md', isDesignDoc: true, findings: [output.files[0]!.findings[1]!] }],
    };
    const esc = '\u001b';
    assert.equal(
      formatText(one),
      [
        '',
        `${esc}[4ma.md${esc}[24m`,
        `  ${esc}[2m9:1${esc}[22m  ${esc}[33mwarning${esc}[39m  No baseline, 50% of docs forget it: expected rules: or a heuristic.  ${esc}[2mmissing-element${esc}[22m`,
        '',
        `${esc}[33m${esc}[1m⚠ 1 problem (0 errors, 1 warning)${esc}[22m${esc}[39m`,
        '  1 problem fixable with the --fix option.',
        '',
      ].join('\n'),
    );
  });

  it('text: prints nothing when there is nothing to say', () => {
    assert.equal(formatText({ ...output, configProblems: [], files: [output.files[1]!] }), '');
  });

  it('json: per-file counts and 1-based findings', () => {
    const parsed = JSON.parse(formatJson(output));
    assert.deepEqual(parsed.results[0], {
      file: 'docs/fraud.md',
      isDesignDoc: true,
      errorCount: 1,
      warningCount: 1,
      fixableCount: 1,
      findings: [
        {
          ruleId: 'offline-metric-misaligned',
          severity: 'error',
          message: 'Accuracy is the headline metric of an imbalanced task; expected PR-AUC or recall at a precision floor.',
          line: 12,
          column: 5,
          endLine: 12,
          endColumn: 13,
          fixable: false,
        },
        {
          ruleId: 'missing-element',
          severity: 'warning',
          message: 'No baseline, 50% of docs forget it: expected rules: or a heuristic.',
          line: 9,
          column: 1,
          endLine: 9,
          endColumn: 10,
          fixable: true,
        },
        {
          ruleId: 'missing-element',
          severity: 'info',
          message: 'Trade-offs are thin.',
          line: 121,
          column: 3,
          endLine: 122,
          endColumn: 1,
          fixable: false,
        },
      ],
    });
    assert.deepEqual(parsed.results[1], {
      file: 'README.md',
      isDesignDoc: false,
      errorCount: 0,
      warningCount: 0,
      fixableCount: 0,
      findings: [],
    });
    assert.deepEqual(parsed.configProblems, output.configProblems);
  });

  it('github: workflow commands with escaped properties and data', () => {
    assert.equal(
      formatGithub(output),
      [
        '::error file=.mlsd.json,line=3,col=24,endLine=3,endColumn=30,title=mlsd configuration::Invalid severity "warn" for rule "missing-element".',
        '::error file=docs/fraud.md,line=12,col=5,endLine=12,endColumn=13,title=offline-metric-misaligned::Accuracy is the headline metric of an imbalanced task; expected PR-AUC or recall at a precision floor.',
        '::warning file=docs/fraud.md,line=9,col=1,endLine=9,endColumn=10,title=missing-element::No baseline, 50%25 of docs forget it: expected rules: or a heuristic.',
        '::notice file=docs/fraud.md,line=121,col=3,endLine=122,endColumn=1,title=missing-element::Trade-offs are thin.',
        '',
      ].join('\n'),
    );
  });

  it('github: escapes commas, colons and newlines in properties', () => {
    const tricky: CheckOutput = {
      ...output,
      configProblems: [],
      files: [
        {
          displayPath: 'a,b:c.md',
          isDesignDoc: true,
          findings: [finding({ ruleId: 'missing-element', severity: 'warning', message: 'two\nlines', range: at(0, 0, 0, 1) })],
        },
      ],
    };
    assert.equal(
      formatGithub(tricky),
      '::warning file=a%2Cb%3Ac.md,line=1,col=1,endLine=1,endColumn=2,title=missing-element::two%0Alines\n',
    );
  });

  it('sarif: a "rule/sub" finding points at its rule\'s metadata', () => {
    const sub: CheckOutput = {
      ...output,
      configProblems: [],
      files: [
        {
          displayPath: 'a b.md',
          isDesignDoc: true,
          findings: [finding({ ruleId: 'missing-element/data.quality', severity: 'hint', message: 'm', range: at(0, 0, 0, 1) })],
        },
      ],
    };
    const [result] = JSON.parse(formatSarif(sub)).runs[0].results;
    assert.deepEqual(
      [result.ruleId, result.ruleIndex, result.level, result.locations[0].physicalLocation.artifactLocation.uri],
      ['missing-element/data.quality', 0, 'note', 'a%20b.md'],
    );
  });

  it('sarif: a path as given is normalised under %SRCROOT%, an absolute one is a file URI of its own', () => {
    const locationOf = (displayPath: string) =>
      JSON.parse(
        formatSarif({
          ...output,
          configProblems: [],
          files: [
            {
              displayPath,
              isDesignDoc: true,
              findings: [finding({ ruleId: 'missing-element', severity: 'warning', message: 'm', range: at(0, 0, 0, 1) })],
            },
          ],
        }),
      ).runs[0].results[0].locations[0].physicalLocation.artifactLocation;
    assert.deepEqual(locationOf('./docs/../docs/a.md'), { uri: 'docs/a.md', uriBaseId: '%SRCROOT%' });
    assert.deepEqual(locationOf('/tmp/design docs/a.md'), { uri: 'file:///tmp/design%20docs/a.md' });
    assert.deepEqual(locationOf('C:\\work\\a.md'), { uri: 'file:///C:/work/a.md' });
  });

  it('sarif: 2.1.0 with rule metadata, rule indexes, levels and configuration notifications', () => {
    const sarif = JSON.parse(formatSarif(output));
    assert.equal(sarif.version, '2.1.0');
    assert.equal(sarif.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
    const [run] = sarif.runs;
    assert.deepEqual(run.tool.driver.rules[1], {
      id: 'offline-metric-misaligned',
      shortDescription: { text: 'The offline metric does not fit the task.' },
      helpUri: 'https://example.invalid/rules/offline-metric-misaligned.md',
      help: { text: 'The offline metric does not fit the task. See https://example.invalid/rules/offline-metric-misaligned.md' },
      defaultConfiguration: { level: 'error' },
    });
    assert.equal(run.tool.driver.version, '1.2.3');
    assert.deepEqual(
      run.results.map((r: { ruleId: string; ruleIndex: number; level: string }) => [r.ruleId, r.ruleIndex, r.level]),
      [
        ['offline-metric-misaligned', 1, 'error'],
        ['missing-element', 0, 'warning'],
        ['missing-element', 0, 'note'],
      ],
    );
    assert.deepEqual(run.results[0].locations[0], {
      physicalLocation: {
        artifactLocation: { uri: 'docs/fraud.md', uriBaseId: '%SRCROOT%' },
        region: { startLine: 12, startColumn: 5, endLine: 12, endColumn: 13 },
      },
    });
    assert.deepEqual(run.invocations[0].toolConfigurationNotifications, [
      {
        level: 'error',
        message: { text: 'Invalid severity "warn" for rule "missing-element".' },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: '.mlsd.json', uriBaseId: '%SRCROOT%' },
              region: { startLine: 3, startColumn: 24, endLine: 3, endColumn: 30 },
            },
          },
        ],
      },
    ]);
  });
});
