import assert from 'node:assert/strict';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { main } from '../../src/cli/main';
import { threadCount, type SpawnWorker } from '../../src/cli/threads';
import { MemoryHost } from './harness';
import { REPO_ROOT } from './helpers';

// bin.ts loaded in a worker serves file jobs, as dist/cli.js does; tsx compiles it there.
const workerSource = `require(${JSON.stringify(require.resolve('tsx/cjs'))}); require(${JSON.stringify(path.join(REPO_ROOT, 'src/cli/bin.ts'))});`;

function countingSpawner(source = workerSource): { spawnWorker: SpawnWorker; spawned: () => number } {
  let spawned = 0;
  return {
    spawnWorker: (input) => {
      spawned++;
      return new Worker(source, { eval: true, workerData: input });
    },
    spawned: () => spawned,
  };
}

async function runOnDisk(argv: string[], cwd: string, options: { spawnWorker?: SpawnWorker; stdin?: string } = {}) {
  let stdout = '';
  let stderr = '';
  const code = await main({
    argv,
    cwd,
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    cores: 4,
    ...(options.spawnWorker ? { spawnWorker: options.spawnWorker } : {}),
    ...(options.stdin === undefined ? {} : { stdin: async () => options.stdin as string }),
  });
  return { code, stdout, stderr };
}

/** The fixture docs (good, bad, Russian, not design docs) in two folders, one with its own config. */
async function writeProject(directory: string): Promise<string[]> {
  const names = (await readdir(path.join(REPO_ROOT, 'test/fixtures/docs'))).filter((name) => name.endsWith('.md'));
  await mkdir(path.join(directory, 'docs/team'), { recursive: true });
  for (const name of names) {
    await cp(path.join(REPO_ROOT, 'test/fixtures/docs', name), path.join(directory, 'docs', name));
    await cp(path.join(REPO_ROOT, 'test/fixtures/docs', name), path.join(directory, 'docs/team', name));
  }
  await writeFile(
    path.join(directory, 'docs/team/.mlsd.json'),
    JSON.stringify({ rules: { 'template-residue': 'off', 'missing-element': 'error' } }),
  );
  await writeFile(
    path.join(directory, 'docs/team/front-matter-problem.md'),
    '---\nmlsd:\n  rules:\n    missing-element: loud\n---\n# Fraud scoring\n\nWe use accuracy.\n',
  );
  return names;
}

