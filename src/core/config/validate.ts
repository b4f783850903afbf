import {
  ELEMENT_IDS,
  RULE_SETTINGS,
  SCENARIO_IDS,
  type ConfigError,
  type ElementId,
  type MlsdConfig,
  type Range,
  type RuleSetting,
  type ScenarioId,
} from '../types';
import { globProblem } from '../analysis/glob';
import { START_OF_FILE } from './text-positions';

/** A heading wording longer than this is not one; it would also compile into an oversized regex. */
export const MAX_ALIAS_LENGTH = 200;

export type ConfigPath = readonly (string | number)[];

/**
 * Finds where a key or its value is written. `part: 'key'` asks for the property name, `'value'`
 * for what follows it. Returns undefined when the source has no such node (then the closest
 * ancestor is used).
 */
export type ConfigLocator = (path: ConfigPath, part: 'key' | 'value') => Range | undefined;

/** The IDs a configuration may name. Supplied by the caller so this module stays free of rule code. */
export interface ConfigVocabulary {
  ruleIds: ReadonlySet<string>;
  /** Scenario checklist items, "scenario/item". */
  scenarioItemIds: ReadonlySet<string>;
}

export interface ValidatedConfig {
  config: MlsdConfig;
  problems: ConfigError[];
}

export { RULE_SETTINGS };
export const CONFIG_KEYS = ['$schema', 'rules', 'scenario', 'requiredItems', 'aliases', 'include', 'ignore'] as const;

const elementIds: ReadonlySet<string> = new Set(ELEMENT_IDS);
const scenarioIds: ReadonlySet<string> = new Set(SCENARIO_IDS);
const ruleSettings: ReadonlySet<string> = new Set(RULE_SETTINGS);

/**
 * Turns a parsed configuration value (from a config file or a front-matter `mlsd:` block) into an
 * `MlsdConfig`. Every problem is located; invalid parts are dropped and the rest is kept.
 */
export function validateConfigObject(value: unknown, file: string, locate: ConfigLocator, vocabulary: ConfigVocabulary): ValidatedConfig {
  const problems: ConfigError[] = [];
  const config: MlsdConfig = {};

  const report = (severity: ConfigError['severity'], path: ConfigPath, part: 'key' | 'value', message: string): void => {
    problems.push({ severity, file, range: locateNearest(locate, path, part), message });
  };

  if (value === undefined) return { config, problems };
  if (!isPlainObject(value)) {
    report('warning', [], 'value', `Expected the configuration to be an object, found ${describe(value)}.`);
    return { config, problems };
  }

  for (const [key, entry] of Object.entries(value)) {
    switch (key) {
      case '$schema':
        break;
      case 'rules': {
        const rules = readRules(entry, vocabulary, report);
        if (rules) config.rules = rules;
        break;
      }
      case 'scenario':
        if (typeof entry === 'string' && scenarioIds.has(entry)) config.scenario = entry as ScenarioId;
        else if (typeof entry !== 'string')
          report('error', ['scenario'], 'value', `Expected the scenario to be one of ${listOf(SCENARIO_IDS)}, found ${describe(entry)}.`);
        else report('error', ['scenario'], 'value', `Unknown scenario ${quote(entry)}; expected one of ${listOf(SCENARIO_IDS)}.`);
        break;
      case 'requiredItems': {
        const items = readRequiredItems(entry, vocabulary, report);
        if (items) config.requiredItems = items;
        break;
      }
      case 'aliases': {
        const aliases = readAliases(entry, report);
        if (aliases) config.aliases = aliases;
        break;
      }
      case 'include':
      case 'ignore': {
        const globs = readGlobs(entry, key, report);
        if (globs) config[key] = globs;
        break;
      }
      default: {
        const hint = suggest(key, CONFIG_KEYS);
        report(
          'warning',
          [key],
          'key',
          `Unknown key ${quote(key)}${hint ? ` (did you mean ${quote(hint)}?)` : ''}; expected one of ${listOf(CONFIG_KEYS.slice(1))}.`,
        );
      }
    }
  }
  return { config, problems };
}

type Report = (severity: ConfigError['severity'], path: ConfigPath, part: 'key' | 'value', message: string) => void;

/** The checklist items a configuration requires; unknown ones are reported and dropped. */
function readRequiredItems(value: unknown, vocabulary: ConfigVocabulary, report: Report): string[] | undefined {
  const items = readStringList(value, ['requiredItems'], report);
  if (!items) return undefined;
  return items
    .filter(({ text, index }) => {
      if (vocabulary.scenarioItemIds.has(text)) return true;
      const hint = suggest(text, vocabulary.scenarioItemIds);
      report(
        'error',
        ['requiredItems', index],
        'value',
        `Unknown scenario checklist item ${quote(text)}; expected "scenario/item" such as ${hint ? quote(hint) : '"fraud/real-time"'}.`,
      );
      return false;
    })
    .map(({ text }) => text);
}

