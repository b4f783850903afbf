// "mlsd: Insert Scenario Section…": Markdown turns quick suggestions off, so the snippets are also
// offered through a quick pick: the doc's scenario first, then the framework's parts and elements,
// then the tables. The bodies are the very snippets of snippets/markdown.json.
import * as vscode from 'vscode';
import { core } from '../loadCore';
import type { DocumentAnalysisSource } from './activeDoc';
import type { SnippetDefinition, SnippetGroup } from './snippetBodies';
import type { ChecklistScenarioId } from '../../core/framework/scenarios';

interface SnippetPick extends vscode.QuickPickItem {
  snippet?: SnippetDefinition;
}

export class InsertSectionCommand {
  /** Built from the framework data on first use, not at activation. */
  private builtSnippets: SnippetDefinition[] | undefined;

  constructor(private readonly source: DocumentAnalysisSource) {}

  private get snippets(): SnippetDefinition[] {
    return (this.builtSnippets ??= core().buildSnippets());
  }

  /** Inserts the snippet with this prefix, or asks which one; returns the prefix inserted. */
  async run(prefix?: string): Promise<string | undefined> {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== 'markdown') {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a Markdown design doc to insert a section.'));
      return undefined;
    }
    const snippet = typeof prefix === 'string' ? this.snippets.find((candidate) => candidate.prefix === prefix) : await this.pick(editor.document);
    if (!snippet) return undefined;
    if (snippet.scenario) return (await this.insertMissingItems(editor, snippet.scenario)) ? snippet.prefix : undefined;
    // A section inserted before text (a heading at the cursor) keeps a blank line between the two.
    const cursor = editor.selection.active;
    const textAfter = editor.document.lineAt(cursor.line).text.slice(cursor.character);
    const body = snippet.body.endsWith('\n') && textAfter.trim() !== '' ? `${snippet.body}\n` : snippet.body;
    const inserted = await editor.insertSnippet(new vscode.SnippetString(body));
    return inserted ? snippet.prefix : undefined;
  }

  /** A scenario's checklist: only the items the doc does not cover, after the rest of the doc, as the template orders it. */
  private async insertMissingItems(editor: vscode.TextEditor, scenario: ChecklistScenarioId): Promise<boolean> {
    const edit = core().scenarioSectionInsertion(editor.document.getText(), scenario);
    if (!edit) {
      void vscode.window.showInformationMessage(vscode.l10n.t('This doc already covers every item of the {0} checklist.', scenario));
      return false;
    }
    const at = new vscode.Position(edit.range.start.line, edit.range.start.character);
    if (!(await editor.edit((builder) => builder.insert(at, edit.newText)))) return false;
    // Put the cursor on the inserted checklist heading, where the author goes next.
    const heading = editor.document.offsetAt(at) + edit.newText.search(/^#/m);
    const position = editor.document.positionAt(heading);
    editor.selection = new vscode.Selection(position, position);
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return true;
  }

  private async pick(document: vscode.TextDocument): Promise<SnippetDefinition | undefined> {
    const result = await this.source.analyzeDocument(document);
    const scenario = result?.model.scenario.id ?? 'generic';
    const labels: Record<SnippetGroup, string> = {
      scenario: vscode.l10n.t('Scenario specifics'),
      framework: vscode.l10n.t('Framework parts and elements'),
      tables: vscode.l10n.t('Tables'),
    };
    const picks: SnippetPick[] = [];
    let group: SnippetGroup | undefined;
    for (const snippet of core().orderedForScenario(this.snippets, scenario)) {
      if (snippet.group !== group) {
        group = snippet.group;
        picks.push({ label: labels[group], kind: vscode.QuickPickItemKind.Separator });
      }
      picks.push({ label: snippet.name.replace(/^mlsd: /, ''), description: snippet.prefix, detail: snippet.description, snippet });
    }
    const chosen = await vscode.window.showQuickPick(picks, { placeHolder: vscode.l10n.t('Section to insert at the cursor'), matchOnDescription: true, matchOnDetail: true });
    return chosen?.snippet;
  }
}
