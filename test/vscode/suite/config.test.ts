import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { describe as describeDiagnostic, openEditor, waitFor, waitForDiagnostics, workspaceUri } from '../helpers';
import { LEGACY_CONFIG, LEGACY_CONFIG_PROBLEMS, LEGACY_DEFAULT_FINDING, LEGACY_DOC } from '../expected';

describe('project config', () => {
  it('reports a broken config on the config file, and still checks the doc with defaults', async () => {
    const config = workspaceUri(LEGACY_CONFIG);
    await openEditor(LEGACY_DOC);
    const problems = await waitFor('a diagnostic on the broken config', () => {
      const found = vscode.languages.getDiagnostics(config);
      return found.length > 0 ? found : undefined;
    });
    assert.deepEqual(
      problems.map((problem) => {
        const { start, end } = problem.range;
        assert.equal(problem.source, 'mlsd');
        return [`${start.line}:${start.character}-${end.line}:${end.character}`, problem.severity, problem.message];
      }),
      LEGACY_CONFIG_PROBLEMS,
    );
    const findings = await waitForDiagnostics(workspaceUri(LEGACY_DOC), 'findings on the legacy doc', (found) => found.length > 0);
    assert.ok(
      findings.map(describeDiagnostic).includes(LEGACY_DEFAULT_FINDING),
      `expected ${LEGACY_DEFAULT_FINDING} in ${findings.map(describeDiagnostic).join(', ')}`,
    );
  });

  it('reports a bad front-matter mlsd block on the document itself, and still checks it', async () => {
    const document = await vscode.workspace.openTextDocument({
      language: 'markdown',
      content: [
        '---',
        'scenario: fraud',
        'mlsd:',
        '  scenario: fruad',
        '---',
        '# Card fraud scoring',
        '',
        '## Success metrics',
        '',
        'Fraud losses per month.',
        '',
      ].join('\n'),
    });
    await vscode.window.showTextDocument(document);
    try {
      const diagnostics = await waitForDiagnostics(document.uri, 'the front-matter problem', (found) =>
        found.some((d) => d.code === undefined),
      );
      const problem = diagnostics.find((diagnostic) => diagnostic.code === undefined);
      assert.equal(problem?.severity, vscode.DiagnosticSeverity.Error);
      assert.equal(`${problem?.range.start.line}:${problem?.range.start.character}`, '3:12');
      assert.match(problem?.message ?? '', /^Unknown scenario "fruad"/);
      assert.ok(
        diagnostics.some((diagnostic) => diagnostic.code !== undefined),
        'findings next to the config problem',
      );
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  it('re-checks when the config file is repaired', async () => {
    const config = workspaceUri(LEGACY_CONFIG);
    const broken = await vscode.workspace.fs.readFile(config);
    const rule = LEGACY_DEFAULT_FINDING.split(' ')[0] as string;
    await vscode.workspace.fs.writeFile(config, new TextEncoder().encode(JSON.stringify({ rules: { [rule]: 'off' } })));
    try {
      await waitFor('config problems cleared', () => (vscode.languages.getDiagnostics(config).length === 0 ? true : undefined));
      await waitForDiagnostics(
        workspaceUri(LEGACY_DOC),
        `${rule} off by the repaired config`,
        (found) => !found.map(describeDiagnostic).includes(LEGACY_DEFAULT_FINDING),
      );
    } finally {
      await vscode.workspace.fs.writeFile(config, broken);
    }
    await waitForDiagnostics(workspaceUri(LEGACY_DOC), `${rule} back with the broken config`, (found) =>
      found.map(describeDiagnostic).includes(LEGACY_DEFAULT_FINDING),
    );
  });
});
