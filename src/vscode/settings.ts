// The only place that reads the `mlsd.*` settings. Everything else receives plain values, so the
// rest of the adapter never depends on how or where the user configured it.
import * as vscode from 'vscode';
import { editorSettingsFrom, SETTINGS_SECTION, type EditorSettings } from '../core/editor-settings';

export type { RunMode } from '../core/editor-settings';
export type MlsdSettings = EditorSettings;

/** Settings for one document (folder and language overrides apply). Invalid values fall back to defaults. */
export function readSettings(scope: vscode.ConfigurationScope | undefined): MlsdSettings {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION, scope);
  return editorSettingsFrom({
    enable: config.get('enable'),
    run: config.get('run'),
    include: config.get('include'),
    exclude: config.get('exclude'),
    rules: config.get('rules'),
    scenario: config.get('scenario'),
  });
}

export function affectsSettings(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration(SETTINGS_SECTION);
}
