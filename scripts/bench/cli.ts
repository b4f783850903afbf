// `npm run bench:cli`: throughput of the whole CLI process on 1,000 generated design docs,
// `mlsd check` (dist/cli.js) against `markdownlint-cli2` on the same files. Each tool runs as a
// separate process, as a user or CI runs it, with its default settings; output goes to /dev/null
// for both. mlsd checks files on every core by default (markdownlint-cli2 lints on one thread), so
// mlsd on one thread (--concurrency off) is timed too.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createRandom, generateDesignDoc } from './generate';
import { median } from './timing';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DOCS = 1_000;
const REPETITIONS = 3;

function writeDocs(directory: string): { lines: number; bytes: number } {
  const random = createRandom(42);
  let lines = 0;
  let bytes = 0;
  for (let i = 0; i < DOCS; i++) {
    // Real design docs run from a short page to a long review: 80 to 800 lines.
    const size = 80 + Math.floor(random() * 720);
    const text = `${generateDesignDoc(size, i + 1)}\n`;
    fs.writeFileSync(path.join(directory, `design-${String(i).padStart(4, '0')}.md`), text);
    lines += size;
    bytes += Buffer.byteLength(text);
  }
  return { lines, bytes };
}

function timeProcess(args: readonly string[], cwd: string): number {
  const start = performance.now();
  const child = spawnSync(process.execPath, args, { cwd, stdio: 'ignore' });
  const elapsed = performance.now() - start;
  // Both tools exit 1 when they find something; anything else means the run did not happen.
  if (child.status !== 0 && child.status !== 1) throw new Error(`${args.join(' ')} exited with ${child.status}`);
  return elapsed;
}

/**
 * Median milliseconds of each command, run in alternation (a b c, c b a, a b c), so a busy spell on
 * a shared machine slows every tool alike instead of whichever happened to run then.
 */
function timeProcesses(commands: readonly (readonly string[])[], cwd: string): number[] {
  const samples = commands.map((): number[] => []);
  const order = commands.map((_, index) => index);
  for (let i = 0; i < REPETITIONS; i++) {
    for (const index of i % 2 === 0 ? order : [...order].reverse()) samples[index]!.push(timeProcess(commands[index]!, cwd));
  }
  return samples.map(median);
}

function main(): void {
  const cli = path.join(root, 'dist/cli.js');
  if (!fs.existsSync(cli)) throw new Error('dist/cli.js is missing: run npm run build first');
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'mlsd-bench-cli-'));
  try {
    const docs = path.join(workspace, 'docs');
    fs.mkdirSync(docs);
    const { lines, bytes } = writeDocs(docs);
    const markdownlintCli2 = path.join(root, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs');
    const [mlsdMs, markdownlintMs, mlsdOneThreadMs] = timeProcesses(
      [
        [cli, 'check', 'docs'],
        [markdownlintCli2, 'docs/**/*.md'],
        [cli, 'check', '--concurrency', 'off', 'docs'],
      ],
      workspace,
    ) as [number, number, number];
    const ratio = (ms: number): number => Math.round((ms / markdownlintMs) * 1000) / 1000;
    const json = {
      docs: DOCS,
      lines,
      bytes,
      mlsdMs: Math.round(mlsdMs),
      markdownlintCli2Ms: Math.round(markdownlintMs),
      ratio: ratio(mlsdMs),
      mlsdOneThreadMs: Math.round(mlsdOneThreadMs),
      oneThreadRatio: ratio(mlsdOneThreadMs),
    };
    if (process.argv.includes('--json')) {
      process.stdout.write(`${JSON.stringify(json)}\n`);
      return;
    }
    console.log(`${DOCS} docs, ${lines} lines, ${(bytes / 1024 / 1024).toFixed(1)} MB; whole processes, median of ${REPETITIONS}`);
    console.log(`cores: ${os.availableParallelism()}`);
    console.log(`mlsd check                      ${json.mlsdMs} ms  (${((DOCS / mlsdMs) * 1000).toFixed(0)} docs/s)`);
    console.log(`markdownlint-cli2               ${json.markdownlintCli2Ms} ms  (${((DOCS / markdownlintMs) * 1000).toFixed(0)} docs/s)`);
    console.log(`mlsd check --concurrency off    ${json.mlsdOneThreadMs} ms  (${((DOCS / mlsdOneThreadMs) * 1000).toFixed(0)} docs/s)`);
    console.log(
      `ratio mlsd / markdownlint-cli2: ${json.ratio.toFixed(2)}x (target: at most 1.00x); on one thread ${json.oneThreadRatio.toFixed(2)}x`,
    );
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

main();
