// The language server's reading of its settings: the same keys as the extension's `mlsd.*`
// settings, from `initializationOptions` (read once) and the `mlsd` section of
// `workspace/configuration` (per document, re-read after `workspace/didChangeConfiguration`).
// Invalid values fall back to the defaults, as in the extension: a typo never stops the checks.
import { editorSettingsFrom, ruleSettingsFrom, type EditorSettings } from '../core/editor-settings';
import type { RuleSetting } from '../core/types';

export { SETTINGS_SECTION } from '../core/editor-settings';
export type ServerSettings = EditorSettings;

/**
 * Settings from any client-sent values; the later layers win key by key, and rule by rule for
 * `rules` (an editor's workspace settings turning one rule off keep the user's other rule settings).
 */
export function readSettings(...layers: unknown[]): ServerSettings {
  const merged: Record<string, unknown> = {};
  const rules: Record<string, RuleSetting> = {};
  for (const layer of layers) {
    if (!isObject(layer)) continue;
    Object.assign(merged, layer);
    Object.assign(rules, ruleSettingsFrom(layer.rules));
  }
  return editorSettingsFrom({ ...merged, rules });
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
