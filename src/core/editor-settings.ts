// The settings every editor adapter offers (VS Code's `mlsd.*` settings, the language server's
// initializationOptions and workspace configuration), read from plain values one way: an invalid
// value falls back to its default, so a typo never stops the checks. Only types.ts is imported, so
// the extension's entry bundle can read settings without loading the core.
import { RULE_SETTINGS, SCENARIO_IDS, type RuleSetting, type ScenarioId } from './types';

export const SETTINGS_SECTION = 'mlsd';

export type RunMode = 'onType' | 'onSave' | 'off';

export interface EditorSettings {
  enable: boolean;
  run: RunMode;
  /** Globs of files that are design docs whatever their content. */
  include: string[];
  /** Globs of files never checked. */
  exclude: string[];
  rules: Record<string, RuleSetting>;
  scenario: ScenarioId | undefined;
}

export const RUN_MODES: readonly RunMode[] = ['onType', 'onSave', 'off'];

/** The settings in raw values as an editor hands them over, each checked and defaulted. */
export function editorSettingsFrom(values: Partial<Record<keyof EditorSettings, unknown>>): EditorSettings {
  const { enable, run, include, exclude, rules, scenario } = values;
  return {
    enable: enable !== false,
    run: RUN_MODES.includes(run as RunMode) ? (run as RunMode) : 'onType',
    include: stringList(include),
    exclude: stringList(exclude),
    rules: ruleSettingsFrom(rules),
    scenario: SCENARIO_IDS.includes(scenario as ScenarioId) ? (scenario as ScenarioId) : undefined,
  };
}

/** The valid entries of a `rules` setting (rule ID → off or a severity). */
export function ruleSettingsFrom(value: unknown): Record<string, RuleSetting> {
  const rules: Record<string, RuleSetting> = {};
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return rules;
  for (const [ruleId, setting] of Object.entries(value)) {
    if (RULE_SETTINGS.includes(setting as RuleSetting)) rules[ruleId] = setting as RuleSetting;
  }
  return rules;
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string' && item.length > 0) : [];
}
