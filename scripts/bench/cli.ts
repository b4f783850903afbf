// `npm run bench:cli`: throughput of the whole CLI process on 1,000 generated design docs,
// `mlsd check` (dist/cli.js) against `markdownlint-cli2` on the same files. Each tool runs as a
// separate process, as a user or CI runs it; output goes to /dev/null for both.
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

function timeProcess(args: string[], cwd: string): number {
  const samples: number[] = [];
  for (let i = 0; i < REPETITIONS; i++) {
    const start = performance.now();
    const child = spawnSync(process.execPath, args, { cwd, stdio: 'ignore' });
    samples.push(performance.now() - start);
    // Both tools exit 1 when they find something; anything else means the run did not happen.
    if (child.status !== 0 && child.status !== 1) throw new Error(`${args.join(' ')} exited with ${child.status}`);
  }
  return median(samples);
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
    const mlsdMs = timeProcess([cli, 'check', 'docs'], workspace);
    const markdownlintMs = timeProcess([markdownlintCli2, 'docs/**/*.md'], workspace);
    const json = { docs: DOCS, lines, bytes, mlsdMs: Math.round(mlsdMs), markdownlintCli2Ms: Math.round(markdownlintMs), ratio: Math.round((mlsdMs / markdownlintMs) * 1000) / 1000 };
    if (process.argv.includes('--json')) {
      process.stdout.write(`${JSON.stringify(json)}\n`);
      return;
    }
    console.log(`${DOCS} docs, ${lines} lines, ${(bytes / 1024 / 1024).toFixed(1)} MB; whole processes, median of ${REPETITIONS}`);
    console.log(`mlsd check          ${json.mlsdMs} ms  (${((DOCS / mlsdMs) * 1000).toFixed(0)} docs/s)`);
    console.log(`markdownlint-cli2   ${json.markdownlintCli2Ms} ms  (${((DOCS / markdownlintMs) * 1000).toFixed(0)} docs/s)`);
    console.log(`ratio mlsd / markdownlint-cli2: ${json.ratio.toFixed(2)}x (target: at most 1.00x)`);
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

main();
