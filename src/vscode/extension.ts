// Entry point of the extension (Node and web bundles alike). Wires small disposable parts together;
// none of them holds domain logic: that lives in the core, which loads on first use (./loadCore),
// so activation only registers providers, commands and listeners.
import * as vscode from 'vscode';
import { DocumentAnalyzer } from './analyzer';
import { MlsdCodeActionProvider } from './codeActions';
import { Commands } from './commands';
import { DiagnosticsController } from './diagnostics';
import { ProjectConfigs } from './projectConfig';
import { RuleDocs } from './ruleDocs';
import { registerAuthoring } from './authoring';
import { ActiveDesignDoc } from './authoring/activeDoc';
import { affectsSettings, readSettings } from './settings';

const MARKDOWN: vscode.DocumentSelector = { language: 'markdown' };

export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('mlsd', { log: true });
  const configs = new ProjectConfigs();
  const analyzer = new DocumentAnalyzer(configs, (uri) => readSettings(uri), log);
  const docs = new RuleDocs(context.extensionUri);
  const runModeOf = (document: vscode.TextDocument) => {
    const settings = readSettings(document.uri);
    return settings.enable ? settings.run : 'off';
  };
  const diagnostics = new DiagnosticsController(analyzer, runModeOf, docs);
  const codeActions = new MlsdCodeActionProvider(analyzer, configs, docs);
  // The views show what the Problems panel shows: with `mlsd.run: onSave`, the saved text's findings.
  const activeDoc = new ActiveDesignDoc(analyzer, (document) => runModeOf(document) === 'onType', diagnostics.onDidPublish);

  context.subscriptions.push(
    log,
    configs,
    docs,
    diagnostics,
    activeDoc,
    new Commands(analyzer, diagnostics, codeActions, docs, () => activeDoc.target()),
    vscode.languages.registerCodeActionsProvider(MARKDOWN, codeActions, MlsdCodeActionProvider.metadata),
    configs.onDidChange(() => diagnostics.recheckOpenDocuments()),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (!affectsSettings(event)) return;
      analyzer.settingsChanged();
      diagnostics.recheckOpenDocuments();
    }),
  );
  registerAuthoring(context, { analyzer, activeDoc });
  diagnostics.recheckOpenDocumentsSoon();
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
