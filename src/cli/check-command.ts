import { oneOf, parseCommandLine } from './args';
import { checkFile, checkText, type FileOutcome } from './check-document';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, type CliContext } from './context';
import { DocumentSet, STDIN_OPERAND, type PlannedDocument } from './documents';
import { formatGithub } from './formatters/github';
import { formatJson } from './formatters/json';
import { formatSarif } from './formatters/sarif';
import { formatText, plural } from './formatters/text';
import type { CheckedFile, CheckOutput } from './formatters/types';
import { ruleInfos } from './rules';
import { UsageError } from './usage-error';
import { showConfigProblems } from './config-problems';
import { checkFilesOnThreads, threadCount, type Concurrency, type FileJob } from './threads';
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
    concurrency: { type: 'string' },
  });
  const format = oneOf('format', values.format, FORMATS, 'text');
  const maxWarnings = parseMaxWarnings(values['max-warnings']);
  const concurrency = parseConcurrency(values.concurrency);
  const fix = values.fix === true;
  const operands = positionals.length > 0 ? positionals : ['.'];
  if (fix && operands.includes(STDIN_OPERAND)) throw new UsageError('--fix cannot be used with - (stdin): there is no file to write.');

  const documents = new DocumentSet(context, values.config as string | undefined);
  const planned = await documents.plan(operands);
  const outcomes = await checkDocuments(planned, documents, context, { fix, concurrency });
  const files: CheckedFile[] = [];
  planned.forEach((document, index) => {
    const { check, note } = outcomes[index]!;
    if (note !== undefined) context.stderr(`${document.displayPath}: ${note}\n`);
    if (!check) return;
    documents.addProblems(document.displayPath, check.configErrors);
    files.push({ displayPath: document.displayPath, isDesignDoc: check.isDesignDoc, findings: check.findings });
  });
  const failed = outcomes.filter((outcome) => outcome.status === 'failed').length;
  if (fix) {
    const count = (status: FileOutcome['status']) => outcomes.filter((outcome) => outcome.status === status).length;
    context.stderr(`mlsd --fix: ${plural(count('changed'), 'file')} changed, ${count('skipped')} skipped, ${failed} failed.\n`);
  } else if (failed > 0) {
    context.stderr(`mlsd: ${plural(failed, 'file')} could not be checked.\n`);
  }

  const configProblems = documents.configProblems;
  const output: CheckOutput = { files, configProblems, rules: ruleInfos(), version: VERSION, color: context.color };
  context.stdout(FORMATTERS[format](output));
  // The text format lists every problem in a file block; JSON keeps them apart, so stderr names them too.
  if (format !== 'github' && format !== 'sarif') showConfigProblems(configProblems, context, () => format === 'text');

  if (failed > 0 || configProblems.some((problem) => problem.severity === 'error')) return EXIT_USAGE;
  const findings = files.flatMap((file) => file.findings);
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  // A warning about a config key or a suppression comment counts as ESLint counts an unused directive.
  const warnings = [...findings, ...configProblems].filter((problem) => problem.severity === 'warning').length;
  if (errors > 0) return EXIT_FINDINGS;
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    context.stderr(`mlsd: ${plural(warnings, 'warning')}, more than --max-warnings ${maxWarnings}.\n`);
    return EXIT_FINDINGS;
  }
  return EXIT_OK;
}

/**
 * Checks the documents in order: on worker threads too when there are enough files and the caller
 * can start workers, else one after another here. Stdin is always checked here. A file that cannot
 * be read, analysed or written is that file's outcome; the others are still checked.
 */
async function checkDocuments(
  planned: readonly PlannedDocument[],
  documents: DocumentSet,
  context: CliContext,
  options: { fix: boolean; concurrency: Concurrency },
): Promise<FileOutcome[]> {
  const files = planned.filter((document): document is PlannedDocument & FileJob => document.absolutePath !== undefined);
  const checkHere = (document: PlannedDocument & FileJob): Promise<FileOutcome> =>
    checkFile(document.absolutePath, document, options.fix, context.host);
  const threads = context.spawnWorker ? threadCount(options.concurrency, files.length, context.cores) : 1;
  const onThreads =
    threads > 1
      ? await checkFilesOnThreads(
          files.map(({ absolutePath, config, pathForConfig }) => ({ absolutePath, config, pathForConfig })),
          {
            fix: options.fix,
            workers: threads - 1,
            spawnWorker: context.spawnWorker!,
            checkHere: (index) => checkHere(files[index]!),
          },
        )
      : undefined;
  const outcomes: FileOutcome[] = [];
  let fileIndex = 0;
  for (const document of planned) {
    if (document.absolutePath === undefined) {
      // Standard input: text already, never written.
      outcomes.push({ status: 'checked', check: checkText(document, await documents.read(document), false).check });
    } else {
      outcomes.push(onThreads ? onThreads[fileIndex++]! : await checkHere(document as PlannedDocument & FileJob));
    }
  }
  return outcomes;
}

function parseConcurrency(value: string | boolean | undefined): Concurrency {
  if (value === undefined || value === 'auto') return 'auto';
  if (value === 'off') return 'off';
  const parsed = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(parsed) || parsed < 1)
    throw new UsageError(`Invalid value "${String(value)}" for --concurrency; expected auto, off or a number of threads (1 or more).`);
  return parsed;
}

function parseMaxWarnings(value: string | boolean | undefined): number | undefined {
  if (value === undefined) return undefined;
  // -1 is ESLint's "no limit", which scripts pass to turn the check off.
  if (value === '-1') return undefined;
  const parsed = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(parsed))
    throw new UsageError(`Invalid value "${String(value)}" for --max-warnings; expected a whole number of 0 or more, or -1 for no limit.`);
  return parsed;
}
