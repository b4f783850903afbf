// Lint for the whole project. The rules that matter most here keep the layers apart:
// src/core is pure (no vscode, no Node built-ins), and only src/vscode may import vscode.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

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
      'no-restricted-imports': ['error', {
        paths: [
          { name: 'vscode', message: 'src/core is pure: the editor is reached only through src/vscode.' },
          ...nodeBuiltins.map((name) => ({ name, message: 'src/core is pure: no Node built-ins (it also runs in the browser).' })),
        ],
        patterns: [{ group: ['**/cli/**', '**/vscode/**'], message: 'src/core must not depend on its adapters.' }],
      }],
    },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'vscode', message: 'Only src/vscode may import vscode.' }],
        patterns: [{ group: ['**/vscode/**'], message: 'The CLI must not depend on the editor adapter.' }],
      }],
    },
  },
);
