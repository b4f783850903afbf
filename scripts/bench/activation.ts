// Activation time of the bundled extension: each sample is a fresh Node process that loads
// dist/extension.js with a stub `vscode` module and runs activate() with a stub context, timing
// only require + activate inside the child (not Node's own start-up).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { median } from './timing';

// Runs in the child as plain JavaScript (no tsx hooks, so the bundle loads as it would in VS Code).
// Each stub answers every property with another callable stub, so whatever API the extension
// touches at activation exists; `then` is absent so awaiting a stub resolves at once.
const CHILD = String.raw`
const Module = require('node:module');
const { performance } = require('node:perf_hooks');
function stub(name) {
  const target = function () {};
  const assigned = new Map();
  return new Proxy(target, {
    set(_t, key, value) {
      assigned.set(key, value);
      return true;
    },
    get(_t, key) {
      if (assigned.has(key)) return assigned.get(key);
      if (key === 'then') return undefined;
      if (key === Symbol.iterator) return function* () {};
      if (key === Symbol.toPrimitive) return () => name;
      if (key === 'length') return 0;
      return stub(name + '.' + String(key));
    },
    apply() { return stub(name + '()'); },
    construct() { return stub('new ' + name); },
  });
}
// A plain object with every name the real module exports (read from @types/vscode), so esbuild's
// ESM interop, which copies own properties, sees them all.
const vscode = {};
for (const name of JSON.parse(process.argv[3])) vscode[name] = stub(name);
const originalLoad = Module._load;
Module._load = function (request, ...rest) {
  return request === 'vscode' ? vscode : originalLoad.call(this, request, ...rest);
};
const context = {
  subscriptions: [],
  extensionPath: process.argv[2],
  extensionUri: stub('extensionUri'),
  globalState: stub('globalState'),
  workspaceState: stub('workspaceState'),
  environmentVariableCollection: stub('env'),
  asAbsolutePath: (p) => require('node:path').join(process.argv[2], p),
  storageUri: undefined,
  globalStorageUri: stub('globalStorageUri'),
  logUri: stub('logUri'),
  extensionMode: 1,
  extension: stub('extension'),
};
const start = performance.now();
const extension = require(process.argv[1]);
Promise.resolve(extension.activate(context)).then(() => {
  process.stdout.write(String(performance.now() - start));
}, (error) => {
  process.stderr.write(String(error && error.stack || error));
  process.exit(1);
});
`;

/** Median activation in ms over `samples` fresh processes, or null when there is no bundle. */
export function measureActivation(root: string, samples = 7): number | null {
  const bundle = path.join(root, 'dist/extension.js');
  if (!fs.existsSync(bundle)) return null;
  const names = JSON.stringify(vscodeExportNames(root));
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const child = spawnSync(process.execPath, ['-e', CHILD, bundle, root, names], { encoding: 'utf8' });
    if (child.status !== 0) throw new Error(`activation failed: ${child.stderr.trim()}`);
    times.push(Number(child.stdout));
  }
  return median(times);
}

/** Names of the namespaces, classes, enums and functions `vscode` exports, from its type declarations. */
function vscodeExportNames(root: string): string[] {
  const declarations = fs.readFileSync(path.join(root, 'node_modules/@types/vscode/index.d.ts'), 'utf8');
  const names = new Set<string>();
  for (const match of declarations.matchAll(/^\texport (?:namespace|class|enum|const|function|let|var) (\w+)/gm)) names.add(match[1]!);
  return [...names];
}

export function vsixBytes(root: string): number | null {
  const vsix = path.join(root, 'dist/mlsd.vsix');
  return fs.existsSync(vsix) ? fs.statSync(vsix).size : null;
}
