// The coverage view: framework parts → elements and the scenario checklist, present / partial /
// missing, with the icon of the most severe finding about each entry (as in the Problems panel).
// Clicking an entry reveals its evidence, or offers to insert the missing section with the core's
// own fix for that finding; the inserted section is then shown and selected.
import * as vscode from 'vscode';
import { core } from '../loadCore';
import type { ActiveAnalysis, ActiveDesignDoc } from './activeDoc';
import type { CoverageNode } from './coverageTree';
import { AUTHORING_COMMANDS, COVERAGE_VIEW_ID } from './ids';
import { documentName } from './statusText';
import type { Severity } from '../../core/types';

/** The Problems panel's icons for the findings about an entry. */
const SEVERITY_ICONS: Record<Severity, vscode.ThemeIcon> = {
  error: new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground')),
  warning: new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')),
  info: new vscode.ThemeIcon('info', new vscode.ThemeColor('problemsInfoIcon.foreground')),
  hint: new vscode.ThemeIcon('info', new vscode.ThemeColor('problemsInfoIcon.foreground')),
};

/** Entries nothing is reported about (present, or their rule is off). */
const STATUS_ICONS: Record<CoverageNode['status'], vscode.ThemeIcon> = {
  present: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
  partial: new vscode.ThemeIcon('circle-large-outline'),
  missing: new vscode.ThemeIcon('circle-slash'),
};

export class CoverageView implements vscode.TreeDataProvider<CoverageNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<CoverageNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private analysis: ActiveAnalysis | undefined;
  private nodes: CoverageNode[] = [];
  private readonly view: vscode.TreeView<CoverageNode>;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly activeDoc: ActiveDesignDoc) {
    this.view = vscode.window.createTreeView(COVERAGE_VIEW_ID, { treeDataProvider: this, showCollapseAll: true });
    this.subscriptions = [
      this.view,
      this.changed,
      activeDoc.onDidChange((analysis) => this.show(analysis)),
      vscode.commands.registerCommand(AUTHORING_COMMANDS.revealCoverage, (entry?: CoverageNode | string) => this.open(this.find(entry))),
      vscode.commands.registerCommand(AUTHORING_COMMANDS.insertCoverageSection, (entry?: CoverageNode | string) =>
        this.insert(this.find(entry)),
      ),
    ];
    this.show(activeDoc.analysis);
  }

  /** The text beside the view's title and above the tree, for the test state command. */
  get header(): { description: string | undefined; message: string | undefined } {
    return { description: this.view.description, message: this.view.message };
  }

  /** The tree as shown, for the test state command. */
  get roots(): readonly CoverageNode[] {
    return this.nodes;
  }

  getTreeItem(node: CoverageNode): vscode.TreeItem {
    const collapsible = node.children.length > 0 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None;
    const item = new vscode.TreeItem(node.label, collapsible);
    item.id = `${node.kind}:${node.id}`;
    item.iconPath = node.severity ? SEVERITY_ICONS[node.severity] : STATUS_ICONS[node.status];
    item.description = statusLabel(node.status);
    item.tooltip = [
      node.expectation ? `${node.id}: ${node.expectation}` : node.id,
      ...(node.gap ? [`${statusLabel(node.status)}: ${node.gap}`] : []),
    ].join('\n');
    item.contextValue = `${node.kind}-${node.status}`;
    if (node.kind === 'element' || node.kind === 'item') {
      item.command = { command: AUTHORING_COMMANDS.revealCoverage, title: vscode.l10n.t('Show in document'), arguments: [node] };
    }
    return item;
  }

  /** The shown entry for a tree node or an element / item ID (keybindings and tests pass IDs). */
  private find(entry: CoverageNode | string | undefined): CoverageNode | undefined {
    const id = typeof entry === 'string' ? entry : entry?.id;
    return core()
      .allCoverageNodes(this.nodes)
      .find((node) => (node.kind === 'element' || node.kind === 'item') && node.id === id);
  }

  getChildren(node?: CoverageNode): CoverageNode[] {
    return node ? node.children : this.nodes;
  }

  /** Reveals the evidence; for a missing entry, offers the core's fix that inserts the section. */
  async open(node: CoverageNode | undefined): Promise<'revealed' | 'inserted' | 'declined' | 'nothing'> {
    const analysis = this.analysis;
    if (!node || !analysis || analysis.document.isClosed) return 'nothing';
    if (node.evidence) {
      const { start, end } = node.evidence;
      const range = new vscode.Range(start.line, start.character, end.line, end.character);
      const editor = await vscode.window.showTextDocument(analysis.document, { preserveFocus: false });
      editor.selection = new vscode.Selection(range.start, range.start);
      editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      return 'revealed';
    }
    const insert = core().insertFixFor(analysis.result, node);
    if (!insert) return 'nothing';
    const choice = await vscode.window.showInformationMessage(
      vscode.l10n.t('"{0}" is missing. {1}?', node.label, insert.fix.title),
      vscode.l10n.t('Insert'),
    );
    if (choice === undefined) return 'declined';
    return (await this.insert(node)) ? 'inserted' : 'nothing';
  }

  /** Applies the core's fix for a missing element or item, as one undoable edit, then shows and selects the new section. */
  async insert(node: CoverageNode | undefined): Promise<boolean> {
    let analysis = this.analysis;
    // Fix ranges are only valid for the text they were computed on.
    if (analysis && analysis.document.version !== analysis.version) analysis = await this.activeDoc.refresh();
    if (!node || !analysis || analysis.document.isClosed) return false;
    const insert = core().insertFixFor(analysis.result, node);
    if (!insert) return false;
    const { document } = analysis;
    const edit = new vscode.WorkspaceEdit();
    for (const change of insert.fix.edits) {
      const { start, end } = change.range;
      edit.replace(document.uri, new vscode.Range(start.line, start.character, end.line, end.character), change.newText);
    }
    const inserted = core().insertedSection(insert.fix.edits, (position) =>
      document.offsetAt(new vscode.Position(position.line, position.character)),
    );
    if (!(await vscode.workspace.applyEdit(edit))) return false;
    if (inserted) {
      const editor = await vscode.window.showTextDocument(document, { preserveFocus: false });
      const range = new vscode.Range(document.positionAt(inserted.start), document.positionAt(inserted.end));
      editor.selection = new vscode.Selection(range.start, range.end);
      editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }
    return true;
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  private show(analysis: ActiveAnalysis | undefined): void {
    this.analysis = analysis;
    this.nodes = analysis ? core().coverageTree(analysis.result.model, analysis.result.findings) : [];
    // Which document the view is about, on a line of its own above the tree (the header beside the
    // view's title is too narrow for it in the Explorer); the short score stays in the header.
    this.view.description = analysis ? `${analysis.result.model.score}/100` : undefined;
    this.view.message = analysis
      ? vscode.l10n.t('{0}: design score {1}/100', documentName(analysis.document.uri.path), analysis.result.model.score)
      : undefined;
    this.changed.fire(undefined);
  }
}

function statusLabel(status: CoverageNode['status']): string {
  return status === 'present' ? vscode.l10n.t('present') : status === 'partial' ? vscode.l10n.t('partial') : vscode.l10n.t('missing');
}
