// `npm run fuzz -- --runs N --seed S`: the fuzz harness (test/fuzz/harness.ts) on N cases of seed S.
// Prints progress every 1,000 cases on stderr, then a summary (and the first failures of each kind,
// with their text); exits 1 on any failure.
// `--case I` prints case I of the seed as JSON and checks it alone, to reproduce a failure.
import { parseArgs } from 'node:util';
import { FAILURE_KINDS, checkCase, generateCase, runFuzz, type FuzzSummary } from '../test/fuzz/harness';

const { values } = parseArgs({
  options: {
    runs: { type: 'string' },
    seed: { type: 'string' },
    from: { type: 'string' },
    case: { type: 'string' },
    json: { type: 'boolean' },
  },
});
const whole = (name: string, value: string | undefined, fallback: number): number => {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) throw new Error(`--${name} needs a whole number, got "${value}"`);
  return Number(value);
};
const seed = whole('seed', values.seed, 1);

if (values.case !== undefined) {
  const fuzzCase = generateCase(seed, whole('case', values.case, 0));
  console.log(JSON.stringify(fuzzCase, null, 2));
  const outcome = checkCase(fuzzCase, seed);
  console.log(JSON.stringify(outcome, null, 2));
  process.exitCode = outcome.failures.length > 0 ? 1 : 0;
} else {
  const runs = whole('runs', values.runs, 1000);
  const started = Date.now();
  const summary = runFuzz({
    seed,
    runs,
    from: whole('from', values.from, 0),
    onProgress: (done, partial) => {
      process.stderr.write(`${done} cases, ${Math.round((Date.now() - started) / 1000)} s, failures: ${failureLine(partial)}\n`);
    },
  });
  const seconds = (Date.now() - started) / 1000;
  if (values.json) console.log(JSON.stringify({ seed, seconds, ...summary }));
  else print(summary, seconds);
  process.exitCode = FAILURE_KINDS.some((kind) => summary.counts[kind] > 0) ? 1 : 0;
}

function failureLine(summary: FuzzSummary): string {
  return FAILURE_KINDS.map((kind) => `${kind} ${summary.counts[kind]}`).join(', ');
}

function print(summary: FuzzSummary, seconds: number): void {
  console.log(`mlsd fuzz: seed ${seed}, ${summary.cases} cases in ${seconds.toFixed(1)} s (${summary.designDocs} design docs)`);
  console.log(
    `  ${summary.fixesChecked} offered fixes applied (${summary.preferredFixesChecked} preferred); ${summary.fixAllsChanged} fix-alls changed their doc, in at most ${summary.maxFixPasses} passes`,
  );
  console.log(`  slowest case: ${summary.slowest.index} (${summary.slowest.ms.toFixed(0)} ms)`);
  console.log(`  failures (cases): ${failureLine(summary)}`);
  for (const example of summary.examples) {
    console.log(
      `\n[${example.kind}] case ${example.index} (reproduce: npm run fuzz -- --seed ${example.seed} --case ${example.index})\n  ${example.detail}\n  text: ${JSON.stringify(example.text.length > 600 ? `${example.text.slice(0, 600)}…` : example.text)}`,
    );
  }
}
