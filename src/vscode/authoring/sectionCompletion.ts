// Section snippets as completions: typing `mlsd-` at the start of a line opens the list ('-' is a
// trigger character, so it works although Markdown turns quick suggestions off), and Ctrl+Space
// offers them only there, not among every word completion. The doc's scenario comes first.
import * as vscode from 'vscode';
import { core } from '../loadCore';
import type { DocumentAnalysisSource } from './activeDoc';
import type { SnippetDefinition } from '../../core/snippets';

export const SECTION_TRIGGER_CHARACTERS = ['-'];

export class SectionCompletionProvider implements vscode.CompletionItemProvider {
  /** Built from the framework data on first use, not at activation. */
  private builtSnippets: SnippetDefinition[] | undefined;

  constructor(private readonly source: DocumentAnalysisSource) {}

  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[] | undefined> {
    const { buildSnippets, orderedForScenario, sectionPrefixStart } = core();
    const start = sectionPrefixStart(document.lineAt(position.line).text.slice(0, position.character));
    if (start === undefined) return undefined;
    const scenario = (await this.source.analyzeDocument(document))?.model.scenario.id ?? 'generic';
    const range = new vscode.Range(position.line, start, position.line, position.character);
    this.builtSnippets ??= buildSnippets();
    return orderedForScenario(this.builtSnippets, scenario).map((snippet, order) => {
      const item = new vscode.CompletionItem(
        { label: snippet.prefix, description: snippet.name.replace(/^mlsd: /, '') },
        vscode.CompletionItemKind.Snippet,
      );
      item.insertText = new vscode.SnippetString(snippet.body);
      item.documentation = new vscode.MarkdownString(snippet.description);
      item.range = range;
      item.sortText = String(order).padStart(3, '0');
      return item;
    });
  }
}
