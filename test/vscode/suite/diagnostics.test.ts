import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  describe as describeDiagnostic,
  mlsdDiagnostics,
  openEditor,
  ruleOf,
  setSetting,
  waitFor,
  waitForDiagnostics,
  workspaceUri,
} from '../helpers';
import type { AuthoringTestState } from '../../../src/vscode/authoring';
import { FRAUD_DOC, FRAUD_FINDINGS, README, SETTING_RULE } from '../expected';

describe('diagnostics', () => {
  const fraudDoc = workspaceUri(FRAUD_DOC);

  it('shows the expected findings on a design doc, each with source, rule docs link and severity', async () => {
    await openEditor(FRAUD_DOC);
    const diagnostics = await waitForDiagnostics(fraudDoc, 'findings on the fraud doc', (found) => found.length > 0);
    assert.deepEqual(diagnostics.map(describeDiagnostic).sort(), FRAUD_FINDINGS.map((finding) => finding.at).sort());
    for (const diagnostic of diagnostics) {
      const expected = FRAUD_FINDINGS.find((finding) => finding.at === describeDiagnostic(diagnostic));
      assert.equal(diagnostic.source, 'mlsd');
      assert.equal(diagnostic.severity, expected?.severity);
      const code = diagnostic.code as { value: string; target: vscode.Uri };
      const rule = ruleOf(diagnostic).split('/')[0];
      // A read-only page served from the one shipped inside the extension, so the link works offline.
      assert.equal(code.target.toString(), `mlsd-rule:/${rule}.md`);
      const page = await vscode.workspace.openTextDocument(code.target);
      assert.match(page.getText(), new RegExp(`^# ${rule}\\b`));
    }
  });

  it('links a misaligned metric to the business metric it should serve', async () => {
    const diagnostics = await waitForDiagnostics(fraudDoc, 'findings on the fraud doc', (found) => found.length > 0);
    const withRelated = FRAUD_FINDINGS.filter((finding) => finding.related);
    assert.ok(withRelated.length > 0, 'the fixture has a finding with related information');
    for (const expected of withRelated) {
      const diagnostic = diagnostics.find((candidate) => describeDiagnostic(candidate) === expected.at);
      const related = diagnostic?.relatedInformation?.map((info) => {
        const { start, end } = info.location.range;
        return `${start.line}:${start.character}-${end.line}:${end.character} ${info.message}`;
      });
      assert.deepEqual(related, expected.related);
      assert.equal(diagnostic?.relatedInformation?.[0]?.location.uri.toString(), fraudDoc.toString());
    }
  });

  it('leaves an ordinary README alone, also when the whole workspace is checked', async () => {
    await openEditor(README);
    const summary = await vscode.commands.executeCommand<{ files: number; designDocs: number; problems: number; cancelled: boolean }>(
      'mlsd.checkWorkspace',
    );
    assert.equal(summary.files, 3);
    assert.equal(summary.designDocs, 2);
    assert.equal(summary.cancelled, false);
    assert.deepEqual(mlsdDiagnostics(workspaceUri(README)), []);
    assert.equal(mlsdDiagnostics(fraudDoc).length, FRAUD_FINDINGS.length);
  });

  it('re-checks open documents when a setting changes', async () => {
    await openEditor(FRAUD_DOC);
    const hasRule = (found: vscode.Diagnostic[]) => found.some((diagnostic) => ruleOf(diagnostic) === SETTING_RULE);
    await waitForDiagnostics(fraudDoc, `${SETTING_RULE} shown`, hasRule);
    try {
      await setSetting('rules', { [SETTING_RULE]: 'off' });
      await waitForDiagnostics(fraudDoc, `${SETTING_RULE} gone after turning it off`, (found) => found.length > 0 && !hasRule(found));
      await setSetting('rules', { [SETTING_RULE]: 'error' });
      const raised = await waitForDiagnostics(fraudDoc, `${SETTING_RULE} as an error`, (found) =>
        found.some((diagnostic) => ruleOf(diagnostic) === SETTING_RULE && diagnostic.severity === vscode.DiagnosticSeverity.Error),
      );
      assert.equal(raised.length, FRAUD_FINDINGS.length);
    } finally {
      await setSetting('rules', undefined);
    }
    await waitForDiagnostics(fraudDoc, 'default severities again', (found) =>
      found.some((diagnostic) => ruleOf(diagnostic) === SETTING_RULE && diagnostic.severity !== vscode.DiagnosticSeverity.Error),
    );
  });

  it('checks a file named by mlsd.include and skips one named by mlsd.exclude', async () => {
    const readme = workspaceUri(README);
    await openEditor(README);
    try {
      await setSetting('include', [README]);
      const found = await waitForDiagnostics(readme, 'findings on an included README', (diagnostics) => diagnostics.length > 0);
      assert.ok(found.every((diagnostic) => diagnostic.source === 'mlsd'));
    } finally {
      await setSetting('include', undefined);
    }
    await waitForDiagnostics(readme, 'README clean again', (diagnostics) => diagnostics.length === 0);
    await openEditor(FRAUD_DOC);
    try {
      await setSetting('exclude', [FRAUD_DOC]);
      await waitForDiagnostics(fraudDoc, 'no findings on an excluded doc', (diagnostics) => diagnostics.length === 0);
    } finally {
      await setSetting('exclude', undefined);
    }
    await waitForDiagnostics(fraudDoc, 'findings back', (diagnostics) => diagnostics.length === FRAUD_FINDINGS.length);
  });

  it('follows mlsd.run: off clears, onSave waits for the save, onType checks while typing', async () => {
    const editor = await openEditor(FRAUD_DOC);
    const original = editor.document.getText();
    const target = FRAUD_FINDINGS.find((finding) => finding.removedBy);
    assert.ok(target?.removedBy);
    const { line, start, end, text } = target.removedBy;
    try {
      await setSetting('run', 'off');
      await waitForDiagnostics(fraudDoc, 'no findings with run: off', (diagnostics) => diagnostics.length === 0);
      await setSetting('run', 'onSave');
      await waitForDiagnostics(fraudDoc, 'findings back with run: onSave', (diagnostics) => diagnostics.length === FRAUD_FINDINGS.length);
      assert.ok(await editor.edit((builder) => builder.replace(new vscode.Range(line, start, line, end), text)));
      // Give a debounced check ample time to (wrongly) happen.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      assert.ok(
        mlsdDiagnostics(fraudDoc).some((diagnostic) => describeDiagnostic(diagnostic) === target.at),
        'typing must not re-check with run: onSave',
      );
      // The coverage view shows what the Problems panel shows: the saved text's analysis.
      const coverage = async () =>
        JSON.stringify((await vscode.commands.executeCommand<AuthoringTestState>('mlsd._test.state', { refresh: false })).coverage);
      const before = await coverage();
      const docEnd = new vscode.Position(editor.document.lineCount, 0);
      assert.ok(
        await editor.edit((builder) =>
          builder.insert(docEnd, '\n## Trade-offs\n\nRecall versus latency: a smaller model keeps p99 under 50 ms.\n'),
        ),
      );
      await new Promise((resolve) => setTimeout(resolve, 1000));
      assert.equal(await coverage(), before, 'typing must not update the coverage view with run: onSave');
      await editor.document.save();
      await waitForDiagnostics(
        fraudDoc,
        `${target.at} cleared by the save`,
        (found) => found.length > 0 && !found.some((diagnostic) => describeDiagnostic(diagnostic) === target.at),
      );
      await waitFor('the coverage view updated by the save', async () => ((await coverage()) !== before ? true : undefined));
    } finally {
      await setSetting('run', undefined);
      await editor.edit((builder) => builder.replace(new vscode.Range(0, 0, editor.document.lineCount, 0), original));
      await editor.document.save();
    }
    await waitForDiagnostics(fraudDoc, 'findings back with run: onType', (diagnostics) => diagnostics.length === FRAUD_FINDINGS.length);
  });

  it('re-checks while typing and keeps up with the latest text', async () => {
    const editor = await openEditor(FRAUD_DOC);
    const original = editor.document.getText();
    const target = FRAUD_FINDINGS.find((finding) => finding.removedBy);
    assert.ok(target?.removedBy, 'the fixture names an edit that clears a finding');
    const { line, start, end, text } = target.removedBy;
    // Three quick edits, as typed: only the result for the final text may stay.
    const steps: [number, string][] = [
      [end, 'x'],
      [start + 1, 'xy'],
      [start + 2, text],
    ];
    for (const [stepEnd, stepText] of steps) {
      assert.ok(await editor.edit((builder) => builder.replace(new vscode.Range(line, start, line, stepEnd), stepText)));
    }
    await waitForDiagnostics(
      fraudDoc,
      `${target.at} cleared by typing`,
      (found) => found.length > 0 && !found.some((diagnostic) => describeDiagnostic(diagnostic) === target.at),
    );
    await vscode.commands.executeCommand('workbench.action.files.revert');
    assert.equal(editor.document.getText(), original);
    await waitForDiagnostics(fraudDoc, 'findings back after revert', (found) => found.length === FRAUD_FINDINGS.length);
  });
});
