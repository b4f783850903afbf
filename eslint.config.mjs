// Lint for the whole project. The rules that matter most here keep the layers apart:
// src/core is pure (no vscode, no Node built-ins), only src/vscode may import vscode, and only
// src/lsp the language server library (an adapter over src/core alone).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
/** The protocol library belongs to the language server (src/lsp) alone. */
const onlyTheServerSpeaksLsp = {
  group: ['vscode-languageserver', 'vscode-languageserver/*', 'vscode-languageserver-*'],
  message: 'Only src/lsp may import the language server library.',
};

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'out/', 'test-artifacts/', '.vscode-harness/', '.bench/', 'test/fixtures/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'vscode', message: 'src/core is pure: the editor is reached only through src/vscode.' },
            ...nodeBuiltins.map((name) => ({ name, message: 'src/core is pure: no Node built-ins (it also runs in the browser).' })),
          ],
          patterns: [
            { group: ['**/cli/**', '**/vscode/**', '**/lsp/**'], message: 'src/core must not depend on its adapters.' },
            onlyTheServerSpeaksLsp,
          ],
        },
      ],
    },
  },
  // Sizes a reader can hold: a core file of at most ~300 lines of code, a function of at most ~60.
  // The framework's files are tables of knowledge (elements, metrics, scenarios), not logic, so
  // only the function limit applies to them.
  {
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/framework/**'],
    rules: { 'max-lines': ['error', { max: 300, skipBlankLines: true, skipComments: true }] },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: { 'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true, IIFEs: true }] },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'Only src/vscode may import vscode.' }],
          patterns: [{ group: ['**/vscode/**'], message: 'The CLI must not depend on the editor adapter.' }, onlyTheServerSpeaksLsp],
        },
      ],
    },
  },
  {
    files: ['src/lsp/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'Only src/vscode may import vscode; the language server speaks the protocol.' }],
          patterns: [{ group: ['**/vscode/**', '**/cli/**'], message: 'The language server is an adapter over src/core only.' }],
        },
      ],
    },
  },
  {
    files: ['src/vscode/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            onlyTheServerSpeaksLsp,
            { group: ['**/lsp/**'], message: 'The extension runs the core in process (see ARCHITECTURE.md).' },
          ],
        },
      ],
    },
  },
);
