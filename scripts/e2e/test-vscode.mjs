#!/usr/bin/env node
// `npm run test:vscode`: bundles the integration suite (test/vscode/suite → out/test/vscode/suite)
// and runs it in a real VS Code extension host with @vscode/test-electron's runTests.
//
// Where VS Code comes from:
//   - VSCODE_TEST_SHIM set: that "executable" (scripts/e2e/code-shim.mjs runs code-server offline);
//   - MLSD_E2E_DOWNLOAD=1: test-electron downloads desktop VS Code (needs internet);
//   - else the offline harness, through the same shim; when it is missing, scripts/e2e/setup.sh
//     installs it first (ensureHarness), or, where setup.sh cannot run (no apt) but VS Code's
//     update server answers, test-electron downloads desktop VS Code;
//   - else fail with one message that says why.
// The fixture workspace is copied to a temporary folder first: tests edit files and create configs.
import { runTests } from '@vscode/test-electron';
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { HarnessError, ensureHarness } from './harness.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const suiteSource = path.join(root, 'test/vscode/suite');
const suiteOut = path.join(root, 'out/test/vscode/suite');

async function vscodeExecutable() {
  if (process.env.VSCODE_TEST_SHIM) return process.env.VSCODE_TEST_SHIM;
  if (process.env.MLSD_E2E_DOWNLOAD === '1') return undefined;
  if ((await ensureHarness({ allowDownload: true, name: 'test:vscode' })) === 'download') return undefined;
  return path.join(root, 'scripts/e2e/code-shim.mjs');
}

async function bundleSuite() {
  fs.rmSync(suiteOut, { recursive: true, force: true });
  const entryPoints = fs
    .readdirSync(suiteSource)
    .filter((name) => name.endsWith('.ts'))
    .map((name) => path.join(suiteSource, name));
  await esbuild.build({
    entryPoints,
    outdir: suiteOut,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    mainFields: ['module', 'main'], // jsonc-parser's UMD main does not bundle (see scripts/build.mjs)
    sourcemap: 'inline',
    // vscode is the host's; mocha is loaded from node_modules like any test runner.
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
}

try {
  const vscodeExecutablePath = await vscodeExecutable();
  await bundleSuite();
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'mlsd-workspace-'));
  fs.cpSync(path.join(root, 'test/vscode/workspace'), workspace, { recursive: true });
  const started = Date.now();
  try {
    await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(suiteOut, 'index.js'),
      launchArgs: [workspace, '--disable-extensions'],
      extensionTestsEnv: { MLSD_TEST_WORKSPACE: workspace },
    });
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
  console.error(`test:vscode: passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} catch (error) {
  if (error instanceof HarnessError) {
    console.error(`test:vscode: ${error.message}`);
    process.exit(2);
  }
  console.error(`test:vscode: failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
