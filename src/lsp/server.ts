// mlsd as a Language Server Protocol server: the third thin adapter over the core, next to the CLI
// and the VS Code extension. Diagnostics are pushed per document (with rule, docs link and related
// locations); code actions offer the core's fixes, silencing a rule for a line, the file or the
// project, and `source.fixAll.mlsd`; document symbols come from the model's section tree.
// Each open document has a core analysis session, so an edit re-judges only the sections it
// touched, in slices; typing is debounced, and a result for a version the client has moved past
// is dropped. Nothing a client sends (a malformed document, a broken config, odd settings) may
// stop the server: config problems become diagnostics on the config file, and anything
// unexpected is logged and shown once as a message.
import {
  CodeActionKind,
  CodeActionTriggerKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  SymbolKind,
  TextDocumentSyncKind,
  TextDocuments,
  type CancellationToken,
  type CodeAction,
  type CodeActionParams,
  type Connection,
  type Diagnostic,
  type DocumentSymbol,
  type InitializeParams,
  type InitializeResult,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { analyze, createAnalysisSession, fixUntilStable, type AnalysisSession } from '../core';
import { matchesGlob } from '../core/analysis/glob';
import { configFromFolder, disableRuleInConfigText, mergeConfigs, newConfigWithRuleOff } from '../core/config';
import { disableFileEdit } from '../core/suppression';
import type { AnalysisResult, AnalyzeOptions, Finding, MlsdConfig, Section } from '../core/types';
import { isConfigFile, ProjectConfigs } from './configs';
import { DIAGNOSTIC_SOURCE, configErrorToDiagnostic, sameFinding, sameProblem, toDiagnostic } from './convert';
import { isObject, readSettings, SETTINGS_SECTION, type ServerSettings } from './settings';
import { snippetCompletions, type Snippet } from './snippets';
import { filePathOf, fileUriOf } from './uris';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.mlsd`;
export const FIX_ALL_TITLE = 'Fix all mlsd problems';

/** As in the extension: long enough to skip most keystrokes, short enough to feel live. */
const DEFAULT_TYPING_DELAY_MS = 300;
/** The longest one analysis holds the server before it reads the next message. */
const SLICE_BUDGET_MS = 10;
const NEW_CONFIG_NAME = '.mlsd.json';

export interface ServerOptions {
  /** The page of a rule (codeDescription.href), given its ID or a "rule-id/sub" finding ID. */
  docsUrl: (ruleId: string) => string;
  /** The `mlsd-…` snippets offered as completions. */
  snippets: readonly Snippet[];
}

interface CachedAnalysis {
  version: number;
  configStamp: number;
  settingsStamp: number;
  result: Promise<AnalysisResult | undefined>;
}

/** Whether a code action kind the client asked for (`only`) covers `kind` (kinds are dot-separated hierarchies). */
function covers(requested: string, kind: string): boolean {
  return kind === requested || kind.startsWith(`${requested}.`);
}

/** By the client's language ID, or by file name for clients that name the language otherwise (eglot's gfm-mode says "gfm"). */
function isMarkdown(document: TextDocument): boolean {
  return document.languageId === 'markdown' || /\.(md|markdown)$/i.test(document.uri);
}

/** Wires the server's handlers onto a connection; `connection.listen()` is the caller's. */
export function startMlsdServer(connection: Connection, options: ServerOptions): void {
  const documents = new TextDocuments(TextDocument);
  const sessions = new Map<string, AnalysisSession>();
  const analyses = new Map<string, CachedAnalysis>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Bumped by every check, so an older answer arriving late is recognised and dropped. */
  const checks = new Map<string, number>();
  /** Documents that had diagnostics published, so closing or disabling clears them. */
  const published = new Set<string>();
  const settingsCache = new Map<string, Promise<ServerSettings>>();
  let settingsStamp = 0;
  let initialSettings: unknown;
  let pushedSettings: unknown;
  let typingDelayMs = DEFAULT_TYPING_DELAY_MS;
  let workspaceFolders: string[] = [];
  let clientPullsConfiguration = false;
  let clientRegistersConfiguration = false;
  let clientWatchesFiles = false;
  let clientTakesDocumentChanges = false;
  let clientCreatesFiles = false;
  let clientTakesSnippets = false;
  let clientSendsFolderChanges = false;
  let reportedFailure = false;

  const configs = new ProjectConfigs({
    openText: (file) => openDocumentAt(file)?.getText(),
    folderOf: (file) => folderOf(file),
    publish: (uri, diagnostics) => void connection.sendDiagnostics({ uri, diagnostics }),
    logError: (message) => connection.console.error(message),
  });

  function openDocumentAt(file: string): TextDocument | undefined {
    return documents.all().find((document) => filePathOf(document.uri) === file);
  }

  function folderOf(file: string): string | undefined {
    return workspaceFolders
      .filter((folder) => file === folder || file.startsWith(folder.endsWith(path.sep) ? folder : folder + path.sep))
      .sort((a, b) => b.length - a.length)[0];
  }

  /** A bug in mlsd must never reach the client as a dead server: log it, and say so once. */
  function reportFailure(what: string, error: unknown): void {
    connection.console.error(`mlsd: ${what} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    if (!reportedFailure) {
      reportedFailure = true;
      void connection.window.showErrorMessage(`mlsd: ${what} failed; the server log has the details. Other documents are still checked.`);
    }
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const capabilities = params.capabilities;
    clientPullsConfiguration = capabilities.workspace?.configuration === true;
    clientRegistersConfiguration = capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    clientWatchesFiles = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    clientTakesDocumentChanges = capabilities.workspace?.workspaceEdit?.documentChanges === true;
    clientCreatesFiles = clientTakesDocumentChanges && (capabilities.workspace?.workspaceEdit?.resourceOperations ?? []).includes('create');
    clientTakesSnippets = capabilities.textDocument?.completion?.completionItem?.snippetSupport === true;
    clientSendsFolderChanges = capabilities.workspace?.workspaceFolders === true;
    const init = params.initializationOptions;
    if (isObject(init)) {
      initialSettings = init;
      if (typeof init.typingDelayMs === 'number' && init.typingDelayMs >= 0) typingDelayMs = init.typingDelayMs;
    }
    const folders = params.workspaceFolders?.map((folder) => filePathOf(folder.uri)) ?? [
      params.rootUri ? filePathOf(params.rootUri) : (params.rootPath ?? undefined),
    ];
    workspaceFolders = folders.filter((folder): folder is string => folder !== undefined);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        documentSymbolProvider: true,
        completionProvider: {},
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'mlsd' },
    };
  });

  connection.onInitialized(() => {
    if (clientRegistersConfiguration)
      void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
    if (clientWatchesFiles) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/{.mlsd.json,.mlsd.jsonc,.mlsd.yaml,.mlsd.yml}' }],
      });
    }
    // Listening to a client that never sends folder changes fails, and the failure reaches the user as an error message.
    if (workspaceFolders.length > 0 && clientSendsFolderChanges) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(event.removed.map((folder) => filePathOf(folder.uri)));
        workspaceFolders = [
          ...workspaceFolders.filter((folder) => !removed.has(folder)),
          ...event.added.map((folder) => filePathOf(folder.uri)).filter((folder): folder is string => folder !== undefined),
        ];
        configsChanged();
      });
    }
  });

  connection.onDidChangeConfiguration((change) => {
    // Clients that cannot answer workspace/configuration push the settings here instead.
    const settings: unknown = (change.settings as Record<string, unknown> | null)?.[SETTINGS_SECTION];
    if (isObject(settings)) pushedSettings = settings;
    settingsStamp++;
    settingsCache.clear();
    recheckOpenDocuments();
  });

  connection.onDidChangeWatchedFiles((change) => {
    if (change.changes.some((event) => isConfigFile(event.uri))) configsChanged();
  });

  function configsChanged(): void {
    configs.invalidate();
    recheckOpenDocuments();
  }

  function settingsFor(uri: string): Promise<ServerSettings> {
    let settings = settingsCache.get(uri);
    if (!settings) {
      settings = clientPullsConfiguration
        ? connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION }).then(
            (configured: unknown) => readSettings(...layers(initialSettings, pushedSettings, configured)),
            () => readSettings(...layers(initialSettings, pushedSettings)),
          )
        : Promise.resolve(readSettings(...layers(initialSettings, pushedSettings)));
      settingsCache.set(uri, settings);
    }
    return settings;
  }

  /** Options as in the extension: settings < project config < front matter (the core layers the last). */
  async function optionsFor(uri: string): Promise<AnalyzeOptions | undefined> {
    const settings = await settingsFor(uri);
    if (!settings.enable) return undefined;
    const fromSettings: MlsdConfig = { rules: settings.rules, include: settings.include, ignore: settings.exclude };
    if (settings.scenario) fromSettings.scenario = settings.scenario;
    const project = await configs.forDocument(uri);
    const file = filePathOf(uri);
    if (file === undefined) return { config: mergeConfigs(fromSettings, project.config) };
    // Paths are relative to the workspace folder (else to the config file's folder, as in the CLI),
    // and a nested config file's anchored globs are read from there.
    const toSlashes = (relativePath: string): string => relativePath.split(path.sep).join('/');
    const base = folderOf(file) ?? (project.file === undefined ? undefined : path.dirname(project.file));
    const configFolder = project.file === undefined || base === undefined ? '' : toSlashes(path.relative(base, path.dirname(project.file)));
    const relative = base === undefined ? toSlashes(file) : toSlashes(path.relative(base, file));
    const analyzeOptions: AnalyzeOptions = {
      config: mergeConfigs(fromSettings, configFromFolder(project.config, configFolder)),
      path: relative,
    };
    // Excluded means never checked, whatever the front matter says.
    if (analyzeOptions.config?.ignore?.some((glob) => matchesGlob(relative, glob))) return undefined;
    return analyzeOptions;
  }

  /** The analysis of an open document at its current version; callers asking for the same version share one run. */
  function analysisOf(document: TextDocument): Promise<AnalysisResult | undefined> {
    const cached = analyses.get(document.uri);
    if (cached && cached.version === document.version && cached.configStamp === configs.stamp && cached.settingsStamp === settingsStamp) {
      return cached.result;
    }
    const entry: CachedAnalysis = {
      version: document.version,
      configStamp: configs.stamp,
      settingsStamp,
      result: analyzeInSession(document.uri, document.version),
    };
    analyses.set(document.uri, entry);
    return entry.result;
  }

  async function analyzeInSession(uri: string, version: number): Promise<AnalysisResult | undefined> {
    try {
      const analyzeOptions = await optionsFor(uri);
      const document = documents.get(uri);
      // The text must be the one of `version`: a newer version's check will answer for the newer text.
      if (!analyzeOptions || !document || document.version !== version) return undefined;
      let session = sessions.get(uri);
      if (!session) {
        session = createAnalysisSession(analyzeOptions);
        sessions.set(uri, session);
      }
      session.setOptions(analyzeOptions);
      const started = performance.now();
      const result = await session.analyzeInSlices(document.getText(), { budgetMs: SLICE_BUDGET_MS });
      // Sent only when the client turned tracing on ($/setTrace): what each check cost, for `npm run bench:lsp` and curious users.
      connection.tracer.log(
        `mlsd: analysed ${uri} version ${version} in ${(performance.now() - started).toFixed(2)} ms ` +
          `(${session.stats.parsed} of ${session.stats.segments} sections parsed${result ? '' : ', superseded'})`,
      );
      return result;
    } catch (error) {
      reportFailure(`checking ${uri}`, error);
      return undefined;
    }
  }

  /** Checks now; publishes unless the document changed (or was checked again) meanwhile. */
  async function check(uri: string): Promise<void> {
    cancelTimer(uri);
    const request = (checks.get(uri) ?? 0) + 1;
    checks.set(uri, request);
    const document = documents.get(uri);
    if (!document) return;
    const version = document.version;
    const result = await analysisOf(document);
    if (documents.get(uri)?.version !== version || checks.get(uri) !== request) return;
    publish(uri, result);
  }

  function publish(uri: string, result: AnalysisResult | undefined): void {
    if (!result || !result.model.isDesignDoc) {
      if (published.delete(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
      return;
    }
    published.add(uri);
    // Problems in the front-matter mlsd: block belong to this document too.
    const diagnostics: Diagnostic[] = [
      ...result.configErrors.map(configErrorToDiagnostic),
      ...result.findings.map((finding) => toDiagnostic(finding, uri, options.docsUrl)),
    ];
    void connection.sendDiagnostics({ uri, diagnostics });
  }

  function cancelTimer(uri: string): void {
    const timer = timers.get(uri);
    if (timer !== undefined) clearTimeout(timer);
    timers.delete(uri);
  }

  function recheckOpenDocuments(): void {
    for (const document of documents.all()) {
      if (!isMarkdown(document)) continue;
      void settingsFor(document.uri).then((settings) => {
        if (settings.run === 'off') forget(document.uri);
        else void check(document.uri);
      });
    }
  }

  function forget(uri: string): void {
    cancelTimer(uri);
    sessions.delete(uri);
    analyses.delete(uri);
    checks.delete(uri);
    if (published.delete(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  documents.onDidChangeContent(({ document }) => {
    if (isConfigFile(document.uri)) {
      configsChanged();
      return;
    }
    if (!isMarkdown(document)) return;
    const opening = !sessions.has(document.uri) && !timers.has(document.uri) && !checks.has(document.uri);
    void settingsFor(document.uri).then((settings) => {
      if (settings.run === 'off') return;
      if (opening) {
        // Without file watching, opening a document is when a changed config file is noticed.
        if (!clientWatchesFiles) configs.invalidate();
        void check(document.uri);
        return;
      }
      if (settings.run !== 'onType') return;
      cancelTimer(document.uri);
      timers.set(
        document.uri,
        setTimeout(() => {
          timers.delete(document.uri);
          void check(document.uri);
        }, typingDelayMs),
      );
    });
  });

  documents.onDidSave(({ document }) => {
    if (isConfigFile(document.uri)) {
      configsChanged();
      return;
    }
    if (!isMarkdown(document)) return;
    if (!clientWatchesFiles) configs.invalidate();
    void settingsFor(document.uri).then((settings) => {
      if (settings.run !== 'off') void check(document.uri);
    });
  });

  documents.onDidClose(({ document }) => {
    if (isConfigFile(document.uri)) configsChanged();
    else forget(document.uri);
  });

  connection.onCodeAction(async (params, token) => {
    try {
      return await codeActions(params, token);
    } catch (error) {
      reportFailure(`code actions for ${params.textDocument.uri}`, error);
      return [];
    }
  });

  async function codeActions(params: CodeActionParams, token: CancellationToken): Promise<CodeAction[]> {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    const { only, diagnostics, triggerKind } = params.context;
    const actions: CodeAction[] = [];
    const ours = diagnostics.filter((diagnostic) => diagnostic.source === DIAGNOSTIC_SOURCE && diagnostic.code !== undefined);
    // A problem in the document's own comments or front matter: no rule, maybe one obvious edit.
    const problems = diagnostics.filter((diagnostic) => diagnostic.source === DIAGNOSTIC_SOURCE && diagnostic.code === undefined);
    const wantsQuickFixes = !only || only.some((kind) => covers(kind, CodeActionKind.QuickFix));
    if (wantsQuickFixes && ours.length + problems.length > 0) {
      const result = await analysisOf(document);
      for (const diagnostic of ours) {
        if (token.isCancellationRequested) return [];
        const finding = result?.findings.find((candidate) => sameFinding(diagnostic, candidate));
        if (finding) actions.push(...(await quickFixes(document, diagnostic, finding)));
      }
      for (const diagnostic of problems) {
        const fix = result?.configErrors.find((candidate) => sameProblem(diagnostic, candidate))?.fix;
        if (fix)
          actions.push({
            title: fix.title,
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            edit: editOf(document.uri, fix.edits, document.version),
            isPreferred: true,
          });
      }
    }
    // Fix-all runs several analyses: only when asked for (a source action, on save) or on an explicit request with our problems.
    const wantsFixAll = only
      ? only.some((kind) => covers(kind, FIX_ALL_KIND))
      : triggerKind !== CodeActionTriggerKind.Automatic && ours.length > 0;
    if (wantsFixAll && !token.isCancellationRequested) {
      const fixAll = await fixAllAction(document, token);
      if (fixAll) actions.push(fixAll);
    }
    return token.isCancellationRequested ? [] : actions;
  }

  function editOf(uri: string, edits: TextEdit[], version: number): WorkspaceEdit {
    // Versioned where the client takes documentChanges, so an edit meant for an older text is refused.
    return clientTakesDocumentChanges ? { documentChanges: [{ textDocument: { uri, version }, edits }] } : { changes: { [uri]: edits } };
  }

  async function quickFixes(document: TextDocument, diagnostic: Diagnostic, finding: Finding): Promise<CodeAction[]> {
    const rule = finding.ruleId;
    const quickFix = (title: string, edit: WorkspaceEdit, isPreferred = false): CodeAction => ({
      title,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit,
      ...(isPreferred ? { isPreferred } : {}),
    });
    // "Disable <rule> for this line" is one of the core's own fixes.
    const actions = finding.fixes.map((fix) =>
      quickFix(fix.title, editOf(document.uri, fix.edits, document.version), fix.isPreferred === true),
    );
    actions.push(
      quickFix(`Disable ${rule} for this file`, editOf(document.uri, [disableFileEdit(document.getText(), rule)], document.version)),
    );
    const projectEdit = await disableInProjectConfig(document.uri, rule);
    if (projectEdit) actions.push(quickFix(`Disable ${rule} in the project config`, projectEdit));
    return actions;
  }

  /** An edit of the config file that applies to the document, or a new `.mlsd.json` at its workspace folder. */
  async function disableInProjectConfig(uri: string, ruleId: string): Promise<WorkspaceEdit | undefined> {
    const file = filePathOf(uri);
    if (file === undefined) return undefined;
    const project = await configs.forDocument(uri);
    if (project.file === undefined) {
      if (!clientCreatesFiles) return undefined;
      const target = fileUriOf(path.join(folderOf(file) ?? path.dirname(file), NEW_CONFIG_NAME));
      const start = { line: 0, character: 0 };
      return {
        documentChanges: [
          { kind: 'create', uri: target, options: { ignoreIfExists: true } },
          {
            textDocument: { uri: target, version: null },
            edits: [{ range: { start, end: start }, newText: newConfigWithRuleOff(ruleId) }],
          },
        ],
      };
    }
    if (project.problems.some((problem) => problem.severity === 'error')) return undefined;
    const configUri = fileUriOf(project.file);
    const open = openDocumentAt(project.file);
    const text = open?.getText() ?? (await configText(project.file));
    if (text === undefined) return undefined;
    const changes = disableRuleInConfigText(project.file, text, ruleId);
    if (!changes) return undefined;
    const positions = open ?? TextDocument.create(configUri, 'json', 0, text);
    const edits = changes.map((change) => ({
      range: { start: positions.positionAt(change.offset), end: positions.positionAt(change.offset + change.length) },
      newText: change.content,
    }));
    return clientTakesDocumentChanges
      ? { documentChanges: [{ textDocument: { uri: configUri, version: open?.version ?? null }, edits }] }
      : { changes: { [configUri]: edits } };
  }

  function configText(file: string): Promise<string | undefined> {
    return fs.readFile(file, 'utf8').catch(() => undefined);
  }

  /** The core's fix-all (the same passes as `mlsd check --fix`) as one edit over the changed middle of the document. */
  async function fixAllAction(document: TextDocument, token: CancellationToken): Promise<CodeAction | undefined> {
    const analyzeOptions = await optionsFor(document.uri);
    if (!analyzeOptions) return undefined;
    const before = document.getText();
    const fixed = fixUntilStable(before, (text) => (token.isCancellationRequested ? undefined : analyze(text, analyzeOptions))).text;
    if (token.isCancellationRequested || fixed === before) return undefined;
    let start = 0;
    const shorter = Math.min(before.length, fixed.length);
    while (start < shorter && before.charCodeAt(start) === fixed.charCodeAt(start)) start++;
    let end = 0;
    while (end < shorter - start && before.charCodeAt(before.length - 1 - end) === fixed.charCodeAt(fixed.length - 1 - end)) end++;
    const edit = {
      range: { start: document.positionAt(start), end: document.positionAt(before.length - end) },
      newText: fixed.slice(start, fixed.length - end),
    };
    return { title: FIX_ALL_TITLE, kind: FIX_ALL_KIND, edit: editOf(document.uri, [edit], document.version) };
  }

  connection.onDocumentSymbol(async (params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    const result = await analysisOf(document);
    return result?.model.isDesignDoc ? result.model.sections.map(toSymbol) : [];
  });

  connection.onCompletion((params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document || !isMarkdown(document)) return null;
    const { line, character } = params.position;
    const lineBefore = document.getText({ start: { line, character: 0 }, end: { line, character } });
    return snippetCompletions(options.snippets, lineBefore, params.position, clientTakesSnippets);
  });

  documents.listen(connection);
}

/**
 * Each client-sent value as settings, followed by its `mlsd` member when it has one: clients send
 * either the section itself or an object around it (Helix and Zed send their whole `config` as
 * initializationOptions; some answer workspace/configuration with everything they have).
 */
function layers(...values: unknown[]): unknown[] {
  return values.flatMap((value) => (isObject(value) && isObject(value[SETTINGS_SECTION]) ? [value, value[SETTINGS_SECTION]] : [value]));
}

function toSymbol(section: Section): DocumentSymbol {
  return {
    name: section.title || '(untitled)',
    kind: SymbolKind.String,
    range: section.range,
    selectionRange: section.headingRange,
    children: section.children.map(toSymbol),
  };
}
