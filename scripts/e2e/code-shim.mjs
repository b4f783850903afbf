#!/usr/bin/env node
// A stand-in "VS Code executable" for @vscode/test-electron's runTests({ vscodeExecutablePath }).
// test-electron spawns it with the usual desktop arguments; this turns them into a run inside
// code-server (run-in-code-server.mjs) and exits with the suite's code. Variables from
// extensionTestsEnv arrive in the environment and reach the extension host.
import { fileURLToPath } from 'node:url';
import { runInCodeServer } from './run-in-code-server.mjs';

const TAKES_VALUE = new Set([
  '--extensionTestsPath',
  '--extensionDevelopmentPath',
  '--user-data-dir',
  '--extensions-dir',
  '--folder-uri',
  '--file-uri',
  '--locale',
  '--log',
  '--profile',
  '--sync',
]);

let extensionTestsPath;
let workspace;
const extensionDevelopmentPaths = [];
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  const [flag, inline] = args[i].split(/=(.*)/s);
  const value = TAKES_VALUE.has(flag) && inline === undefined ? args[++i] : inline;
  if (flag === '--extensionTestsPath') extensionTestsPath = value;
  else if (flag === '--extensionDevelopmentPath') extensionDevelopmentPaths.push(value);
  else if (flag === '--folder-uri' && workspace === undefined) workspace = value.startsWith('file:') ? fileURLToPath(value) : value;
  else if (!flag.startsWith('-') && workspace === undefined) workspace = flag;
  // Everything else (sandbox, GPU, user-data and extensions dirs) only concerns desktop VS Code.
}
if (!extensionTestsPath || extensionDevelopmentPaths.length === 0) {
  console.error('code-shim: expected --extensionTestsPath and --extensionDevelopmentPath, as @vscode/test-electron passes them');
  process.exit(2);
}
process.exit(await runInCodeServer({ extensionDevelopmentPaths, extensionTestsPath, workspace }));
