import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { parse as parseYaml } from 'yaml';
import { parse as parseJsonc } from 'jsonc-parser';
import { CONFIG_KEYS, RULE_SETTINGS, validateConfigObject } from '../../src/core/config';
import { CONFIG_VOCABULARY } from '../../src/core/config/vocabulary';
import { buildConfigSchema } from '../../src/core/config/schema';
import { ELEMENT_IDS, SCENARIO_IDS } from '../../src/core/types';

const root = path.resolve(__dirname, '../..');
const schema = JSON.parse(readFileSync(path.join(root, 'schemas/mlsd-config.schema.json'), 'utf8'));
const validateWithSchema = new Ajv({ allErrors: true, strict: true }).compile(schema);
const someRule = [...CONFIG_VOCABULARY.ruleIds][0] as string;

/** Configs a user might write, right and wrong: the schema (editor squiggles) and the validator (analysis) must agree on each. */
const examples: { name: string; value: unknown }[] = [
  { name: 'empty', value: {} },
  {
    name: 'everything valid',
    value: {
      $schema: './s.json',
      rules: { [someRule]: 'off' },
      scenario: 'moderation',
      requiredItems: ['moderation/human-review'],
      aliases: { 'data.quality': ['Label noise'] },
      include: ['**/*.design.md'],
      ignore: ['archive/**'],
    },
  },
  {
    name: 'each severity',
    value: {
      rules: Object.fromEntries(
        RULE_SETTINGS.map((setting, i) => [[...CONFIG_VOCABULARY.ruleIds][i % CONFIG_VOCABULARY.ruleIds.size], setting]),
      ),
    },
  },
  { name: 'bad severity', value: { rules: { [someRule]: 'warn' } } },
  { name: 'boolean severity', value: { rules: { [someRule]: false } } },
  { name: 'unknown rule', value: { rules: { 'no-such-rule': 'error' } } },
  { name: 'rules as a list', value: { rules: [someRule] } },
  { name: 'unknown scenario', value: { scenario: 'ads' } },
  { name: 'scenario as a number', value: { scenario: 3 } },
  { name: 'unknown key', value: { scenarios: 'fraud' } },
  { name: 'unknown element in aliases', value: { aliases: { 'framing.goal': ['Goals'] } } },
  { name: 'alias wordings as a string', value: { aliases: { tradeoffs: 'Alternatives' } } },
  { name: 'empty alias wording', value: { aliases: { tradeoffs: ['  '] } } },
  { name: 'unknown required item', value: { requiredItems: ['fraud/rules'] } },
  { name: 'ignore as a string', value: { ignore: 'drafts/**' } },
  { name: 'include with a number', value: { include: ['a/**', 1] } },
  { name: 'top-level list', value: ['fraud'] },
  { name: 'top-level null', value: null },
];

for (const fixture of ['valid.jsonc', 'valid.yaml', 'mistakes.json', 'mistakes.yaml']) {
  const text = readFileSync(path.join(root, 'test/fixtures/configs', fixture), 'utf8');
  examples.push({
    name: `fixture ${fixture}`,
    value: fixture.endsWith('.yaml') ? parseYaml(text) : parseJsonc(text, [], { allowTrailingComma: true }),
  });
}

describe('config schema', () => {
  for (const { name, value } of examples) {
    it(`agrees with the validator: ${name}`, () => {
      const { problems } = validateConfigObject(value, 'example.json', () => undefined, CONFIG_VOCABULARY);
      const schemaValid = validateWithSchema(value);
      assert.equal(
        schemaValid,
        problems.length === 0,
        `schema says ${schemaValid ? 'valid' : JSON.stringify(validateWithSchema.errors)}, validator says ${JSON.stringify(problems.map((p) => p.message))}`,
      );
    });
  }

  it("is the schema built from the validator's own data (regenerate the file when rules change)", () => {
    assert.deepEqual(
      schema,
      buildConfigSchema(CONFIG_VOCABULARY),
      'schemas/mlsd-config.schema.json is stale; regenerate it with: npm run generate:contributions',
    );
  });

  it('names every rule, element, scenario, checklist item, severity and key', () => {
    assert.deepEqual(schema.definitions.ruleId.enum, [...CONFIG_VOCABULARY.ruleIds].sort());
    assert.deepEqual(schema.definitions.scenarioItemId.enum, [...CONFIG_VOCABULARY.scenarioItemIds]);
    assert.equal(schema.definitions.scenarioItemId.enum.length, 14);
    assert.deepEqual(schema.definitions.elementId.enum, [...ELEMENT_IDS]);
    assert.deepEqual(schema.properties.scenario.enum, [...SCENARIO_IDS]);
    assert.deepEqual(schema.definitions.ruleSetting.enum, [...RULE_SETTINGS]);
    assert.deepEqual(Object.keys(schema.properties), [...CONFIG_KEYS]);
  });

  it('has the valid fixtures pass and the mistaken ones fail', () => {
    const names = examples.filter(({ name }) => name.startsWith('fixture')).map(({ name, value }) => [name, validateWithSchema(value)]);
    assert.deepEqual(names, [
      ['fixture valid.jsonc', true],
      ['fixture valid.yaml', true],
      ['fixture mistakes.json', false],
      ['fixture mistakes.yaml', false],
    ]);
  });
});
