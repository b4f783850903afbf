// The built bundles in the hosts that load them, without a workbench: a stand-in `vscode` API that
// holds the fraud fixture as the one open document and records what the extension publishes.
// - dist/extension.js loads dist/core.js (the analysis) only after activate has returned;
// - dist/web/extension.js runs where the web extension host runs it (a Web Worker: no Node, no DOM,
//   `require` knows only 'vscode') and publishes the same diagnostics as the Node bundle.
/* global describe, it, afterEach, setInterval, clearInterval, queueMicrotask, TextDecoder, TextEncoder, URL, performance */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { DOC, METRIC_COLUMN, METRIC_LINE } from './fixture.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const require = createRequire(import.meta.url);
const NODE_BUNDLE = path.join(root, 'dist/extension.js');
const CORE_BUNDLE = path.join(root, 'dist/core.js');
const WEB_BUNDLE = path.join(root, 'dist/web/extension.js');
const DOC_URI = `file:///workspace/${DOC}`;

/** Answers every property with another callable stand-in and keeps what is assigned to it. */
function anything(name) {
  const assigned = new Map();
  return new Proxy(function () {}, {
    set(_target, key, value) {
      assigned.set(key, value);
      return true;
    },
    get(_target, key) {
      if (assigned.has(key)) return assigned.get(key);
      if (key === 'then') return undefined;
      if (key === Symbol.iterator) return function* () {};
      if (key === Symbol.toPrimitive) return () => name;
      return anything(`${name}.${String(key)}`);
    },
    apply: () => anything(`${name}()`),
    construct: () => anything(`new ${name}`),
  });
}

/** A `vscode` API with every top-level name, the fraud doc open and active, and the diagnostics recorded. */
function fakeHost() {
  const declarations = fs.readFileSync(path.join(root, 'node_modules/@types/vscode/index.d.ts'), 'utf8');
  const vscode = {};
  for (const [, name] of declarations.matchAll(/^\texport (?:namespace|class|enum|const|function|let|var) (\w+)/gm))
    vscode[name] = anything(name);
  vscode.Range = class {
    constructor(startLine, startCharacter, endLine, endCharacter) {
      this.start = { line: startLine, character: startCharacter };
      this.end = { line: endLine, character: endCharacter };
    }
  };
  vscode.Diagnostic = class {
    constructor(range, message, severity) {
      Object.assign(this, { range, message, severity });
    }
  };
  const text = fs.readFileSync(path.join(root, 'test/vscode/workspace', DOC), 'utf8');
  const uri = {
    scheme: 'file',
    path: `/workspace/${DOC}`,
    toString: () => DOC_URI,
    with(change) {
      const next = { ...this, ...change };
      return { ...next, toString: () => `file://${next.path}` };
    },
  };
  const document = { uri, languageId: 'markdown', version: 1, isClosed: false, isDirty: false, getText: () => text };
  // As when opening a Markdown file activates the extension: the doc is open and in the active editor.
  vscode.workspace.textDocuments = [document];
  vscode.window.activeTextEditor = { document };
  vscode.workspace.getConfiguration = () => ({ get: () => undefined });
  vscode.workspace.asRelativePath = () => DOC;
  vscode.workspace.getWorkspaceFolder = () => undefined;
  vscode.workspace.fs = { readFile: () => Promise.reject(new Error('no such file')) };
  const published = new Map();
  vscode.languages.createDiagnosticCollection = (name) => ({
    set: (target, diagnostics) => published.set(`${name} ${String(target)}`, diagnostics),
    delete: (target) => published.delete(`${name} ${String(target)}`),
    clear: () => undefined,
    dispose: () => undefined,
  });
  const context = { subscriptions: [], extensionUri: anything('extensionUri'), extensionMode: 1 };
  return { vscode, context, published };
}

/** "rule line:char-line:char" of each diagnostic on the fraud doc, once the extension published them. */
async function publishedFindings(published) {
  const deadline = Date.now() + 30000;
  while (!published.has(`mlsd ${DOC_URI}`)) {
    if (Date.now() > deadline) throw new Error('no diagnostics were published for the open document');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  // Array.from: the web bundle's arrays belong to the sandbox's realm.
  return Array.from(
    published.get(`mlsd ${DOC_URI}`),
    ({ code, range: { start, end } }) => `${code.value} ${start.line}:${start.character}-${end.line}:${end.character}`,
  );
}

function loadNodeBundle(vscode) {
  const Module = require('node:module');
  const load = Module._load;
  Module._load = function (request, ...rest) {
    return request === 'vscode' ? vscode : load.call(this, request, ...rest);
  };
  delete require.cache[NODE_BUNDLE];
  delete require.cache[CORE_BUNDLE];
  return {
    extension: require(NODE_BUNDLE),
    restore: () => {
      Module._load = load;
    },
  };
}

describe('the bundles in their hosts', function () {
  let restore;
  const activated = [];

  afterEach(function () {
    restore?.();
    restore = undefined;
    for (const context of activated.splice(0)) for (const subscription of context.subscriptions) subscription.dispose();
  });

  it('activates the Node bundle without loading the core, and checks the open doc right after', async function () {
    const { vscode, context, published } = fakeHost();
    const loaded = loadNodeBundle(vscode);
    restore = loaded.restore;
    activated.push(context);
    loaded.extension.activate(context);
    assert.equal(require.cache[CORE_BUNDLE], undefined, 'activate loaded dist/core.js');
    assert.equal(published.size, 0);
    const findings = await publishedFindings(published);
    assert.ok(require.cache[CORE_BUNDLE], 'the first check did not go through dist/core.js');
    assert.ok(
      findings.includes(`metric-task-mismatch ${METRIC_LINE - 1}:${METRIC_COLUMN - 1}-${METRIC_LINE - 1}:${METRIC_COLUMN + 7}`),
      findings.join('\n'),
    );
  });

  it('runs the web bundle in a worker-like sandbox and publishes what the Node bundle publishes', async function () {
    const node = fakeHost();
    const web = fakeHost();
    activated.push(node.context, web.context);
    const loaded = loadNodeBundle(node.vscode);
    restore = loaded.restore;
    loaded.extension.activate(node.context);
    const fromNode = await publishedFindings(node.published);

    const worker = vm.createContext({
      setTimeout,
      clearTimeout,
      setInterval,
      clearInterval,
      queueMicrotask,
      TextDecoder,
      TextEncoder,
      URL,
      console,
      performance,
    });
    const evaluate = vm.runInContext(`(function (module, exports, require) {${fs.readFileSync(WEB_BUNDLE, 'utf8')}\n})`, worker, {
      filename: WEB_BUNDLE,
    });
    const module = { exports: {} };
    evaluate(module, module.exports, (request) => {
      if (request === 'vscode') return web.vscode;
      throw new Error(`Cannot load module '${request}'`);
    });
    module.exports.activate(web.context);
    assert.deepEqual(await publishedFindings(web.published), fromNode);
  });
});
