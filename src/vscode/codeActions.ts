// Ctrl+. on an mlsd diagnostic: the core's fixes, ways to silence the rule (line, file, project
// config), its docs page; and `source.fixAll.mlsd` for `editor.codeActionsOnSave`. The fixes come
// from the analysis of the document's current version, matched to the diagnostic by rule, range
// and message, so nothing needs to be stashed on the diagnostic itself.
import * as vscode from 'vscode';
import type { ConfigError, Finding, TextEdit } from '../core/types';
import type { DocumentAnalyzer } from './analyzer';
import { DIAGNOSTIC_SOURCE, ruleIdOf, sameFinding, sameProblem, toVsTextEdit } from './convert';
import type { RuleDocs } from './ruleDocs';
import { COMMANDS } from './commands';
import { minimalEdit } from './fixAll';
import { core } from './loadCore';
import type { ProjectConfigs } from './projectConfig';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('mlsd');
export const FIX_ALL_TITLE = 'Fix all mlsd problems';

export class MlsdCodeActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  constructor(
    private readonly analyzer: DocumentAnalyzer,
    private readonly configs: ProjectConfigs,
    private readonly docs: RuleDocs,
  ) {}

  async provideCodeActions(
    document: vscode.TextDocument,
    _range: vscode.Range,
    context: vscode.CodeActionContext,
    token: vscode.CancellationToken,
  ): Promise<vscode.CodeAction[]> {
    const actions: vscode.CodeAction[] = [];
    const wantsQuickFixes = !context.only || context.only.contains(vscode.CodeActionKind.QuickFix);
    const ours = context.diagnostics.filter((diagnostic) => ruleIdOf(diagnostic) !== undefined);
    // A problem in the document's own comments or front matter: no rule, maybe one obvious edit.
    const problems = context.diagnostics.filter((diagnostic) => diagnostic.source === DIAGNOSTIC_SOURCE && diagnostic.code === undefined);
    if (wantsQuickFixes && ours.length + problems.length > 0) {
      const result = await this.analyzer.analyzeDocument(document);
      for (const diagnostic of ours) {
        const finding = result?.findings.find((candidate) => sameFinding(diagnostic, candidate));
        if (finding) actions.push(...(await this.actionsFor(document, diagnostic, finding)));
      }
      for (const diagnostic of problems) {
        const fix = result?.configErrors.find((candidate) => sameProblem(diagnostic, candidate))?.fix;
        if (fix) actions.push(this.problemFix(document.uri, fix, diagnostic));
      }
    }
    // Fix-all runs several analyses: only when asked for it (on save, Source Action) or on an explicit Ctrl+.
    const wantsFixAll = context.only
      ? context.only.contains(FIX_ALL_KIND)
      : context.triggerKind === vscode.CodeActionTriggerKind.Invoke && ours.length > 0;
    if (wantsFixAll && !token.isCancellationRequested) {
      const fixAll = await this.fixAll(document);
      if (fixAll) actions.push(fixAll.action);
    }
    return actions;
  }

  /** The fix-all action and how many fixes its edit applies, or undefined when nothing is fixable. */
  async fixAll(document: vscode.TextDocument): Promise<{ action: vscode.CodeAction; applied: number } | undefined> {
    const options = await this.analyzer.optionsFor(document.uri);
    if (!options) return undefined;
    const label = document.uri.toString();
    const fixed = core().fixUntilStable(document.getText(), (text) => this.analyzer.run(text, options, label));
    const edit = minimalEdit(document, fixed.text);
    if (!edit) return undefined;
    const action = new vscode.CodeAction(FIX_ALL_TITLE, FIX_ALL_KIND);
    action.edit = new vscode.WorkspaceEdit();
    action.edit.set(document.uri, [edit]);
    return { action, applied: fixed.applied };
  }

  private async actionsFor(document: vscode.TextDocument, diagnostic: vscode.Diagnostic, finding: Finding): Promise<vscode.CodeAction[]> {
    const rule = finding.ruleId;
    const actions = finding.fixes.map((fix) => {
      const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
      action.edit = new vscode.WorkspaceEdit();
      action.edit.set(document.uri, fix.edits.map(toVsTextEdit));
      action.diagnostics = [diagnostic];
      action.isPreferred = fix.isPreferred === true;
      // A section lands where the framework puts it, often off screen: show its heading, as the coverage view does.
      const heading = fix.kind === 'insert-section' ? insertedHeadingLine(fix.edits) : undefined;
      if (heading !== undefined)
        action.command = { command: COMMANDS.revealLine, title: 'Show the inserted section', arguments: [document.uri, heading] };
      return action;
    });

    // "Disable <rule> for this line" is one of the core's own fixes, above.
    actions.push(
      this.suppression(
        `Disable ${rule} for this file`,
        document.uri,
        toVsTextEdit(core().disableFileEdit(document.getText(), rule)),
        diagnostic,
      ),
    );

    const configEdit = await core().disableRuleInConfigEdit(rule, document.uri, await this.configs.forDocument(document.uri));
    if (configEdit) {
      const action = new vscode.CodeAction(`Disable ${rule} in the project config`, vscode.CodeActionKind.QuickFix);
      action.edit = configEdit.edit;
      // The CLI and the other documents read the file from disk: save it right after the edit.
      action.command = { command: COMMANDS.saveFile, title: 'Save the project config', arguments: [configEdit.file] };
      action.diagnostics = [diagnostic];
      actions.push(action);
    }

    const learnMore = new vscode.CodeAction(`Learn more about ${rule}`, vscode.CodeActionKind.QuickFix);
    learnMore.command = { command: COMMANDS.openRuleDocs, title: learnMore.title, arguments: [rule] };
    learnMore.diagnostics = [diagnostic];
    actions.push(learnMore);
    return actions;
  }

  private problemFix(uri: vscode.Uri, fix: NonNullable<ConfigError['fix']>, diagnostic: vscode.Diagnostic): vscode.CodeAction {
    const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
    action.edit = new vscode.WorkspaceEdit();
    action.edit.set(uri, fix.edits.map(toVsTextEdit));
    action.diagnostics = [diagnostic];
    action.isPreferred = true;
    return action;
  }

  private suppression(title: string, uri: vscode.Uri, edit: vscode.TextEdit, diagnostic: vscode.Diagnostic): vscode.CodeAction {
    const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
    action.edit = new vscode.WorkspaceEdit();
    action.edit.set(uri, [edit]);
    action.diagnostics = [diagnostic];
    return action;
  }
}

/**
 * The line the heading of an inserted section will be on once `edits` are applied (edits in
 * document order, each inserting text), or undefined when none inserts a heading.
 */
function insertedHeadingLine(edits: readonly TextEdit[]): number | undefined {
  let shift = 0;
  for (const edit of edits) {
    const heading = /^#{1,6}[ \t]/m.exec(edit.newText);
    const removed = edit.range.end.line - edit.range.start.line;
    if (heading) return edit.range.start.line + shift + lineBreaks(edit.newText.slice(0, heading.index));
    shift += lineBreaks(edit.newText) - removed;
  }
  return undefined;
}

const lineBreaks = (text: string): number => text.split('\n').length - 1;
