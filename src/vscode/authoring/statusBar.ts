// The status-bar item: the followed design doc's score, labelled; a click opens the coverage view.
import * as vscode from 'vscode';
import type { ActiveAnalysis, ActiveDesignDoc } from './activeDoc';
import { COVERAGE_VIEW_ID } from './ids';
import { designDocStatus, documentName } from './statusText';

export class DesignDocStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('mlsd.designDocStatus', vscode.StatusBarAlignment.Left, 10);
  private readonly subscription: vscode.Disposable;

  constructor(activeDoc: ActiveDesignDoc) {
    this.item.name = vscode.l10n.t('mlsd design doc status');
    this.item.command = `${COVERAGE_VIEW_ID}.focus`;
    this.subscription = activeDoc.onDidChange((analysis) => this.show(analysis));
    this.show(activeDoc.analysis);
  }

  /** The text shown now, or undefined when hidden (for the test state command). */
  get text(): string | undefined {
    return this.visible ? this.item.text : undefined;
  }

  private visible = false;

  private show(analysis: ActiveAnalysis | undefined): void {
    if (!analysis) {
      this.visible = false;
      this.item.hide();
      return;
    }
    const status = designDocStatus(analysis.result, documentName(analysis.document.uri.path), vscode.l10n.t);
    this.item.text = status.text;
    this.item.tooltip = status.tooltip;
    this.visible = true;
    this.item.show();
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
