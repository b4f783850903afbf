// Hover and metric-name completion for design docs. Both read the cached analysis of the document
// and leave all wording to the pure modules.
import * as vscode from 'vscode';
import { core } from '../loadCore';
import type { DocumentAnalysisSource } from './activeDoc';

/** A metric name as typed: letters, digits and the @ and - that names like NDCG@k or PR-AUC use. */
const METRIC_WORD = /[\w@-]+/;

export class DesignDocHoverProvider implements vscode.HoverProvider {
  constructor(private readonly source: DocumentAnalysisSource) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const result = await this.source.analyzeDocument(document);
    if (!result?.model.isDesignDoc) return undefined;
    const content = core().hoverAt(result.model, { line: position.line, character: position.character }, vscode.l10n.t);
    if (!content) return undefined;
    const { start, end } = content.range;
    return new vscode.Hover(
      new vscode.MarkdownString(content.markdown),
      new vscode.Range(start.line, start.character, end.line, end.character),
    );
  }
}

export class MetricCompletionProvider implements vscode.CompletionItemProvider {
  constructor(private readonly source: DocumentAnalysisSource) {}

  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[] | undefined> {
    const result = await this.source.analyzeDocument(document);
    if (!result?.model.isDesignDoc) return undefined;
    const lineAt = (line: number) => (line >= 0 && line < document.lineCount ? document.lineAt(line).text : undefined);
    const { isMetricContext, metricCompletions } = core();
    if (!isMetricContext(result.model, lineAt, { line: position.line, character: position.character })) return undefined;
    const word = document.getWordRangeAtPosition(position, METRIC_WORD);
    const range = word ? new vscode.Range(word.start, position) : new vscode.Range(position, position);
    return metricCompletions(result.model.task, vscode.l10n.t).map((metric) => {
      const item = new vscode.CompletionItem(metric.label, vscode.CompletionItemKind.Value);
      item.sortText = metric.sortText;
      item.detail = metric.detail;
      item.documentation = new vscode.MarkdownString(metric.documentation);
      item.range = range;
      if (metric.fit === 'misaligned') item.tags = [vscode.CompletionItemTag.Deprecated];
      return item;
    });
  }
}
