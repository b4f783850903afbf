// Finds and parses the `.mlsd.json|jsonc|yaml|yml` that applies to a document, through
// vscode.workspace.fs (so it works in virtual and web workspaces) and through the editor's buffer
// when the config file is open (so an unsaved edit counts). A broken config file gets diagnostics
// at the located range; the documents are still checked with whatever part of it was valid.
import * as vscode from 'vscode';
import type { LoadedConfig } from '../core/config';
import { configErrorToDiagnostic } from './convert';
import { coreReady } from './loadCore';

export interface ProjectConfig extends LoadedConfig {
  /** The config file in use, or undefined when there is none. */
  uri: vscode.Uri | undefined;
}

/** The same pause as for typing in a document. */
const CHANGE_DELAY_MS = 300;

const NO_CONFIG: ProjectConfig = { uri: undefined, file: undefined, config: {}, problems: [] };

export class ProjectConfigs implements vscode.Disposable {
  private readonly problems = vscode.languages.createDiagnosticCollection('mlsd-config');
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when any config file is created, edited (saved or not), or deleted. */
  readonly onDidChange = this.changed.event;
  /** Per document directory: the config that applies there. */
  private readonly byDirectory = new Map<string, Promise<ProjectConfig>>();
  private generation = 0;
  private notifyTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly subscriptions: vscode.Disposable[] = [this.changed, this.problems];
  private watching = false;
  private disposed = false;
  private readonly decoder = new TextDecoder();

  /** Changes whenever the configs may have changed; cached analyses compare it. */
  get stamp(): number {
    return this.generation;
  }

  /** The config for a document; never throws (an unreadable file is as good as none). */
  forDocument(documentUri: vscode.Uri): Promise<ProjectConfig> {
    if (documentUri.scheme === 'untitled') return Promise.resolve(NO_CONFIG);
    const directory = documentUri.with({ path: documentUri.path.slice(0, documentUri.path.lastIndexOf('/')) || '/' });
    const key = directory.toString();
    let config = this.byDirectory.get(key);
    if (!config) {
      config = this.load(documentUri);
      this.byDirectory.set(key, config);
    }
    return config;
  }

  dispose(): void {
    this.disposed = true;
    if (this.notifyTimer !== undefined) clearTimeout(this.notifyTimer);
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  /**
   * Follows config files from the first load on (before it, no config was read, so there is nothing
   * to invalidate); their names come with the core, which that load brings.
   */
  private watch(names: readonly string[]): void {
    if (this.watching || this.disposed) return;
    this.watching = true;
    const isConfigFile = (uri: vscode.Uri) => names.includes(uri.path.slice(uri.path.lastIndexOf('/') + 1));
    const onConfigDocument = (document: vscode.TextDocument): void => {
      if (isConfigFile(document.uri)) this.invalidate();
    };
    const watcher = vscode.workspace.createFileSystemWatcher(`**/{${names.join(',')}}`);
    this.subscriptions.push(
      watcher,
      watcher.onDidCreate(() => this.invalidate()),
      watcher.onDidChange(() => this.invalidate()),
      watcher.onDidDelete(() => this.invalidate()),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0) onConfigDocument(event.document);
      }),
      // Closing a dirty config buffer discards its text: the file on disk applies again.
      vscode.workspace.onDidCloseTextDocument(onConfigDocument),
    );
  }

  private invalidate(): void {
    this.generation++;
    this.byDirectory.clear();
    this.problems.clear();
    // Typing in a config file changes it on every keystroke: re-check the documents once it settles.
    if (this.notifyTimer !== undefined) clearTimeout(this.notifyTimer);
    this.notifyTimer = setTimeout(() => {
      this.notifyTimer = undefined;
      this.changed.fire();
    }, CHANGE_DELAY_MS);
  }

  private async load(documentUri: vscode.Uri): Promise<ProjectConfig> {
    const generation = this.generation;
    const folder = vscode.workspace.getWorkspaceFolder(documentUri);
    try {
      const { loadNearestConfig, configVocabulary, CONFIG_FILE_NAMES } = await coreReady();
      this.watch(CONFIG_FILE_NAMES);
      const loaded = await loadNearestConfig(
        documentUri.path,
        { readFile: (path) => this.readText(documentUri.with({ path })) },
        configVocabulary(),
        folder?.uri.path,
      );
      const uri = loaded.file === undefined ? undefined : documentUri.with({ path: loaded.file });
      if (uri && generation === this.generation) {
        this.problems.set(uri, loaded.problems.map(configErrorToDiagnostic));
      }
      return { ...loaded, uri };
    } catch {
      return NO_CONFIG;
    }
  }

  private async readText(uri: vscode.Uri): Promise<string | undefined> {
    // Unsaved edits count; otherwise the disk decides (a clean buffer may outlive its deleted file).
    const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
    if (open?.isDirty) return open.getText();
    try {
      return this.decoder.decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      return undefined;
    }
  }
}
