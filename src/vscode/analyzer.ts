// Runs the core on a document with the configuration that applies to it: settings first, then the
// project's config file on top (the front-matter block is layered by the core itself). Remembers the
// last result per document version so code actions do not analyse again.
import * as vscode from 'vscode';
import { analyze } from '../core';
import { matchesGlob } from '../core/analysis/glob';
import { mergeConfigs } from '../core/config';
import type { AnalysisResult, AnalyzeOptions, MlsdConfig } from '../core/types';
import type { ProjectConfigs } from './projectConfig';
import type { MlsdSettings } from './settings';

interface CachedAnalysis {
  version: number;
  configStamp: number;
  settingsStamp: number;
  result: AnalysisResult | undefined;
}

export class DocumentAnalyzer {
  private readonly cache = new Map<string, CachedAnalysis>();
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
    const fromSettings: MlsdConfig = { rules: settings.rules, include: settings.include, ignore: settings.exclude };
    if (settings.scenario) fromSettings.scenario = settings.scenario;
    const project = await this.configs.forDocument(uri);
    const options: AnalyzeOptions = { config: mergeConfigs(fromSettings, project.config) };
    if (uri.scheme === 'untitled') return options;
    options.path = vscode.workspace.asRelativePath(uri, false);
    // Excluded means never checked, whatever the front matter says.
    const path = options.path;
    if (options.config?.ignore?.some((glob) => matchesGlob(path, glob))) return undefined;
    return options;
  }

  async analyzeDocument(document: vscode.TextDocument): Promise<AnalysisResult | undefined> {
    const key = document.uri.toString();
    const cached = this.cache.get(key);
    if (cached && cached.version === document.version && cached.configStamp === this.configs.stamp && cached.settingsStamp === this.settingsStamp) {
      return cached.result;
    }
    const configStamp = this.configs.stamp;
    const settingsStamp = this.settingsStamp;
    const options = await this.optionsFor(document.uri);
    // Version and text are read together, after the await: the cache must never pair one version with another's text.
    const entry: CachedAnalysis = { version: document.version, configStamp, settingsStamp, result: undefined };
    entry.result = options && this.run(document.getText(), options, key);
    if (!document.isClosed) this.cache.set(key, entry);
    return entry.result;
  }

  /** For files that are not open (the workspace-wide check). */
  async analyzeText(uri: vscode.Uri, text: string): Promise<AnalysisResult | undefined> {
    const options = await this.optionsFor(uri);
    return options && this.run(text, options, uri.toString());
  }

  /** Analyses text with known options; undefined (and a log line) if the core failed. */
  run(text: string, options: AnalyzeOptions, label: string): AnalysisResult | undefined {
    try {
      return analyze(text, options);
    } catch (error) {
      // A core bug must never reach the editor as an exception: log it and show nothing.
      this.log.error(`analysis of ${label} failed`, error instanceof Error ? error : String(error));
      return undefined;
    }
  }

  forget(uri: vscode.Uri): void {
    this.cache.delete(uri.toString());
  }
}
