// Runs the core on a document with the configuration that applies to it: settings first, then the
// project's config file on top (the front-matter block is layered by the core itself). An open
// document has an incremental session, so an edit re-judges only the sections it touched, in slices
// that hand the extension host back its turn. Remembers the result per document version so code
// actions and diagnostics share one analysis.
import * as vscode from 'vscode';
import type { AnalysisSession } from '../core';
import type { AnalysisResult, AnalyzeOptions, MlsdConfig } from '../core/types';
import { core, coreReady } from './loadCore';
import type { ProjectConfigs } from './projectConfig';
import type { MlsdSettings } from './settings';

interface CachedAnalysis {
  version: number;
  configStamp: number;
  settingsStamp: number;
  result: Promise<AnalysisResult | undefined>;
}

/** The longest the analysis of an open document holds the extension host before yielding. */
const SLICE_BUDGET_MS = 10;

export class DocumentAnalyzer {
  private readonly cache = new Map<string, CachedAnalysis>();
  private readonly sessions = new Map<string, AnalysisSession>();
  private settingsStamp = 0;

  constructor(
    private readonly configs: ProjectConfigs,
    private readonly settingsOf: (uri: vscode.Uri) => MlsdSettings,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** Call when settings changed: cached results were made with the old ones. */
  settingsChanged(): void {
    this.settingsStamp++;
  }

  /**
   * The options to analyse this document with, or undefined when mlsd is disabled for it or it is excluded.
   * Exposed so a caller can analyse edited text (fix-all) with exactly the same options.
   */
  async optionsFor(uri: vscode.Uri): Promise<AnalyzeOptions | undefined> {
    const settings = this.settingsOf(uri);
    if (!settings.enable) return undefined;
    const { configFromFolder, mergeConfigs, matchesGlob } = await coreReady();
    const fromSettings: MlsdConfig = { rules: settings.rules, include: settings.include, ignore: settings.exclude };
    if (settings.scenario) fromSettings.scenario = settings.scenario;
    const project = await this.configs.forDocument(uri);
    if (uri.scheme === 'untitled') return { config: mergeConfigs(fromSettings, project.config) };
    // Paths are relative to the workspace folder: a nested config file's anchored globs are read from there.
    const folder = vscode.workspace.getWorkspaceFolder(uri)?.uri.path.replace(/\/+$/, '');
    const configDirectory = project.uri?.path.slice(0, project.uri.path.lastIndexOf('/'));
    const configFolder = folder !== undefined && configDirectory?.startsWith(`${folder}/`) ? configDirectory.slice(folder.length + 1) : '';
    const options: AnalyzeOptions = { config: mergeConfigs(fromSettings, configFromFolder(project.config, configFolder)) };
    options.path = vscode.workspace.asRelativePath(uri, false);
    // Excluded means never checked, whatever the front matter says.
    const path = options.path;
    if (options.config?.ignore?.some((glob) => matchesGlob(path, glob))) return undefined;
    return options;
  }

  /**
   * The analysis of an open document at its current version; callers asking for the same version
   * share one run. Undefined when mlsd is off for it, or when a newer version superseded this run
   * (the newer run's result is the one to show).
   */
  analyzeDocument(document: vscode.TextDocument): Promise<AnalysisResult | undefined> {
    const key = document.uri.toString();
    const cached = this.cache.get(key);
    if (
      cached &&
      cached.version === document.version &&
      cached.configStamp === this.configs.stamp &&
      cached.settingsStamp === this.settingsStamp
    ) {
      return cached.result;
    }
    const entry: CachedAnalysis = {
      version: document.version,
      configStamp: this.configs.stamp,
      settingsStamp: this.settingsStamp,
      result: this.analyzeInSession(document, document.version, key),
    };
    if (!document.isClosed) this.cache.set(key, entry);
    return entry.result;
  }

  private async analyzeInSession(document: vscode.TextDocument, version: number, key: string): Promise<AnalysisResult | undefined> {
    // Loading the core is part of the first analysis: a failure there is logged like a core bug.
    try {
      const options = await this.optionsFor(document.uri);
      // The text must be the one of `version`: the cache must never pair one version with another's text.
      if (!options || document.isClosed || document.version !== version) return undefined;
      let session = this.sessions.get(key);
      if (!session) {
        session = core().createAnalysisSession(options);
        this.sessions.set(key, session);
      }
      session.setOptions(options);
      return await session.analyzeInSlices(document.getText(), { budgetMs: SLICE_BUDGET_MS });
    } catch (error) {
      this.logFailure(key, error);
      return undefined;
    }
  }

  /** For files that are not open (the workspace-wide check). */
  async analyzeText(uri: vscode.Uri, text: string): Promise<AnalysisResult | undefined> {
    const options = await this.optionsFor(uri);
    return options && this.run(text, options, uri.toString());
  }

  /** Analyses text with known options; undefined (and a log line) if the core failed. */
  run(text: string, options: AnalyzeOptions, label: string): AnalysisResult | undefined {
    try {
      return core().analyze(text, options);
    } catch (error) {
      this.logFailure(label, error);
      return undefined;
    }
  }

  forget(uri: vscode.Uri): void {
    this.cache.delete(uri.toString());
    this.sessions.delete(uri.toString());
  }

  /** A core bug must never reach the editor as an exception: log it and show nothing. */
  private logFailure(label: string, error: unknown): void {
    this.log.error(`analysis of ${label} failed`, error instanceof Error ? error : String(error));
  }
}
