import path from 'node:path';
import { toReportFinding } from '../../core/report';
import type { Severity } from '../../core/types';
import type { CheckOutput, RuleInfo } from './types';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** SARIF 2.1.0, the format code-scanning services ingest. Paths are relative to %SRCROOT% (the working directory). */
export function formatSarif({ files, configProblems, rules, version }: CheckOutput): string {
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const results = files.flatMap(({ displayPath, findings }) =>
    findings.map(toReportFinding).map((finding) => {
      const index = ruleIndex.get(finding.ruleId) ?? ruleIndex.get(baseRuleId(finding.ruleId));
      return {
        ruleId: finding.ruleId,
        ...(index === undefined ? {} : { ruleIndex: index }),
        level: LEVEL[finding.severity],
        message: { text: finding.message },
        locations: [location(displayPath, finding)],
      };
    }),
  );
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'mlsd',
            version,
            informationUri: 'https://example.invalid/mlsd',
            rules: rules.map(describeRule),
          },
        },
        invocations: [
          {
            executionSuccessful: true,
            toolConfigurationNotifications: configProblems.map((problem) => ({
              level: problem.severity,
              message: { text: problem.message },
              locations: [location(problem.displayPath, problem)],
            })),
          },
        ],
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The directory mlsd was run in.' } } },
        results,
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}

function describeRule(rule: RuleInfo) {
  return {
    id: rule.id,
    shortDescription: { text: rule.description },
    helpUri: rule.url,
    help: { text: `${rule.description} See ${rule.url}` },
    defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
  };
}

/**
 * A path as given becomes a URI relative to %SRCROOT% ("./docs/../docs/a.md" as "docs/a.md"); an
 * absolute one, which no base can hold, an absolute file URI of its own.
 */
function artifactLocation(file: string): { uri: string; uriBaseId?: string } {
  const slashed = file.replace(/\\/g, '/');
  const encode = (segments: string) => segments.split('/').map(encodeURIComponent).join('/');
  const drive = /^[A-Za-z]:\//.exec(slashed);
  if (drive) return { uri: `file:///${slashed.slice(0, 2)}${encode(path.posix.normalize(slashed.slice(2)))}` };
  if (slashed.startsWith('/')) return { uri: `file://${encode(path.posix.normalize(slashed))}` };
  return { uri: encode(path.posix.normalize(slashed)), uriBaseId: '%SRCROOT%' };
}

function location(file: string, at: { line: number; column: number; endLine: number; endColumn: number }) {
  return {
    physicalLocation: {
      artifactLocation: artifactLocation(file),
      region: { startLine: at.line, startColumn: at.column, endLine: at.endLine, endColumn: at.endColumn },
    },
  };
}

/** Findings of one rule about one element carry "rule/element"; SARIF metadata is per rule. */
function baseRuleId(ruleId: string): string {
  const slash = ruleId.indexOf('/');
  return slash < 0 ? ruleId : ruleId.slice(0, slash);
}
