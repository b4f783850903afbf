import { analyze, fixUntilStable } from '../core';
import type { AnalysisResult } from '../core/types';
import { oneOf, parseCommandLine } from './args';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, type CliContext } from './context';
import { DocumentSet, STDIN_OPERAND, type DocumentToCheck } from './documents';
import { formatGithub } from './formatters/github';
import { formatJson } from './formatters/json';
import { formatSarif } from './formatters/sarif';
import { formatText } from './formatters/text';
import type { CheckedFile, CheckOutput } from './formatters/types';
import { ruleInfos } from './rules';
import { UsageError } from './usage-error';
import { showConfigProblems } from './config-problems';
import { VERSION } from './version';

const FORMATS = ['text', 'json', 'sarif', 'github'] as const;
const FORMATTERS: Record<(typeof FORMATS)[number], (output: CheckOutput) => string> = {
  text: formatText,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
};

export async function runCheck(args: readonly string[], context: CliContext): Promise<number> {
  const { values, positionals } = parseCommandLine('check', args, {
    format: { type: 'string' },
    fix: { type: 'boolean' },
    config: { type: 'string' },
    'max-warnings': { type: 'string' },
  });
  const format = oneOf('format', values.format, FORMATS, 'text');
  const maxWarnings = parseMaxWarnings(values['max-warnings']);
  const operands = positionals.length > 0 ? positionals : ['.'];
  if (values.fix === true && operands.includes(STDIN_OPERAND)) throw new UsageError('--fix cannot be used with - (stdin): there is no file to write.');

  const documents = new DocumentSet(context, values.config as string | undefined);
  const files: CheckedFile[] = [];
  for await (const document of documents.documents(operands)) {
    const result = values.fix === true ? await analyzeAndFix(document, context) : analyzeDocument(document, document.text);
    documents.addProblems(document.displayPath, result.configErrors);
    files.push({ displayPath: document.displayPath, isDesignDoc: result.model.isDesignDoc, findings: result.findings });
  }

  const configProblems = documents.configProblems;
  const output: CheckOutput = { files, configProblems, rules: ruleInfos(), version: VERSION, color: context.color };
  context.stdout(FORMATTERS[format](output));
  if (format !== 'github' && format !== 'sarif') showConfigProblems(configProblems, context);

  if (configProblems.some((problem) => problem.severity === 'error')) return EXIT_USAGE;
  const findings = files.flatMap((file) => file.findings);
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  const warnings = findings.filter((finding) => finding.severity === 'warning').length;
  if (errors > 0) return EXIT_FINDINGS;
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    context.stderr(`mlsd: ${warnings} warnings, more than --max-warnings ${maxWarnings}.\n`);
    return EXIT_FINDINGS;
  }
  return EXIT_OK;
}

export function analyzeDocument(document: DocumentToCheck, text: string): AnalysisResult {
  return analyze(text, { config: document.config, path: document.pathForConfig });
}

/** Fix, re-analyse, repeat until nothing more applies (bounded); the file is written once, only if it changed. */
async function analyzeAndFix(document: DocumentToCheck, context: CliContext): Promise<AnalysisResult> {
  const { text, result } = fixUntilStable(document.text, (current) => analyzeDocument(document, current));
  if (text !== document.text && document.absolutePath !== undefined) await context.host.writeFile(document.absolutePath, text);
  return result;
}

function parseMaxWarnings(value: string | boolean | undefined): number | undefined {
  if (value === undefined) return undefined;
  const parsed = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(parsed)) throw new UsageError(`Invalid value "${String(value)}" for --max-warnings; expected a whole number of 0 or more.`);
  return parsed;
}
