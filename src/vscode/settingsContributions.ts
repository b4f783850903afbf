// The parts of package.json's `contributes.configuration` that name rules and scenarios, built from
// the core's rule list and framework data (their one home): `mlsd.rules` lists every rule ID, and
// every "rule-id/sub" ID, as a property with the severities as its choices, so the Settings editor
// and settings.json offer them instead of free text; `mlsd.scenario` describes each scenario.
// Pure. scripts/generate-contributions.ts writes them into package.json, and a unit test fails
// when the committed manifest differs.
import { ELEMENTS } from '../core/framework/elements';
import { SCENARIOS } from '../core/framework/scenarios';
import { RULES } from '../core/rules';
import { RULE_SETTINGS, SCENARIO_IDS, type RuleSetting } from '../core/types';

const SEVERITY_DESCRIPTIONS: Record<RuleSetting, string> = {
  off: 'Not reported.',
  error: 'Reported as an error.',
  warning: 'Reported as a warning.',
  info: 'Reported as information.',
  hint: 'Shown as a hint only (dotted underline, not in the Problems panel).',
};

interface RuleSettingSchema {
  type: 'string';
  enum: RuleSetting[];
  markdownEnumDescriptions: string[];
  markdownDescription: string;
}

/** What a sub-ID narrows a rule to, in words: an element's or checklist item's title, else the sub-ID itself. */
function subjectOf(ruleId: string, sub: string): string {
  const element = ELEMENTS.find((candidate) => candidate.id === sub);
  if (element) return `${element.title} (\`${sub}\`)`;
  const item = SCENARIOS.flatMap((scenario) => scenario.items).find(
    (candidate) => candidate.id.endsWith(`/${sub}`) && ruleId === 'scenario-checklist',
  );
  if (item) return `${item.title} (\`${item.id}\`)`;
  return `\`${sub}\``;
}

function ruleSetting(markdownDescription: string): RuleSettingSchema {
  return {
    type: 'string',
    enum: [...RULE_SETTINGS],
    markdownEnumDescriptions: RULE_SETTINGS.map((setting) => SEVERITY_DESCRIPTIONS[setting]),
    markdownDescription,
  };
}

export function rulesSettingSchema(): Record<string, unknown> {
  const properties: Record<string, RuleSettingSchema> = {};
  for (const rule of RULES) {
    properties[rule.id] = ruleSetting(`${rule.description} Default: \`${rule.defaultSeverity}\`.`);
    for (const sub of rule.subIds ?? []) {
      properties[`${rule.id}/${sub}`] = ruleSetting(`\`${rule.id}\`, for ${subjectOf(rule.id, sub)} only.`);
    }
  }
  return {
    type: 'object',
    default: {},
    scope: 'resource',
    properties,
    additionalProperties: false,
    markdownDescription:
      'Severity per rule (`off`, `error`, `warning`, `info` or `hint`); a `rule-id/sub` ID sets one element or checklist item, e.g. `{ "missing-element/serving.scaling": "off" }`. A project `.mlsd.json` and the document\'s front matter override these.',
  };
}

export function scenarioSettingSchema(): Record<string, unknown> {
  const describe = (id: (typeof SCENARIO_IDS)[number]): string => {
    const scenario = SCENARIOS.find((candidate) => candidate.id === id);
    if (!scenario) return 'Any ML system: the framework elements only, no scenario checklist.';
    return `${scenario.title} (task: ${scenario.task}); its checklist: ${scenario.items.map((item) => item.title).join(', ')}.`;
  };
  return {
    type: 'string',
    enum: [...SCENARIO_IDS],
    markdownEnumDescriptions: SCENARIO_IDS.map(describe),
    scope: 'resource',
    markdownDescription:
      'Scenario assumed when the front matter does not declare one (`scenario: fraud`); a project `.mlsd.json` overrides it. Leave unset to let mlsd detect it from the text.',
  };
}

/** The generated settings, by key. */
export function generatedSettings(): Record<string, Record<string, unknown>> {
  return { 'mlsd.rules': rulesSettingSchema(), 'mlsd.scenario': scenarioSettingSchema() };
}

/** package.json's text with the generated settings in place, everything else as it was. */
export function manifestWithGeneratedSettings(manifestText: string): string {
  const manifest = JSON.parse(manifestText) as { contributes: { configuration: { properties: Record<string, unknown> } } };
  Object.assign(manifest.contributes.configuration.properties, generatedSettings());
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
