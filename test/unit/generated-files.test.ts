// The committed grammar and the rule and scenario settings of package.json are generated from the
// framework data; this keeps them from drifting apart. On failure run: npm run generate:contributions
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { RULES } from '../../src/core/rules';
import { CONFIG_VOCABULARY } from '../../src/core/config/vocabulary';
import { SCENARIO_IDS } from '../../src/core/types';
import { GRAMMAR_PATH, grammarWithGeneratedPatterns } from '../../src/vscode/authoring/grammarPatterns';
import { generatedSettings, manifestWithGeneratedSettings } from '../../src/vscode/settingsContributions';

interface Manifest {
  contributes: {
    snippets?: unknown;
    grammars: { path: string; injectTo: string[] }[];
    configuration: {
      title: string;
      properties: Record<
        string,
        {
          properties?: Record<string, { enum: string[]; markdownDescription: string }>;
          enum?: string[];
          markdownEnumDescriptions?: string[];
        }
      >;
    };
  };
}

const manifestText = fs.readFileSync('package.json', 'utf8');
const manifest = JSON.parse(manifestText) as Manifest;

describe('files generated from the framework data', () => {
  it('the grammar carries the generated metric-name and placeholder patterns', () => {
    const committed = fs.readFileSync(GRAMMAR_PATH, 'utf8');
    assert.equal(committed, grammarWithGeneratedPatterns(committed));
  });

  it('package.json contributes the grammar, and the section snippets only through completion', () => {
    assert.deepEqual(
      manifest.contributes.grammars.map((g) => [g.path, g.injectTo]),
      [[`./${GRAMMAR_PATH}`, ['text.html.markdown']]],
    );
    assert.equal(manifest.contributes.snippets, undefined);
  });

  it('package.json carries exactly the generated rule and scenario settings', () => {
    assert.equal(manifestText, manifestWithGeneratedSettings(manifestText));
    for (const [key, schema] of Object.entries(generatedSettings()))
      assert.deepEqual(manifest.contributes.configuration.properties[key], schema);
  });

  it('offers every rule and "rule-id/sub" ID as a setting with the severities to choose from', () => {
    const rules = manifest.contributes.configuration.properties['mlsd.rules']!.properties!;
    assert.deepEqual(Object.keys(rules).sort(), [...CONFIG_VOCABULARY.ruleIds].sort());
    for (const setting of Object.values(rules)) assert.deepEqual(setting.enum, ['off', 'error', 'warning', 'info', 'hint']);
    const mismatch = RULES.find((rule) => rule.id === 'metric-task-mismatch')!;
    assert.equal(rules['metric-task-mismatch']!.markdownDescription, `${mismatch.description} Default: \`${mismatch.defaultSeverity}\`.`);
    assert.equal(rules['missing-element/data.quality']!.markdownDescription, '`missing-element`, for Data quality (`data.quality`) only.');
    assert.equal(
      rules['scenario-checklist/hybrid-rules']!.markdownDescription,
      '`scenario-checklist`, for Rules layer (`fraud/hybrid-rules`) only.',
    );
  });

  it('describes each scenario choice', () => {
    const scenario = manifest.contributes.configuration.properties['mlsd.scenario']!;
    assert.deepEqual(scenario.enum, [...SCENARIO_IDS]);
    assert.equal(scenario.markdownEnumDescriptions?.length, SCENARIO_IDS.length);
    assert.match(
      scenario.markdownEnumDescriptions![1]!,
      /^Fraud detection \(task: imbalanced-classification\); its checklist: Real-time scoring, /,
    );
  });

  it('titles the settings group "mlsd", as the commands\' category', () => {
    assert.equal(manifest.contributes.configuration.title, 'mlsd');
  });
});
