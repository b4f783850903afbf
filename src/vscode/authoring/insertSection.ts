// "mlsd: Insert Section…": every section snippet in a quick pick, the doc's scenario first, then
// the framework's parts and elements, then the tables (typing `mlsd-` offers the same ones, see
// sectionCompletion.ts). It inserts into the active Markdown editor or, when the active editor is
// something else (the walkthrough, the review), into the last active design doc.
import * as vscode from 'vscode';
import { core } from '../loadCore';
import type { ActiveDesignDoc, DocumentAnalysisSource } from './activeDoc';
import { markWalkthroughStep, WALKTHROUGH_DONE } from './walkthrough';
import type { SnippetDefinition, SnippetGroup } from '../../core/snippets';
import type { ChecklistScenarioId } from '../../core/framework/scenarios';

interface SnippetPick extends vscode.QuickPickItem {
  snippet?: SnippetDefinition;
}

export class InsertSectionCommand {
  /** Built from the framework data on first use, not at activation. */
  private builtSnippets: SnippetDefinition[] | undefined;

  constructor(
    private readonly source: DocumentAnalysisSource,
    private readonly activeDoc: Pick<ActiveDesignDoc, 'target'>,
  ) {}

  private get snippets(): SnippetDefinition[] {
    return (this.builtSnippets ??= core().buildSnippets());
  }

  /** Inserts the snippet with this prefix, or asks which one; returns the prefix inserted. */
  async run(prefix?: string): Promise<string | undefined> {
    const document = this.activeDoc.target();
    if (!document) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a Markdown design doc to insert a section.'));
      return undefined;
    }
    const snippet = typeof prefix === 'string' ? this.snippets.find((candidate) => candidate.prefix === prefix) : await this.pick(document);
    if (!snippet) return undefined;
    const editor = await editorOf(document);
    if (snippet.scenario) {
      if (!(await this.insertMissingItems(editor, snippet.scenario))) return undefined;
      markWalkthroughStep(WALKTHROUGH_DONE.sectionInserted);
      return snippet.prefix;
    }
    // A section never starts in the middle of a line: with the cursor after some text (where a
    // quick fix or a click left it), it goes below that line. Inserted before text (a heading at
    // the cursor), it keeps a blank line between the two.
    const cursor = editor.selection;
    const line = document.lineAt(cursor.active.line);
    const afterText = cursor.isEmpty && line.text.slice(0, cursor.active.character).trim().length > 0;
    const beforeText = snippet.body.endsWith('\n') && line.text.slice(cursor.active.character).trim() !== '';
    const inserted = afterText
      ? await editor.insertSnippet(new vscode.SnippetString(`\n\n${snippet.body}`), line.range.end)
      : await editor.insertSnippet(new vscode.SnippetString(beforeText ? `${snippet.body}\n` : snippet.body));
    if (!inserted) return undefined;
    markWalkthroughStep(WALKTHROUGH_DONE.sectionInserted);
    return snippet.prefix;
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
    // ignoreFocusOut: run from the walkthrough, the Welcome page takes the focus back right after
    // the click, which would otherwise close the pick before the person sees it.
    const chosen = await vscode.window.showQuickPick(picks, {
      placeHolder: vscode.l10n.t('Section to insert at the cursor'),
      matchOnDescription: true,
      matchOnDetail: true,
      ignoreFocusOut: true,
    });
    return chosen?.snippet;
  }
}

/**
 * The editor to insert into: the active one when it shows the document, else the document's own
 * editor brought forward where it already is (with its cursor), not a new one in the walkthrough's group.
 */
async function editorOf(document: vscode.TextDocument): Promise<vscode.TextEditor> {
  const active = vscode.window.activeTextEditor;
  if (active?.document === document) return active;
  const uri = document.uri.toString();
  const group = vscode.window.tabGroups.all.find((candidate) =>
    candidate.tabs.some((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === uri),
  );
  return vscode.window.showTextDocument(document, group ? { viewColumn: group.viewColumn } : {});
}
