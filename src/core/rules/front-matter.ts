import type { Rule } from './rule';

export const frontMatter: Rule = {
  id: 'front-matter',
  defaultSeverity: 'error',
  description: 'The YAML front matter must parse; a broken block hides the scenario and the mlsd settings.',
  check(facts) {
    const error = facts.frontMatterError;
    return error
      ? [
          {
            subject: { kind: 'document' },
            message: `Invalid YAML front matter: ${error.message} — fix the YAML between the --- lines`,
            range: error.range,
          },
        ]
      : [];
  },
};
