// `npm run bench`: mlsd against markdownlint on the same generated design docs, in one process.
// Prints a table; with --json prints exactly one line of JSON (see issue 5 for its shape).
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { lint } from 'markdownlint/sync';
import { analyze } from '../../src/core';
import { createAnalysisSession } from '../../src/core/incremental';
import { measureActivation, vsixBytes } from './activation';
import { generateDesignDoc, middleEditOffset } from './generate';
import { median, repetitionsFor, round, timeAlternating, timeMedian } from './timing';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const sizesArgument = process.argv.find((argument) => argument.startsWith('--sizes='));
const SIZES = sizesArgument ? sizesArgument.slice('--sizes='.length).split(',').map(Number) : [500, 5_000, 50_000];
const SLICE_BUDGET_MS = 8;

interface SizeResult {
  lines: number;
  markdownlintMs: number;
  coldMs: number;
  editMs: number;
  coldRatio: number;
  editRatio: number;
}

function lintWithMarkdownlint(text: string): void {
  // All default rules: no config given.
  lint({ strings: { doc: text } });
}

/**
 * Re-analysis after a one-character edit in the middle, alternating insert and delete, after 20
 * warm-up edits (a word typed). The session is given the whole new text, as the editor gives it
 * (`analyzeInSlices(document.getText())` runs the same steps), so finding what changed is timed
 * too. Back to back by default, as typing runs; `afterGc` forces a full GC before each edit
 * instead, the pessimistic figure.
 */
function timeEdit(text: string, lines: number, afterGc = false): number {
  const session = createAnalysisSession();
  session.update(text);
  const offset = middleEditOffset(text);
  const typedText = `${text.slice(0, offset)}x${text.slice(offset)}`;
  let typed = false;
  return timeMedian(
    () => {
      session.update(typed ? text : typedText);
      typed = !typed;
    },
    { warmup: 20, runs: lines <= 10_000 ? 41 : 11, backToBack: !afterGc },
  );
}

/**
 * How long the extension host is blocked at a time when the analysis runs in slices: steps run
 * until the slice budget is used, as `analyzeInSlices` does, and the longest slice is kept.
 * Measured cold (first open) and after a one-character edit.
 */
function longestSlice(text: string): { coldSliceMs: number; editSliceMs: number; longestStepMs: number } {
  const session = createAnalysisSession();
  let longestStepMs = 0;
  const run = (source: string): number => {
    const steps = session.updateInSlices(source);
    let longest = 0;
    for (;;) {
      const sliceStart = performance.now();
      let step;
      do {
        const stepStart = performance.now();
        step = steps.next();
        longestStepMs = Math.max(longestStepMs, performance.now() - stepStart);
      } while (!step.done && performance.now() - sliceStart < SLICE_BUDGET_MS);
      longest = Math.max(longest, performance.now() - sliceStart);
      if (step.done) return longest;
    }
  };
  const coldSliceMs = run(text);
  const offset = middleEditOffset(text);
  const editSamples: number[] = [];
  for (let i = 0; i < 5; i++) editSamples.push(run(text.slice(0, offset) + 'x'.repeat(i + 1) + text.slice(offset)));
  return { coldSliceMs, editSliceMs: median(editSamples), longestStepMs };
}

function measureSize(
  lines: number,
): SizeResult & { editAfterGcMs: number; coldSliceMs?: number; editSliceMs?: number; longestStepMs?: number } {
  const text = generateDesignDoc(lines);
  const repetitions = repetitionsFor(lines);
  const [markdownlintMs, coldMs] = timeAlternating([() => lintWithMarkdownlint(text), () => analyze(text)], repetitions) as [
    number,
    number,
  ];
  const editMs = timeEdit(text, lines);
  const editAfterGcMs = timeEdit(text, lines, true);
  const result = {
    lines,
    markdownlintMs: round(markdownlintMs),
    coldMs: round(coldMs),
    editMs: round(editMs, 3),
    coldRatio: round(coldMs / markdownlintMs, 3),
    editRatio: round(editMs / markdownlintMs, 4),
    editAfterGcMs: round(editAfterGcMs, 3),
  };
  return lines >= 50_000 ? { ...result, ...mapRound(longestSlice(text)) } : result;
}

function mapRound<T extends Record<string, number>>(values: T): T {
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, round(value)])) as T;
}

function main(): void {
  const json = process.argv.includes('--json');
  const measured = SIZES.map(measureSize);
  const sizes: SizeResult[] = measured.map(({ lines, markdownlintMs, coldMs, editMs, coldRatio, editRatio }) => ({
    lines,
    markdownlintMs,
    coldMs,
    editMs,
    coldRatio,
    editRatio,
  }));
  const activation = measureActivation(root);
  const report = { sizes, activationMs: activation === null ? null : round(activation), vsixBytes: vsixBytes(root) };
  if (json) {
    process.stdout.write(`${JSON.stringify(report)}\n`);
    return;
  }
  const rows = [
    ['lines', 'KB', 'markdownlint ms', 'mlsd cold ms', 'cold ratio', 'mlsd edit ms', 'edit ratio', 'edit after full GC ms'],
    ...measured.map((size) => [
      String(size.lines),
      String(Math.round(generateDesignDoc(size.lines).length / 1024)),
      size.markdownlintMs.toFixed(1),
      size.coldMs.toFixed(1),
      `${size.coldRatio.toFixed(2)}x`,
      size.editMs.toFixed(2),
      `${size.editRatio.toFixed(3)}x`,
      size.editAfterGcMs.toFixed(2),
    ]),
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  for (const row of rows) console.log(row.map((cell, column) => cell.padStart(widths[column]!)).join('  '));
  const largest = measured.find((size) => size.coldSliceMs !== undefined);
  if (largest) {
    console.log(
      `\n${largest.lines} lines in slices of ${SLICE_BUDGET_MS} ms: the host is blocked at most ${largest.coldSliceMs} ms at a time ` +
        `on open, ${largest.editSliceMs} ms after an edit; longest single step ${largest.longestStepMs} ms (target: under 50 ms)`,
    );
  }
  console.log(`activation: ${report.activationMs ?? 'n/a (no dist/extension.js: run npm run build)'} ms (target: under 50 ms)`);
  console.log(
    `vsix: ${report.vsixBytes === null ? 'n/a (no dist/mlsd.vsix: run npm run build)' : `${(report.vsixBytes / 1024).toFixed(0)} KB`} (target: under 1 MB)`,
  );
  console.log(
    `\nNode ${process.version}, medians after warm-up (markdownlint and mlsd cold run in alternation, each after a full GC); edits run back to back as keystrokes do, and once more each after a forced full GC; ratios are mlsd / markdownlint (lower is better).`,
  );
}

main();
