// Entry point of the extension (Node and web bundles alike). Wires small disposable parts together;
// none of them holds domain logic: that lives in the core.
import * as vscode from 'vscode';
import { CONFIG_VOCABULARY } from '../core/config/vocabulary';
import { DocumentAnalyzer } from './analyzer';
import { MlsdCodeActionProvider } from './codeActions';
import { Commands } from './commands';
import { DiagnosticsController } from './diagnostics';
import { ProjectConfigs } from './projectConfig';
import { RuleDocs } from './ruleDocs';
import { affectsSettings, readSettings } from './settings';

const MARKDOWN: vscode.DocumentSelector = { language: 'markdown' };

export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('mlsd', { log: true });
  const ruleDocs = new RuleDocs(context.extension.packageJSON as ConstructorParameters<typeof RuleDocs>[0]);
  const configs = new ProjectConfigs(CONFIG_VOCABULARY);
  const analyzer = new DocumentAnalyzer(configs, (uri) => readSettings(uri), log);
  const diagnostics = new DiagnosticsController(analyzer, ruleDocs, (document) => {
    const settings = readSettings(document.uri);
    return settings.enable ? settings.run : 'off';
  });
  const codeActions = new MlsdCodeActionProvider(analyzer, configs, ruleDocs);

  context.subscriptions.push(
    log,
    configs,
    diagnostics,
    new Commands(analyzer, diagnostics, codeActions, ruleDocs, [...CONFIG_VOCABULARY.ruleIds].sort()),
    vscode.languages.registerCodeActionsProvider(MARKDOWN, codeActions, MlsdCodeActionProvider.metadata),
    configs.onDidChange(() => diagnostics.recheckOpenDocuments()),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (!affectsSettings(event)) return;
      analyzer.settingsChanged();
      diagnostics.recheckOpenDocuments();
    }),
    vscode.workspace.onDidCloseTextDocument((document) => analyzer.forget(document.uri)),
  );
  diagnostics.recheckOpenDocuments();
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
