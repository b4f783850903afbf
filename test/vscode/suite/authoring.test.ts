// Authoring in a real VS Code: snippets, templates, hover, completion, the coverage view, the status
// bar, the review and practice mode (on a fake clock moved through mlsd._test.advanceClock).
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { analyze } from '../../../src/core';
import { SCENARIOS } from '../../../src/core/framework/scenarios';
import { renderChecklistSkeleton, renderElementSkeleton, renderTemplate } from '../../../src/core/templates';
import { renderMarkdownReport } from '../../../src/core/report';
import { coverageOutline, coverageTree } from '../../../src/vscode/authoring/coverageTree';
import type { AuthoringTestState } from '../../../src/vscode/authoring';
import { designDocStatus } from '../../../src/vscode/authoring/statusText';
import { FRAUD_DOC } from '../expected';
import { mlsdDiagnostics, openEditor, waitFor } from '../helpers';

const MINUTE = 60_000;

function state(): Thenable<AuthoringTestState> {
  return vscode.commands.executeCommand<AuthoringTestState>('mlsd._test.state');
}

async function emptyMarkdownEditor(content = ''): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content });
  return vscode.window.showTextDocument(document);
}

function positionOf(document: vscode.TextDocument, text: string, offset = 0): vscode.Position {
  const index = document.getText().indexOf(text);
  assert.notEqual(index, -1, `fixture contains "${text}"`);
  return document.positionAt(index + offset);
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : 'value' in content ? content.value : ''))
    .join('\n');
}

