// mlsd in an editor nobody here wrote: Neovim's built-in LSP client runs `mlsd lsp --stdio` (the
// built dist/cli.js, as users run it) on a thin fraud design doc, shows the diagnostics, applies a
// code action through its own code-action UI and gets the re-check back. The Lua side
// (neovim/init.lua) records what Neovim saw; this file judges it. `npm run test:neovim` installs
// Neovim first when it is missing (scripts/e2e/ensure-neovim.mjs).
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

interface SeenDiagnostic {
  line: number;
  col: number;
  code: string;
  source: string;
  message: string;
}
interface NeovimResult {
  steps: string[];
  error?: string;
  filetype: string;
  before?: SeenDiagnostic[];
  offered?: string[];
  edited_line?: string;
  after?: SeenDiagnostic[];
}

function runNeovim(doc: string, rule: string, action: string, home: string): NeovimResult {
  const resultFile = path.join(home, 'result.json');
  const run = spawnSync('nvim', ['--headless', '-n', '-i', 'NONE', '-u', path.join(__dirname, 'neovim/init.lua')], {
    cwd: path.dirname(doc),
    encoding: 'utf8',
    timeout: 110000,
    env: {
      ...process.env,
      // Nothing from the user's Neovim set-up, and its LSP log in the throwaway folder.
      HOME: home,
      XDG_CONFIG_HOME: path.join(home, 'config'),
      XDG_DATA_HOME: path.join(home, 'data'),
      XDG_STATE_HOME: path.join(home, 'state'),
      XDG_CACHE_HOME: path.join(home, 'cache'),
      MLSD_DOC: doc,
      MLSD_RULE: rule,
      MLSD_ACTION: action,
      MLSD_RESULT: resultFile,
      MLSD_SERVER_CMD: JSON.stringify([process.execPath, path.join(ROOT, 'dist/cli.js'), 'lsp', '--stdio']),
    },
  });
  if (!fs.existsSync(resultFile)) {
    throw new Error(
      `Neovim wrote no result (exit ${run.status}, ${run.error?.message ?? 'no spawn error'}):\n${run.stdout}\n${run.stderr}`,
    );
  }
  return JSON.parse(fs.readFileSync(resultFile, 'utf8')) as NeovimResult;
}

/** How many findings `mlsd check` (the built CLI) reports on a doc: the server must publish the same. */
function findingsOfCheck(doc: string): number {
  const run = spawnSync(process.execPath, [path.join(ROOT, 'dist/cli.js'), 'check', '--format', 'json', doc], { encoding: 'utf8' });
  const report = JSON.parse(run.stdout) as { results: { findings: unknown[] }[] };
  return report.results[0]!.findings.length;
}

describe('mlsd lsp in headless Neovim', () => {
  let home: string;

  before(() => {
    assert.ok(fs.existsSync(path.join(ROOT, 'dist/cli.js')) && fs.existsSync(path.join(ROOT, 'dist/lsp.js')), 'build first: npm run build');
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'mlsd-neovim-'));
  });

  after(() => fs.rmSync(home, { recursive: true, force: true }));

  it('shows mlsd diagnostics on a thin fraud doc, applies a quick fix and gets fewer back', () => {
    const doc = path.join(home, 'fraud-design.md');
    fs.copyFileSync(path.join(ROOT, 'test/fixtures/lsp/thin-fraud.md'), doc);
    const seen = runNeovim(doc, 'metric-task-mismatch', "Replace 'accuracy' with PR-AUC", home);
    assert.equal(seen.error, undefined, `Neovim: ${seen.error} (steps: ${seen.steps.join(', ')})`);
    assert.deepEqual(seen.steps, ['attached', 'diagnostics', 'applied', 'rechecked']);
    assert.equal(seen.filetype, 'markdown');

    const before = seen.before ?? [];
    assert.ok(before.length >= 5, `${before.length} diagnostics`);
    assert.equal(before.length, findingsOfCheck(doc), 'the same findings as `mlsd check`');
    assert.ok(before.every((diagnostic) => diagnostic.source === 'mlsd'));
    const mismatch = before.find((diagnostic) => diagnostic.code === 'metric-task-mismatch');
    assert.deepEqual(mismatch && [mismatch.line, mismatch.col], [11, 14]);

    assert.ok(seen.offered?.includes('Disable metric-task-mismatch for this file'));
    assert.ok(seen.offered?.includes('Fix all mlsd problems'));
    assert.equal(seen.edited_line, 'We will track PR-AUC on a held-out month of transactions.');

    const after = seen.after ?? [];
    assert.equal(after.length, before.length - 1);
    assert.ok(!after.some((diagnostic) => diagnostic.code === 'metric-task-mismatch'));
  });
});
