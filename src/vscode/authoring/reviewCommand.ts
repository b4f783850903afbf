// "mlsd: Show Design Review": the core's Markdown report (the same text as
// `mlsd report --format markdown`) in an untitled Markdown document beside the doc, with an offer to
// save it. Works the same on the desktop and on the web (workspace.fs, no Node APIs).
import * as vscode from 'vscode';
import { core } from '../loadCore';
import type { DocumentAnalysisSource } from './activeDoc';

/** The reviews this session opened: the views never follow one, whatever its analysis says. */
const shownReviews = new WeakSet<vscode.TextDocument>();

export function isShownReview(document: vscode.TextDocument): boolean {
  return shownReviews.has(document);
}

export interface ShownReview {
  report: vscode.TextDocument;
  text: string;
}

/** The report's file label: workspace-relative like the CLI prints it, or the untitled name. */
function fileLabel(document: vscode.TextDocument): string {
  return document.isUntitled ? document.uri.path : vscode.workspace.asRelativePath(document.uri, false);
}

/**
 * Reviews `document` (the active Markdown doc or the last active design doc, see ActiveDesignDoc.target);
 * a practice session's summary, when given, is appended to the report.
 */
export async function showDesignReview(
  source: DocumentAnalysisSource,
  document: vscode.TextDocument | undefined,
  practiceSummary?: string,
): Promise<ShownReview | undefined> {
  if (!document || document.languageId !== 'markdown') {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a Markdown design doc to review it.'));
    return undefined;
  }
  const result = await source.analyzeDocument(document);
  if (!result) {
    void vscode.window.showInformationMessage(vscode.l10n.t('mlsd is disabled for this document.'));
    return undefined;
  }
  const report = core().renderMarkdownReport(result, fileLabel(document));
  const text = practiceSummary ? `${report.trimEnd()}\n\n${practiceSummary}` : report;
  const shown = await vscode.workspace.openTextDocument({ language: 'markdown', content: text });
  shownReviews.add(shown);
  await vscode.window.showTextDocument(shown, { viewColumn: vscode.ViewColumn.Beside, preview: false });
  void offerToSave(document, text);
  return { report: shown, text };
}

async function offerToSave(document: vscode.TextDocument, text: string): Promise<void> {
  const save = vscode.l10n.t('Save As…');
  const choice = await vscode.window.showInformationMessage(vscode.l10n.t('Design review ready.'), save);
  if (choice !== save) return;
  const defaultUri = document.isUntitled ? undefined : document.uri.with({ path: document.uri.path.replace(/(\.[^./]+)?$/, '.review.md') });
  const target = await vscode.window.showSaveDialog({ filters: { Markdown: ['md'] }, ...(defaultUri ? { defaultUri } : {}) });
  if (!target) return;
  try {
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  } catch (error) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t(
        'Could not save the design review to {0}: {1}',
        target.toString(true),
        error instanceof Error ? error.message : String(error),
      ),
    );
  }
}
