// The JSON Schema of the configuration, built from the same data the validator reads, so the
// editor's squiggles (jsonValidation) and the analysis never disagree. The shipped file
// schemas/mlsd-config.schema.json is this object; a test fails when they drift apart.
import { ELEMENT_IDS, SCENARIO_IDS } from '../types';
import { RULE_SETTINGS, type ConfigVocabulary } from './validate';

export function buildConfigSchema(vocabulary: ConfigVocabulary): Record<string, unknown> {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://mlsd.invalid/schemas/mlsd-config.schema.json',
    title: "mlsd configuration (.mlsd.json, .mlsd.jsonc, .mlsd.yaml, .mlsd.yml, or the `mlsd:` block of a document's front matter)",
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      rules: {
        description: 'Rule ID (or "rule-id/sub" for one element or item) to "off" or a severity. Run `mlsd rules` for the list.',
        type: 'object',
        propertyNames: { $ref: '#/definitions/ruleId' },
        additionalProperties: { $ref: '#/definitions/ruleSetting' },
      },
      scenario: {
        description: 'The scenario of documents that do not declare one in front matter.',
        enum: [...SCENARIO_IDS],
      },
      requiredItems: {
        description: "Scenario checklist items to require on top of the document's own scenario.",
        type: 'array',
        items: { $ref: '#/definitions/scenarioItemId' },
      },
      aliases: {
        description: 'Extra heading wordings that mean a framework element, e.g. { "framing.constraints": ["SLOs"] }.',
        type: 'object',
        propertyNames: { $ref: '#/definitions/elementId' },
        additionalProperties: { $ref: '#/definitions/nonEmptyStrings' },
      },
      include: {
        description:
          'Globs of documents that are design docs whatever their content. A glob that does not start with "**" also matches below any folder ("docs/*.md" matches every docs folder); one naming a folder ("archive" or "archive/") matches every file below it; one starting with "/" or "./" matches only from the top; a leading "!" is refused.',
        $ref: '#/definitions/globs',
      },
      ignore: {
        description: 'Globs of documents never checked, read as for include.',
        $ref: '#/definitions/globs',
      },
    },
    definitions: {
      ruleSetting: { enum: [...RULE_SETTINGS] },
      ruleId: { enum: [...vocabulary.ruleIds].sort() },
      elementId: { enum: [...ELEMENT_IDS] },
      scenarioItemId: { enum: [...vocabulary.scenarioItemIds] },
      nonEmptyStrings: { type: 'array', items: { type: 'string', pattern: '\\S' } },
      // Not blank, and not starting with "!" (see globProblem).
      globs: { type: 'array', items: { type: 'string', pattern: '^(?!!)\\s*\\S' } },
    },
  };
}
