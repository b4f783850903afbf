import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  applyCodeAction,
  describe as describeDiagnostic,
  openEditor,
  ruleOf,
  undo,
  waitFor,
  waitForCodeAction,
  waitForDiagnostics,
  workspaceUri,
} from '../helpers';
import { AFTER_FIX_ALL_RULES, CORE_FIXES, FRAUD_DOC, FRAUD_FINDINGS, SILENCED } from '../expected';

const fraudDoc = workspaceUri(FRAUD_DOC);
const ruleOfSilenced = SILENCED.split(' ')[0] as string;

/** The diagnostic shown for `at` ("rule line:char-line:char"), once the workbench has it. */
async function shown(at: string): Promise<vscode.Diagnostic> {
  const diagnostics = await waitForDiagnostics(fraudDoc, at, (found) => found.some((diagnostic) => describeDiagnostic(diagnostic) === at));
  return diagnostics.find((diagnostic) => describeDiagnostic(diagnostic) === at) as vscode.Diagnostic;
}

/** The tab of a Markdown preview showing `page` (a webview: not a text editor). */
function previewTabOf(page: string): vscode.Tab | undefined {
  const name = page.slice(page.lastIndexOf('/') + 1);
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .find(
      (tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.includes('markdown.preview') && tab.label.includes(name),
    );
}

/** True once the document was re-checked (it still has findings) without `at`. */
const without = (at: string) => (found: vscode.Diagnostic[]) =>
  found.length > 0 && !found.some((diagnostic) => describeDiagnostic(diagnostic) === at);
const withoutRule = (rule: string) => (found: vscode.Diagnostic[]) =>
  found.length > 0 && !found.some((diagnostic) => describeDiagnostic(diagnostic).startsWith(`${rule} `));

/** Applies the action, checks its effect and that the finding went away, then that one undo restores the text exactly. */
async function applyAndUndo(title: string, at: string, checkText: (text: string, original: string) => void): Promise<vscode.CodeAction> {
  const editor = await openEditor(FRAUD_DOC);
  const original = editor.document.getText();
  const diagnostic = await shown(at);
  const action = await waitForCodeAction(fraudDoc, diagnostic.range, title);
  await applyCodeAction(action);
  checkText(editor.document.getText(), original);
  await waitForDiagnostics(fraudDoc, `${at} gone after "${title}"`, without(at));
  await undo();
  assert.equal(editor.document.getText(), original);
  await shown(at);
  return action;
}

/** Drops a config file the test made: its editor buffer (saved or not) and the file. */
async function discard(uri: vscode.Uri): Promise<void> {
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  await vscode.workspace.fs.delete(uri);
}

describe('code actions', () => {
  before(async () => {
    await openEditor(FRAUD_DOC);
    await waitForDiagnostics(fraudDoc, 'all fixture findings', (found) => found.length === FRAUD_FINDINGS.length);
  });

  for (const fix of CORE_FIXES) {
    it(`applies the core fix "${fix.title}", and undo restores the text`, async () => {
      const action = await applyAndUndo(fix.title, fix.at, (text, original) => {
        assert.ok(!original.includes(fix.adds));
        assert.ok(text.includes(fix.adds), `expected the fixed text to contain ${JSON.stringify(fix.adds)}`);
      });
      assert.equal(action.kind?.value, 'quickfix');
      assert.equal(action.isPreferred ?? false, fix.preferred);
    });
  }

  it('puts the caret on the heading an "Insert a section" fix added, wherever in the document it landed', async () => {
    const fix = CORE_FIXES.find((candidate) => candidate.adds === '## Data quality')!;
    const editor = await openEditor(FRAUD_DOC);
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await applyAndUndo(fix.title, fix.at, (text) => {
      const heading = text.split('\n').indexOf(fix.adds);
      assert.ok(editor.selection.isEmpty);
      assert.deepEqual([editor.selection.active.line, editor.selection.active.character], [heading, fix.adds.length]);
    });
  });

  it('disables a rule for the whole file right after the front matter', async () => {
    await applyAndUndo(`Disable ${ruleOfSilenced} for this file`, SILENCED, (text, original) => {
      const lines = original.split('\n');
      lines.splice(lines.indexOf('---', 1) + 1, 0, `<!-- mlsd-disable-file ${ruleOfSilenced} -->`);
      assert.equal(text, lines.join('\n'));
    });
  });

  it('disables a rule in the project config, creating .mlsd.json', async () => {
    const config = workspaceUri('.mlsd.json');
    const diagnostic = await shown(SILENCED);
    const action = await waitForCodeAction(fraudDoc, diagnostic.range, `Disable ${ruleOfSilenced} in the project config`);
    await applyCodeAction(action);
    try {
      const written = await vscode.workspace.openTextDocument(config);
      assert.equal(written.getText(), `{\n  "rules": {\n    "${ruleOfSilenced}": "off"\n  }\n}\n`);
      assert.equal(written.isDirty, false);
      assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(config)), written.getText());
      await waitForDiagnostics(fraudDoc, `${ruleOfSilenced} gone after the config edit`, withoutRule(ruleOfSilenced));
    } finally {
      await discard(config);
    }
    await shown(SILENCED);
  });

  it('adds the rule to an existing project config, keeping its comments, as an undoable edit', async () => {
    const config = workspaceUri('.mlsd.jsonc');
    const original = '{\n  // team defaults\n  "rules": {\n    "no-online-metric": "off"\n  }\n}\n';
    await vscode.workspace.fs.writeFile(config, new TextEncoder().encode(original));
    try {
      // Only once the extension has read the new config may the action be asked for.
      await waitForDiagnostics(fraudDoc, 'the existing config applied', withoutRule('no-online-metric'));
      const diagnostic = await shown(SILENCED);
      const action = await waitForCodeAction(fraudDoc, diagnostic.range, `Disable ${ruleOfSilenced} in the project config`);
      await applyCodeAction(action);
      const configDocument = await vscode.workspace.openTextDocument(config);
      assert.equal(
        configDocument.getText(),
        `{\n  // team defaults\n  "rules": {\n    "no-online-metric": "off",\n    "${ruleOfSilenced}": "off"\n  }\n}\n`,
      );
      assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(config)), configDocument.getText());
      await waitForDiagnostics(fraudDoc, `${ruleOfSilenced} gone after the config edit`, withoutRule(ruleOfSilenced));
      await vscode.window.showTextDocument(configDocument);
      await undo();
      assert.equal(configDocument.getText(), original);
      await shown(SILENCED);
    } finally {
      await discard(config);
    }
  });

  it('removes a stale suppression comment with the quick fix on its warning, which has no rule', async () => {
    const editor = await openEditor(FRAUD_DOC);
    const original = editor.document.getText();
    const heading = original.split('\n').findIndex((line) => line.startsWith('# '));
    await editor.edit((edit) => edit.insert(new vscode.Position(heading, 0), '<!-- mlsd-disable-next-line over-engineering -->\n'));
    const stale = (found: vscode.Diagnostic[]) =>
      found.find((diagnostic) => diagnostic.message.startsWith('Unused mlsd-disable-next-line'));
    const [warning] = (await waitForDiagnostics(fraudDoc, 'the unused directive warning', (found) => stale(found) !== undefined)).filter(
      (diagnostic) => stale([diagnostic]),
    );
    assert.equal(warning!.code, undefined);
    const action = await waitForCodeAction(fraudDoc, warning!.range, 'Remove the unused mlsd-disable-next-line comment');
    assert.equal(action.isPreferred, true);
    await applyCodeAction(action);
    assert.equal(editor.document.getText(), original);
    await waitForDiagnostics(fraudDoc, 'the warning gone', (found) => found.length === FRAUD_FINDINGS.length && !stale(found));
  });

  it('links to the rule docs', async () => {
    const diagnostic = await shown(SILENCED);
    const action = await waitForCodeAction(fraudDoc, diagnostic.range, `Learn more about ${ruleOfSilenced}`);
    assert.equal(action.command?.command, 'mlsd.openRuleDocs');
    assert.deepEqual(action.command?.arguments, [ruleOfSilenced]);
    assert.equal(await vscode.commands.executeCommand('mlsd.openRuleDocs', ruleOfSilenced), true);
    const page = `mlsd-rule:/${ruleOfSilenced.split('/')[0]}.md`;
    // A rendered preview, locked on the rule: no text editor holds the page.
    const preview = await waitFor('the rule page preview', () => previewTabOf(page));
    assert.equal(
      vscode.window.visibleTextEditors.some((editor) => editor.document.uri.toString() === page),
      false,
    );
    // Going back to the doc leaves the preview on the rule.
    await openEditor(FRAUD_DOC);
    assert.ok(previewTabOf(page), preview.label);

    // The link in the Problems panel opens the page like vscode.open does: it turns into the preview too.
    await vscode.window.tabGroups.close(previewTabOf(page)!);
    await vscode.commands.executeCommand('vscode.open', vscode.Uri.parse(page));
    await waitFor('the link turned into the preview', () => (previewTabOf(page) && !vscode.window.activeTextEditor ? true : undefined));
    // And the page cannot be changed: its file system is read-only (editors show it locked).
    assert.equal(vscode.workspace.fs.isWritableFileSystem('mlsd-rule'), false);
    await assert.rejects(Promise.resolve(vscode.workspace.fs.writeFile(vscode.Uri.parse(page), new TextEncoder().encode('changed'))));
    await vscode.window.tabGroups.close(previewTabOf(page)!);
  });

  it('offers source.fixAll.mlsd for codeActionsOnSave; fix-all applies every preferred fix in one undo step', async () => {
    const editor = await openEditor(FRAUD_DOC);
    const original = editor.document.getText();
    const actions = await waitFor('the fix-all action', async () => {
      const found = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        fraudDoc,
        new vscode.Range(0, 0, 0, 0),
        'source.fixAll.mlsd',
      );
      return found.length > 0 ? found : undefined;
    });
    assert.deepEqual(
      actions.map((action) => [action.title, action.kind?.value]),
      [['Fix all mlsd problems', 'source.fixAll.mlsd']],
    );
    const result = await vscode.commands.executeCommand<{ before: number; after: number; applied: number }>('mlsd.fixAll');
    assert.equal(result.before, FRAUD_FINDINGS.length);
    assert.ok(result.applied >= CORE_FIXES.filter((candidate) => candidate.preferred).length, `${result.applied} fixes applied`);
    const fixed = editor.document.getText();
    assert.notEqual(fixed, original);
    for (const fix of CORE_FIXES.filter((candidate) => candidate.preferred)) assert.ok(fixed.includes(fix.adds), fix.adds);
    // Every original line is kept: fixes only insert (a metric swap is offered, never applied).
    for (const line of original.split('\n')) assert.ok(fixed.includes(line), line);
    // What is left has no preferred fix: passing mentions to expand, and the inserted prompts to fill in.
    const remaining = await waitForDiagnostics(fraudDoc, 'preferred fixes applied', (found) =>
      found.some((d) => ruleOf(d) === 'template-residue'),
    );
    assert.deepEqual([...new Set(remaining.map(ruleOf))].sort(), AFTER_FIX_ALL_RULES);
    await undo();
    assert.equal(editor.document.getText(), original);
    await waitForDiagnostics(fraudDoc, 'findings back after undo', (found) => found.length === FRAUD_FINDINGS.length);
  });
});