/** The globs of `include` or `ignore`; a glob that cannot work is reported and dropped. */
function readGlobs(value: unknown, key: 'include' | 'ignore', report: Report): string[] | undefined {
  const globs = readStringList(value, [key], report);
  if (!globs) return undefined;
  return globs
    .filter(({ text, index }) => {
      const problem = globProblem(text);
      if (problem) report('error', [key, index], 'value', `Glob ignored: ${problem}.`);
      return !problem;
    })
    .map(({ text }) => text);
}

function readRules(value: unknown, vocabulary: ConfigVocabulary, report: Report): Record<string, RuleSetting> | undefined {
  if (!isPlainObject(value)) {
    report('warning', ['rules'], 'value', `Expected "rules" to be an object of rule ID to severity, found ${describe(value)}.`);
    return undefined;
  }
  const rules: Record<string, RuleSetting> = {};
  for (const [ruleId, setting] of Object.entries(value)) {
    if (!vocabulary.ruleIds.has(ruleId)) {
      const hint = suggest(ruleId, vocabulary.ruleIds);
      report(
        'warning',
        ['rules', ruleId],
        'key',
        `Unknown rule ${quote(ruleId)}${hint ? ` (did you mean ${quote(hint)}?)` : ''}; run "mlsd rules" for the list.`,
      );
      continue;
    }
    if (typeof setting === 'string' && ruleSettings.has(setting)) rules[ruleId] = setting as RuleSetting;
    else
      report(
        'error',
        ['rules', ruleId],
        'value',
        typeof setting === 'string'
          ? `Invalid severity ${quote(setting)} for rule ${quote(ruleId)}; expected one of ${listOf(RULE_SETTINGS)}.`
          : `Invalid severity for rule ${quote(ruleId)}: ${describe(setting)}; expected one of ${listOf(RULE_SETTINGS)}.`,
      );
  }
  return rules;
}

function readAliases(value: unknown, report: Report): Partial<Record<ElementId, string[]>> | undefined {
  if (!isPlainObject(value)) {
    report(
      'warning',
      ['aliases'],
      'value',
      `Expected "aliases" to be an object of element ID to heading wordings, found ${describe(value)}.`,
    );
    return undefined;
  }
  const aliases: Partial<Record<ElementId, string[]>> = {};
  for (const [elementId, wordings] of Object.entries(value)) {
    if (!elementIds.has(elementId)) {
      const hint = suggest(elementId, ELEMENT_IDS);
      report(
        'error',
        ['aliases', elementId],
        'key',
        `Unknown element ${quote(elementId)}${hint ? ` (did you mean ${quote(hint)}?)` : ''}; expected a framework element ID such as "framing.constraints".`,
      );
      continue;
    }
    const list = readStringList(wordings, ['aliases', elementId], report);
    if (!list) continue;
    aliases[elementId as ElementId] = list
      .filter(({ text, index }) => {
        if (text.length <= MAX_ALIAS_LENGTH) return true;
        report('error', ['aliases', elementId, index], 'value', `Heading wording ignored: longer than ${MAX_ALIAS_LENGTH} characters.`);
        return false;
      })
      .map(({ text }) => text);
  }
  return aliases;
}

/** Keeps the non-empty strings of a list; anything else is reported and dropped. */
function readStringList(value: unknown, path: ConfigPath, report: Report): { text: string; index: number }[] | undefined {
  const name = path.join('.');
  if (!Array.isArray(value)) {
    report('warning', path, 'value', `Expected "${name}" to be a list of strings, found ${describe(value)}.`);
    return undefined;
  }
  const kept: { text: string; index: number }[] = [];
  value.forEach((item: unknown, index) => {
    if (typeof item === 'string' && item.trim() !== '') kept.push({ text: item, index });
    else report('warning', [...path, index], 'value', `Expected a non-empty string in "${name}", found ${describe(item)}.`);
  });
  return kept;
}

function locateNearest(locate: ConfigLocator, path: ConfigPath, part: 'key' | 'value'): Range {
  for (let depth = path.length; depth >= 0; depth--) {
    const range = locate(path.slice(0, depth), depth === path.length ? part : 'value');
    if (range) return range;
  }
  return START_OF_FILE;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value as a message names it: "a list", "the string \"x\"", "number 3". */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `the string ${quote(value)}`;
  return `${typeof value} ${String(value)}`;
}

function quote(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : describe(value);
}

function listOf(values: readonly string[]): string {
  return values.map((v) => JSON.stringify(v)).join(', ');
}

/** The closest known name, when it is close enough to be a typo. */
export function suggest(name: string, known: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1;
  for (const candidate of known) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase(), bestDistance);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) >= limit) return limit;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + cost);
    }
    previous = current;
  }
  return previous[b.length] as number;
}
