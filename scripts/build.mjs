// Builds everything `npm install` promises: the CLI, the extension bundles (Node and browser)
// and the .vsix. esbuild bundles each entry so the shipped files need no node_modules.
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const production = !args.has('--dev');

const common = {
  bundle: true,
  minify: production,
  sourcemap: !production,
  logLevel: 'warning',
  absWorkingDir: root,
  legalComments: 'none',
};
// For Node bundles: jsonc-parser's "main" is a UMD build whose require('./impl/...') calls esbuild
// cannot follow; its ESM build ("module") bundles cleanly. (The browser default already prefers it.)
const nodeMainFields = ['module', 'main'];

// Activation loads only dist/extension.js: the adapter that registers providers, commands and
// listeners. src/vscode/coreBundle.ts (the analysis engine, its libraries and framework data: most of the
// code) is a second bundle, dist/core.js, which src/vscode/loadCore.ts requires on first use.
const lazyCore = {
  name: 'lazy-core',
  setup(build) {
    build.onResolve({ filter: /^\.\/coreBundle$/ }, (args) =>
      args.importer === path.join(root, 'src/vscode/loadCore.ts') ? { path: './core.js', external: true } : undefined,
    );
  },
};

// esbuild turns each module's `import * as vscode from 'vscode'` into its own copy of the whole API
// object (its CommonJS interop defines a getter per API name, ~190 of them, in each of ~20 modules):
// about half of what activation cost once the core was lazy. Resolving them all to one bundled
// module that re-exports the API makes that a single copy.
const oneVscodeNamespace = {
  name: 'one-vscode-namespace',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, (args) =>
      args.namespace === 'vscode-api' ? { path: 'vscode', external: true } : { path: 'vscode', namespace: 'vscode-api' },
    );
    build.onLoad({ filter: /.*/, namespace: 'vscode-api' }, () => ({ contents: "export * from 'vscode';", loader: 'js' }));
  },
};

// `mlsd lsp` loads the language server (src/lsp, with vscode-languageserver) from a second bundle,
// dist/lsp.js, so the CLI's other commands start without it.
const lazyLanguageServer = {
  name: 'lazy-language-server',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/lsp\/stdio$/ }, (args) =>
      args.importer === path.join(root, 'src/cli/lsp.ts') ? { path: './lsp.js', external: true } : undefined,
    );
  },
};

/** Core and library modules that may be in dist/extension.js: light ones, needed before any analysis. */
const ENTRY_MAY_IMPORT = new Set(['src/core/types.ts', 'src/core/rules/rule.ts', 'src/core/editor-settings.ts']);

/** Fails the build when a static import pulls the core (or a library) back into the activation bundle. */
function assertLeanEntry(metafile) {
  const heavy = Object.keys(metafile.inputs).filter(
    (input) => (input.startsWith('src/core/') || input.includes('node_modules/')) && !ENTRY_MAY_IMPORT.has(input),
  );
  if (heavy.length > 0) {
    throw new Error(
      `dist/extension.js must not bundle ${heavy.join(', ')}: activation would load them. ` +
        'Reach them through core() from src/vscode/loadCore.ts (export them from src/vscode/coreBundle.ts).',
    );
  }
}

const [, nodeEntry] = await Promise.all([
  esbuild.build({
    ...common,
    entryPoints: ['src/cli/bin.ts'],
    outfile: 'dist/cli.js',
    platform: 'node',
    mainFields: nodeMainFields,
    format: 'cjs',
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
    plugins: [lazyLanguageServer],
  }),
  esbuild.build({
    ...common,
    entryPoints: ['src/vscode/extension.ts'],
    outfile: 'dist/extension.js',
    platform: 'node',
    mainFields: nodeMainFields,
    format: 'cjs',
    target: 'node20',
    plugins: [lazyCore, oneVscodeNamespace],
    metafile: true,
  }),
  esbuild.build({
    ...common,
    entryPoints: ['src/vscode/coreBundle.ts'],
    outfile: 'dist/core.js',
    platform: 'node',
    mainFields: nodeMainFields,
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
  }),
  // remark-cli users load the same rules as a plugin: `import remarkMlsd from 'mlsd/remark'`.
  esbuild.build({
    ...common,
    entryPoints: ['src/core/remark-plugin.ts'],
    outfile: 'dist/remark-mlsd.mjs',
    platform: 'neutral',
    format: 'esm',
    target: 'es2022',
    mainFields: ['module', 'main'],
  }),
  // The web extension host loads one file: ./core is bundled in, and esbuild evaluates its modules
  // only when core() first requires it. That host is a Web Worker, which has no DOM: the "worker"
  // condition picks packages' worker builds (decode-named-character-reference's "browser" build
  // calls document.createElement).
  esbuild.build({
    ...common,
    entryPoints: ['src/vscode/extension.ts'],
    outfile: 'dist/web/extension.js',
    platform: 'browser',
    conditions: ['worker'],
    format: 'cjs',
    target: 'es2022',
    plugins: [oneVscodeNamespace],
    define: { 'process.env.NODE_ENV': '"production"' },
  }),
  esbuild.build({
    ...common,
    entryPoints: ['src/lsp/stdio.ts'],
    outfile: 'dist/lsp.js',
    platform: 'node',
    mainFields: nodeMainFields,
    format: 'cjs',
    target: 'node20',
  }),
]);
assertLeanEntry(nodeEntry.metafile);
fs.chmodSync(path.join(root, 'dist/cli.js'), 0o755);

if (!args.has('--no-package')) {
  // package.json "files" is npm's list (it ships the CLI); the .vsix is decided by .vscodeignore, and
  // vsce refuses a manifest that has both. So vsce runs on a staging copy whose manifest drops "files".
  // --no-dependencies because everything is bundled.
  const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'mlsd-vsix-'));
  try {
    fs.cpSync(root, stage, {
      recursive: true,
      filter: (source) => !/[\\/](node_modules|\.git)$/.test(source) && !source.endsWith('.vsix'),
    });
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    delete manifest.files;
    fs.writeFileSync(path.join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    const vsce = path.join(root, 'node_modules/@vscode/vsce/vsce');
    // Relative links in README.md (docs/rules/...) point into the repository, which vsce cannot infer
    // from a non-GitHub URL.
    const repository = String(manifest.repository?.url ?? manifest.repository)
      .replace(/^git\+/, '')
      .replace(/\.git$/, '');
    execFileSync(
      process.execPath,
      [
        vsce,
        'package',
        '--no-dependencies',
        '--skip-license',
        '--baseContentUrl',
        `${repository}/blob/main`,
        '--baseImagesUrl',
        `${repository}/raw/main`,
        '-o',
        path.join(root, 'dist/mlsd.vsix'),
      ],
      {
        cwd: stage,
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
  } finally {
    fs.rmSync(stage, { recursive: true, force: true });
  }
}