/** Closes every editor without a save prompt: the untitled documents these tests make are throwaway. */
async function closeAllEditors(): Promise<void> {
  for (let open = vscode.window.visibleTextEditors.length + 8; open > 0 && vscode.window.activeTextEditor; open--) {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

describe('authoring', () => {
  after(closeAllEditors);

  it('completes section snippets once `mlsd-` is typed at the start of a line, prompts as tab stops', async () => {
    const editor = await emptyMarkdownEditor('mlsd-');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      editor.document.uri,
      new vscode.Position(0, 5),
      '-',
    );
    const ours = list.items.filter((item) => item.kind === vscode.CompletionItemKind.Snippet);
    const labels = ours.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
    assert.equal(labels.length, 35);
    assert.ok(
      labels.every((label) => label.startsWith('mlsd-')),
      labels.join(' '),
    );
    const constraints = ours[labels.indexOf('mlsd-framing-constraints')]!;
    assert.deepEqual(
      [constraints.range].flat().map((range) => (range instanceof vscode.Range ? [range.start.character, range.end.character] : undefined)),
      [[0, 5]],
    );
    await editor.insertSnippet(constraints.insertText as vscode.SnippetString, new vscode.Range(0, 0, 0, 5));
    assert.equal(editor.document.getText(), renderElementSkeleton('framing.constraints', 3));
    // The first prompt is selected, ready to type over.
    assert.equal(editor.document.getText(editor.selection), 'TODO: Latency budget, as a number with a unit (e.g. p99 < 50 ms)?');

    // Not among the words of a sentence.
    await editor.edit((edit) => edit.insert(new vscode.Position(editor.document.lineCount - 1, 0), 'We measure mlsd-'));
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    const inSentence = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      editor.document.uri,
      end,
      '-',
    );
    assert.deepEqual(
      inSentence.items.filter((item) => item.kind === vscode.CompletionItemKind.Snippet),
      [],
    );
  });

  it('inserts a scenario block and a metric table through "Insert Section…"', async () => {
    const editor = await emptyMarkdownEditor();
    assert.equal(await vscode.commands.executeCommand('mlsd.insertScenarioSection', 'mlsd-fraud'), 'mlsd-fraud');
    const fraud = SCENARIOS.find((scenario) => scenario.id === 'fraud')!;
    assert.equal(editor.document.getText(), renderChecklistSkeleton('fraud', fraud.items, 2));

    await vscode.commands.executeCommand('workbench.action.files.newUntitledFile', { languageId: 'markdown' });
    assert.equal(await vscode.commands.executeCommand('mlsd.insertScenarioSection', 'mlsd-metrics-ranking'), 'mlsd-metrics-ranking');
    const table = vscode.window.activeTextEditor!.document.getText().split('\n');
    // A choice placeholder inserts its first option: a metric that fits ranking.
    assert.equal(table[2], '| Offline | NDCG@k | target vs baseline | why it fits the goal |');
    assert.equal(table[4], '| Guardrail | False positive rate | must not get worse than | why it fits the goal |');
  });

  it('inserts only the checklist items a doc does not cover, after the doc, and nothing when it covers them all', async () => {
    const covered =
      '---\nscenario: recommendation\n---\n# Recipe feed\n\n## Candidate retrieval and ranking\n\nA two-tower model retrieves 500 candidates with approximate nearest neighbours, then a ranker orders them.\n\n## Model\n\nA GBDT ranker.\n';
    const editor = await emptyMarkdownEditor(covered);
    editor.selection = new vscode.Selection(5, 0, 5, 0);
    assert.equal(await vscode.commands.executeCommand('mlsd.insertScenarioSection', 'mlsd-recommendation'), 'mlsd-recommendation');
    const coldStart = SCENARIOS.find((scenario) => scenario.id === 'recommendation')!.items.filter(
      (item) => item.id === 'recommendation/cold-start',
    );
    assert.equal(editor.document.getText(), `${covered}\n${renderChecklistSkeleton('recommendation', coldStart, 2)}`);
    assert.equal(editor.selection.active.line, covered.split('\n').length);
    assert.equal(await vscode.commands.executeCommand('mlsd.insertScenarioSection', 'mlsd-recommendation'), undefined);
  });

  it('keeps a blank line between a section inserted at the cursor and the heading after it', async () => {
    const editor = await emptyMarkdownEditor('# Feed\n\n## Model\n\nA GBDT ranker.\n');
    editor.selection = new vscode.Selection(2, 0, 2, 0);
    assert.equal(await vscode.commands.executeCommand('mlsd.insertScenarioSection', 'mlsd-tradeoffs'), 'mlsd-tradeoffs');
    assert.equal(editor.document.getText(), `# Feed\n\n${renderElementSkeleton('tradeoffs', 3)}\n## Model\n\nA GBDT ranker.\n`);
  });

  it('opens the same template as `mlsd init` from "New Design Doc…"', async () => {
    const document = await vscode.commands.executeCommand<vscode.TextDocument>('mlsd.newDesignDoc', 'search', 'interview');
    assert.equal(document.languageId, 'markdown');
    assert.equal(document.isUntitled, true);
    assert.equal(document.getText(), renderTemplate('search', 'interview'));
    assert.equal(vscode.window.activeTextEditor?.document, document);
  });

  describe('on the fraud design doc', () => {
    let editor: vscode.TextEditor;
    beforeEach(async () => {
      editor = await openEditor(FRAUD_DOC);
    });

    it('hovers a metric with what it measures and whether it fits the doc', async () => {
      const at = positionOf(editor.document, 'accuracy on a held-out', 2);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, at);
      const text = hoverText(hovers);
      assert.match(text, /\*\*Accuracy\*\*: Share of correct predictions/);
      assert.match(text, /Does not fit this doc's task \(imbalanced-classification\)\./);
    });

    it('hovers a framework heading with what the section must contain', async () => {
      const at = positionOf(editor.document, '## Constraints', 4);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, at);
      assert.match(hoverText(hovers), /\*\*Constraints\*\* \(`framing\.constraints`\) {2}\nMust contain: .+\. {2}\nIn this doc: present\./);
    });

    it('completes metric names in the metrics section, fitting ones first', async () => {
      const at = positionOf(editor.document, 'The model is judged on ', 'The model is judged on '.length);
      const list = await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider',
        editor.document.uri,
        at,
      );
      const ours = list.items.filter((item) => typeof item.detail === 'string' && /^(?:fits|misaligned for) |metric$/.test(item.detail));
      const ordered = [...ours].sort((a, b) => String(a.sortText).localeCompare(String(b.sortText))).map((item) => item.label);
      assert.deepEqual(ordered.slice(0, 3), ['PR-AUC', 'Recall at precision', 'F-beta']);
      assert.deepEqual(ordered.slice(-2), ['ROC-AUC', 'Accuracy']);
    });

    it('shows the coverage tree and the status bar of the active doc', async () => {
      const result = analyze(editor.document.getText(), { path: FRAUD_DOC });
      const shown = await waitFor('the coverage of the fraud doc', async () => {
        const current = await state();
        return current.coverage.length > 0 ? current : undefined;
      });
      assert.deepEqual(shown.coverage, coverageTree(result.model, result.findings).map(coverageOutline));
      assert.deepEqual(
        shown.coverage.map((node) => node.id),
        ['framing', 'data', 'features', 'model', 'training.paradigm', 'evaluation', 'serving', 'tradeoffs', 'fraud'],
      );
      const constraints = shown.coverage[0]!.children.find((child) => child.id === 'framing.constraints');
      assert.deepEqual(constraints, {
        id: 'framing.constraints',
        status: 'present',
        severity: null,
        line: positionOf(editor.document, '## Constraints').line,
        children: [],
      });
      // Missing entries carry the severity of their finding: warnings here, as in the Problems panel.
      const dataQuality = shown.coverage[1]!.children.find((child) => child.id === 'data.quality');
      assert.deepEqual([dataQuality?.status, dataQuality?.severity], ['missing', 'warning']);
      assert.equal(shown.statusBar, designDocStatus(result, FRAUD_DOC).text);
      assert.match(shown.statusBar ?? '', /^\$\(checklist\) Design \d+\/100$/);
      assert.deepEqual(shown.coverageHeader, {
        description: `${result.model.score}/100`,
        message: `${FRAUD_DOC}: design score ${result.model.score}/100`,
      });
    });

    it("reveals an entry's evidence from the coverage view, and inserts a missing section with the core's fix", async () => {
      await waitFor('the coverage of the fraud doc', async () => ((await state()).coverage.length > 0 ? true : undefined));
      assert.equal(await vscode.commands.executeCommand('mlsd.coverage.reveal', 'framing.constraints'), 'revealed');
      assert.equal(vscode.window.activeTextEditor?.selection.active.line, positionOf(editor.document, '## Constraints').line);

      const before = editor.document.getText();
      assert.equal(await vscode.commands.executeCommand('mlsd.coverage.insertSection', 'tradeoffs'), true);
      assert.match(editor.document.getText(), /\n## Trade-offs\n\n- TODO: /);
      const headingLine = editor.document.getText().split('\n').indexOf('## Trade-offs');
      // The inserted section is shown and selected, from its heading to its last prompt.
      const active = vscode.window.activeTextEditor!;
      assert.equal(active.document, editor.document);
      assert.deepEqual([active.selection.start.line, active.selection.start.character], [headingLine, 0]);
      assert.match(active.document.getText(active.selection), /^## Trade-offs\n\n- TODO: [^\n]+(\n- TODO: [^\n]+)*$/);
      await waitFor(
        'the inserted section scrolled into view',
        () => (active.visibleRanges.some((range) => range.contains(active.selection.start)) ? true : undefined),
        5000,
      );
      const after = await waitFor('trade-offs no longer missing', async () => {
        const tradeoffs = (await state()).coverage.find((node) => node.id === 'tradeoffs');
        return tradeoffs && tradeoffs.status !== 'missing' ? tradeoffs : undefined;
      });
      assert.equal(after.line, headingLine);
      await vscode.commands.executeCommand('undo');
      assert.equal(editor.document.getText(), before);
    });

    it('renders the design review like `mlsd report --format markdown`', async () => {
      const review = await vscode.commands.executeCommand<{ text: string; report: vscode.TextDocument }>('mlsd.showReview');
      const expected = renderMarkdownReport(analyze(editor.document.getText(), { path: FRAUD_DOC }), FRAUD_DOC);
      assert.equal(review.text, expected);
      assert.equal(review.report.getText(), expected);
      assert.equal(review.report.languageId, 'markdown');

      // The review is mlsd's own output: it gets no diagnostics, and "Show design review" run from it
      // reviews the design doc it came from, never the review.
      await vscode.window.showTextDocument(review.report);
      const fromTheReview = await vscode.commands.executeCommand<{ text: string }>('mlsd.showReview');
      assert.equal(fromTheReview.text, expected);
      assert.deepEqual(mlsdDiagnostics(review.report.uri), []);
    });
  });

  it('runs a practice interview through its phases on a fake clock, nudges, and ends with the review', async () => {
    const started = await vscode.commands.executeCommand<AuthoringTestState['practice']>('mlsd.startPractice', 'fraud');
    assert.equal(started.running, true);
    assert.equal(started.phase, 'framing');
    assert.match(started.timer ?? '', /^\$\(watch\) 1\/8 Problem framing & success · 0[78]:\d\d$/);
    const answer = vscode.workspace.textDocuments.find((document) => document.uri.toString() === started.document)!;
    assert.equal(answer.getText(), renderTemplate('fraud', 'interview'));

    const data = await vscode.commands.executeCommand<AuthoringTestState['practice']>('mlsd._test.advanceClock', 8 * MINUTE);
    assert.equal(data.phase, 'data');
    assert.match(data.timer ?? '', /^\$\(watch\) 2\/8 Data pipeline · 0[67]:\d\d$/);
    assert.ok(data.messages.includes('Next phase: Data pipeline (7 minutes).'), data.messages.join('\n'));

    const over = await vscode.commands.executeCommand<AuthoringTestState['practice']>('mlsd._test.advanceClock', 40 * MINUTE);
    assert.equal(over.phase, 'tradeoffs');
    assert.match(over.timer ?? '', /^\$\(warning\) Overtime -0[23]:\d\d · Trade-offs$/);
    assert.ok(over.messages.includes('Time is up. Wrap up, then stop practice to see the review.'));

    const stopped = await vscode.commands.executeCommand<AuthoringTestState['practice']>('mlsd.stopPractice', { confirmed: true });
    assert.equal(stopped.running, false);
    assert.match(stopped.timer ?? '', /^\$\(check\) Practice finished after 4[78]:\d\d$/);
    const review = await waitFor('the review beside the answer', () =>
      vscode.window.visibleTextEditors
        .map((editor) => editor.document)
        .find((document) => document.getText().startsWith('# Design review: ')),
    );
    assert.match(review.getText(), /\*\*Score: \d+\/100\*\*/);
    // The review ends with the session: the clock per phase and the nudges given.
    const session = review.getText().slice(review.getText().indexOf('## Practice session'));
    assert.match(session, /^## Practice session\n\nStopped after 4[78]:\d\d of 45:00 \(0[23]:\d\d over time\)\.\n/);
    assert.match(session, /\n\| Problem framing & success \| 8 min \| 08:00 \| 0 of 4 \|\n/);
    assert.match(session, /\n### Nudges\n\n- "Problem framing & success" was skipped: nothing in the doc covers it yet\.\n/);
  });

  it('nudges when the practice answer describes the model before any metric', async () => {
    const started = await vscode.commands.executeCommand<AuthoringTestState['practice']>('mlsd.startPractice', 'generic');
    const answer = await vscode.window.showTextDocument(
      vscode.workspace.textDocuments.find((document) => document.uri.toString() === started.document)!,
    );
    await answer.edit((edit) =>
      edit.replace(
        new vscode.Range(0, 0, answer.document.lineCount, 0),
        '---\nscenario: generic\n---\n\n# Churn prediction\n\n## Model\n\nA gradient-boosted tree model on tabular features, with a logistic regression baseline, ' +
          'retrained weekly.\n\n## Training\n\nWeekly retraining with a time-based split.\n',
      ),
    );
    const nudged = await waitFor('the metrics-first nudge', async () => {
      const current = (await state()).practice;
      return current.messages.some((message) => message.startsWith('You are writing about the model')) ? current : undefined;
    });
    assert.equal(nudged.running, true);
    await vscode.commands.executeCommand('mlsd.stopPractice', { confirmed: true });
  });

  it('keeps showing the last design doc while the active editor is not one, until it is closed', async () => {
    const fraud = await openEditor(FRAUD_DOC);
    const onFraud = await waitFor('the fraud doc shown', async () => {
      const shown = await state();
      return shown.document === fraud.document.uri.toString() ? shown : undefined;
    });
    await openEditor('README.md');
    const onReadme = await state();
    assert.equal(onReadme.document, fraud.document.uri.toString());
    assert.equal(onReadme.statusBar, onFraud.statusBar);
    assert.deepEqual(onReadme.coverage, onFraud.coverage);

    // The walkthrough is a webview: no text editor is active, and its buttons act on the design doc.
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', 'mlsd.mlsd#mlsd.gettingStarted', false);
    await waitFor('no active text editor', () => (vscode.window.activeTextEditor ? undefined : true));
    assert.equal((await state()).statusBar, onFraud.statusBar);
    assert.equal(await vscode.commands.executeCommand('mlsd.insertScenarioSection', 'mlsd-tradeoff-table'), 'mlsd-tradeoff-table');
    assert.match(fraud.document.getText(), /\| Trade-off \| We choose \| What it costs \| Why it is worth it \|/);
    assert.equal(vscode.window.activeTextEditor?.document, fraud.document);
    const review = await vscode.commands.executeCommand<{ text: string }>('mlsd.showReview');
    assert.match(review.text, new RegExp(`^# Design review: ${FRAUD_DOC.replace('.', '\\.')}`));

    await closeAllEditors();
    const none = await waitFor('nothing shown once the doc is closed', async () => {
      const shown = await state();
      return shown.statusBar === undefined ? shown : undefined;
    });
    assert.deepEqual(none.coverage, []);
    assert.equal(none.document, undefined);
  });
});
