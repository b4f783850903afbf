// The coverage view: framework parts → elements and the scenario checklist with present / partial /
// missing icons. Clicking an entry reveals its evidence, or offers to insert the missing section
// with the core's own fix for that finding.
import * as vscode from 'vscode';
import { core } from '../loadCore';
import type { ActiveAnalysis, ActiveDesignDoc } from './activeDoc';
import type { CoverageNode } from './coverageTree';
import { AUTHORING_COMMANDS, COVERAGE_VIEW_ID } from './ids';

const ICONS: Record<CoverageNode['status'], vscode.ThemeIcon> = {
  present: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
  partial: new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')),
  missing: new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('testing.iconFailed')),
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
      vscode.commands.registerCommand(AUTHORING_COMMANDS.insertCoverageSection, (entry?: CoverageNode | string) => this.insert(this.find(entry))),
    ];
    this.show(activeDoc.analysis);
  }

  /** The tree as shown, for the test state command. */
  get roots(): readonly CoverageNode[] {
    return this.nodes;
  }

  getTreeItem(node: CoverageNode): vscode.TreeItem {
    const collapsible = node.children.length > 0 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None;
    const item = new vscode.TreeItem(node.label, collapsible);
    item.id = `${node.kind}:${node.id}`;
    item.iconPath = ICONS[node.status];
    item.description = statusLabel(node.status);
    item.tooltip = [node.expectation ? `${node.id}: ${node.expectation}` : node.id, ...(node.gap ? [`${statusLabel(node.status)}: ${node.gap}`] : [])].join('\n');
    item.contextValue = `${node.kind}-${node.status}`;
    if (node.kind === 'element' || node.kind === 'item') {
      item.command = { command: AUTHORING_COMMANDS.revealCoverage, title: vscode.l10n.t('Show in document'), arguments: [node] };
    }
    return item;
  }

  /** The shown entry for a tree node or an element / item ID (keybindings and tests pass IDs). */
  private find(entry: CoverageNode | string | undefined): CoverageNode | undefined {
    const id = typeof entry === 'string' ? entry : entry?.id;
    return this.nodes.flatMap((node) => node.children).find((node) => node.id === id);
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
    const insert = core().insertFixFor(analysis.result, node.id);
    if (!insert) return 'nothing';
    const choice = await vscode.window.showInformationMessage(
      vscode.l10n.t('"{0}" is missing. {1}?', node.label, insert.fix.title),
      vscode.l10n.t('Insert'),
    );
    if (choice === undefined) return 'declined';
    return (await this.insert(node)) ? 'inserted' : 'nothing';
  }

  /** Applies the core's fix for a missing element or item, as one undoable edit. */
  async insert(node: CoverageNode | undefined): Promise<boolean> {
    let analysis = this.analysis;
    // Fix ranges are only valid for the text they were computed on.
    if (analysis && analysis.document.version !== analysis.version) analysis = await this.activeDoc.refresh();
    if (!node || !analysis || analysis.document.isClosed) return false;
    const insert = core().insertFixFor(analysis.result, node.id);
    if (!insert) return false;
    const edit = new vscode.WorkspaceEdit();
    for (const change of insert.fix.edits) {
      const { start, end } = change.range;
      edit.replace(analysis.document.uri, new vscode.Range(start.line, start.character, end.line, end.character), change.newText);
    }
    return vscode.workspace.applyEdit(edit);
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  private show(analysis: ActiveAnalysis | undefined): void {
    this.analysis = analysis;
    this.nodes = analysis ? core().coverageTree(analysis.result.model) : [];
    // Which document the view is about, and its score, next to the view's title.
    this.view.description = analysis
      ? `${analysis.document.uri.path.slice(analysis.document.uri.path.lastIndexOf('/') + 1)} · ${analysis.result.model.score}/100`
      : undefined;
    this.changed.fire(undefined);
  }
}

function statusLabel(status: CoverageNode['status']): string {
  return status === 'present' ? vscode.l10n.t('present') : status === 'partial' ? vscode.l10n.t('partial') : vscode.l10n.t('missing');
}