describe('cli: check on several threads', () => {
  let directory: string;
  beforeEach(async () => {
    directory = await mkdtemp(path.join(os.tmpdir(), 'mlsd-threads-'));
  });
  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('prints exactly what one thread prints, in every format', async function () {
    // Eight runs that each start worker threads loading the whole CLI bundle: on a loaded 2-core
    // machine that alone outlasts mocha's default.
    this.timeout(120_000);
    const names = await writeProject(directory);
    for (const format of ['text', 'json', 'sarif', 'github']) {
      const workers = countingSpawner();
      const onThreads = await runOnDisk(['check', '--format', format, '--concurrency', '3', 'docs'], directory, {
        spawnWorker: workers.spawnWorker,
      });
      const onOne = await runOnDisk(['check', '--format', format, '--concurrency', 'off', 'docs'], directory, {
        spawnWorker: workers.spawnWorker,
      });
      assert.equal(workers.spawned(), 2, format);
      assert.deepEqual(onThreads, onOne, format);
    }
    const json = await runOnDisk(['check', '--format', 'json', 'docs'], directory, countingSpawner());
    assert.equal(JSON.parse(json.stdout).results.length, names.length * 2 + 1);
  });

  it('--fix on threads writes the same files as on one thread', async () => {
    const names = await writeProject(path.join(directory, 'a'));
    await writeProject(path.join(directory, 'b'));
    const workers = countingSpawner();
    const onThreads = await runOnDisk(['check', '--fix', '--concurrency', '2', 'docs'], path.join(directory, 'a'), {
      spawnWorker: workers.spawnWorker,
    });
    const onOne = await runOnDisk(['check', '--fix', '--concurrency', 'off', 'docs'], path.join(directory, 'b'), {
      spawnWorker: workers.spawnWorker,
    });
    assert.equal(workers.spawned(), 1);
    assert.deepEqual(onThreads, onOne);
    let changed = 0;
    for (const file of names.flatMap((name) => [`docs/${name}`, `docs/team/${name}`])) {
      const fixed = await readFile(path.join(directory, 'a', file), 'utf8');
      assert.equal(fixed, await readFile(path.join(directory, 'b', file), 'utf8'), file);
      if (fixed !== (await readFile(path.join(REPO_ROOT, 'test/fixtures/docs', path.basename(file)), 'utf8'))) changed++;
    }
    assert.ok(changed > 0, 'expected --fix to change some fixture');
  });

  it('checks stdin on the main thread, after the files', async () => {
    await writeProject(directory);
    const stdin = '# Churn model\n\nWe report accuracy offline.\n';
    const workers = countingSpawner();
    const onThreads = await runOnDisk(['check', '--format', 'json', '--concurrency', '2', 'docs', '-'], directory, {
      spawnWorker: workers.spawnWorker,
      stdin,
    });
    const onOne = await runOnDisk(['check', '--format', 'json', '--concurrency', 'off', 'docs', '-'], directory, { stdin });
    assert.equal(workers.spawned(), 1);
    assert.deepEqual(onThreads, onOne);
    assert.equal(JSON.parse(onThreads.stdout).results.at(-1).file, '<stdin>');
  });

  it('reports a thread that fails as an internal error, with nothing on stdout', async () => {
    await writeProject(directory);
    const failing = countingSpawner("throw new Error('worker failed to start')");
    const { code, stdout, stderr } = await runOnDisk(['check', '--concurrency', '2', 'docs'], directory, {
      spawnWorker: failing.spawnWorker,
    });
    assert.equal(failing.spawned(), 1);
    assert.equal(code, 2);
    assert.equal(stdout, '');
    // The worker's own stack follows; its first line names the error.
    assert.match(stderr, /^mlsd: internal error: [^]*\nError: worker failed to start\n {4}at /);
  });

  it('starts no worker for an in-memory host, whose files workers could not see', async () => {
    const workers = countingSpawner();
    const host = new MemoryHost({ '/work/a.md': '# A\n', '/work/b.md': '# B\n', '/work/c.md': '# C\n' });
    const code = await main({
      argv: ['check', '--concurrency', '3'],
      cwd: '/work',
      host,
      stdout: () => undefined,
      stderr: () => undefined,
      spawnWorker: workers.spawnWorker,
    });
    assert.equal(code, 0);
    assert.equal(workers.spawned(), 0);
  });

  it('rejects a --concurrency that is not auto, off or a positive whole number', async () => {
    for (const value of ['0', 'two', '-1']) {
      const { code, stdout, stderr } = await runOnDisk(['check', `--concurrency=${value}`, 'docs'], directory);
      assert.deepEqual(
        { code, stdout, stderr },
        {
          code: 2,
          stdout: '',
          stderr: `mlsd: Invalid value "${value}" for --concurrency; expected auto, off or a number of threads (1 or more).\nRun "mlsd --help" for usage.\n`,
        },
      );
    }
  });
});

describe('cli: threadCount', () => {
  it('auto: one thread per 64 files, at most one per core', () => {
    assert.deepEqual(
      [0, 63, 127, 128, 1000].map((files) => threadCount('auto', files, 2)),
      [1, 1, 1, 2, 2],
    );
    assert.deepEqual(
      [192, 256, 1000].map((files) => threadCount('auto', files, 4)),
      [3, 4, 4],
    );
  });

  it('off is one thread; a number is taken as given, but never more threads than files', () => {
    assert.equal(threadCount('off', 1000, 8), 1);
    assert.equal(threadCount(5, 1000, 2), 5);
    assert.equal(threadCount(3, 2, 8), 2);
    assert.equal(threadCount(3, 0, 8), 1);
  });
});
