// "mlsd: Show Design Review": the core's Markdown report (the same text as
// `mlsd report --format markdown`) beside the doc, as a read-only document of its own scheme (a
// generated report: closing it never asks to save), with an offer to save a copy. Works the same on
// the desktop and on the web (workspace.fs, no Node APIs).
import * as vscode from 'vscode';
import { core } from '../loadCore';
import type { DocumentAnalysisSource } from './activeDoc';

export const REVIEW_SCHEME = 'mlsd-review';

/** The reviews this session showed, served read-only; the views never follow one, whatever its analysis says. */
export class ReviewDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly registration: vscode.Disposable;
  private shown = 0;

  constructor() {
    this.registration = vscode.workspace.registerTextDocumentContentProvider(REVIEW_SCHEME, this);
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  /** A new read-only Markdown document holding `text`, titled after the reviewed file. */
  async open(reviewed: string, text: string): Promise<vscode.TextDocument> {
    const name = reviewed.split('/').at(-1) ?? reviewed;
    const uri = vscode.Uri.from({ scheme: REVIEW_SCHEME, path: `/Design review of ${name}.md`, query: String(++this.shown) });
    this.texts.set(uri.toString(), text);
    const document = await vscode.workspace.openTextDocument(uri);
    return document.languageId === 'markdown' ? document : vscode.languages.setTextDocumentLanguage(document, 'markdown');
  }

  dispose(): void {
    this.registration.dispose();
    this.texts.clear();
  }
}

export function isShownReview(document: vscode.TextDocument): boolean {
  return document.uri.scheme === REVIEW_SCHEME;
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
  reviews: ReviewDocuments,
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
  const shown = await reviews.open(fileLabel(document), text);
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
