// The language server's reading of its settings: the same keys as the extension's `mlsd.*`
// settings, from `initializationOptions` (read once) and the `mlsd` section of
// `workspace/configuration` (per document, re-read after `workspace/didChangeConfiguration`).
// Invalid values fall back to the defaults, as in the extension: a typo never stops the checks.
import { RULE_SETTINGS } from '../core/config';
import { SCENARIO_IDS, type RuleSetting, type ScenarioId } from '../core/types';

export const SETTINGS_SECTION = 'mlsd';

export type RunMode = 'onType' | 'onSave' | 'off';

export interface ServerSettings {
  enable: boolean;
  run: RunMode;
  /** Globs of files that are design docs whatever their content. */
  include: string[];
  /** Globs of files never checked. */
  exclude: string[];
  rules: Record<string, RuleSetting>;
  scenario: ScenarioId | undefined;
}

const RUN_MODES: readonly RunMode[] = ['onType', 'onSave', 'off'];

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
    Object.assign(rules, ruleSettings(layer.rules));
  }
  const { enable, run, include, exclude, scenario } = merged;
  return {
    enable: enable !== false,
    run: RUN_MODES.includes(run as RunMode) ? (run as RunMode) : 'onType',
    include: stringList(include),
    exclude: stringList(exclude),
    rules,
    scenario: SCENARIO_IDS.includes(scenario as ScenarioId) ? (scenario as ScenarioId) : undefined,
  };
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string' && item.length > 0) : [];
}

function ruleSettings(value: unknown): Record<string, RuleSetting> {
  const rules: Record<string, RuleSetting> = {};
  if (!isObject(value)) return rules;
  for (const [ruleId, setting] of Object.entries(value)) {
    if (RULE_SETTINGS.includes(setting as RuleSetting)) rules[ruleId] = setting as RuleSetting;
  }
  return rules;
}
