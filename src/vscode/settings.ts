// The only place that reads the `mlsd.*` settings. Everything else receives plain values, so the
// rest of the adapter never depends on how or where the user configured it.
import * as vscode from 'vscode';
import { SCENARIO_IDS, type RuleSetting, type ScenarioId } from '../core/types';

export const SETTINGS_SECTION = 'mlsd';

export type RunMode = 'onType' | 'onSave' | 'off';

export interface MlsdSettings {
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
const RULE_SETTINGS: readonly RuleSetting[] = ['off', 'error', 'warning', 'info', 'hint'];

/** Settings for one document (folder and language overrides apply). Invalid values fall back to defaults. */
export function readSettings(scope: vscode.ConfigurationScope | undefined): MlsdSettings {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION, scope);
  const run = config.get<string>('run');
  const scenario = config.get<string>('scenario');
  return {
    enable: config.get<boolean>('enable') !== false,
    run: RUN_MODES.includes(run as RunMode) ? (run as RunMode) : 'onType',
    include: stringList(config.get('include')),
    exclude: stringList(config.get('exclude')),
    rules: ruleSettings(config.get('rules')),
    scenario: SCENARIO_IDS.includes(scenario as ScenarioId) ? (scenario as ScenarioId) : undefined,
  };
}

export function affectsSettings(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration(SETTINGS_SECTION);
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string' && item.length > 0) : [];
}

function ruleSettings(value: unknown): Record<string, RuleSetting> {
  const rules: Record<string, RuleSetting> = {};
  if (value === null || typeof value !== 'object') return rules;
  for (const [ruleId, setting] of Object.entries(value)) {
    if (RULE_SETTINGS.includes(setting as RuleSetting)) rules[ruleId] = setting as RuleSetting;
  }
  return rules;
}
