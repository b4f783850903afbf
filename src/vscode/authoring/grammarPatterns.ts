// The generated patterns of the TextMate injection grammar, built from the data the analysis uses
// (metric spellings, placeholder words), so what is coloured is what the checker reads. Oniguruma
// reads these JavaScript regex sources as they are; flags become inline groups.
import { METRICS } from '../../core/framework/metrics';
import { PLACEHOLDER_TOKEN, PLACEHOLDER_UNIT } from '../../core/framework/residue';

export const GRAMMAR_PATH = 'syntaxes/mlsd.injection.tmLanguage.json';

export function metricNamePattern(): string {
  const spellings = METRICS.flatMap((metric) => metric.patterns);
  const acronyms = METRICS.flatMap((metric) => metric.acronyms ?? []);
  const alternatives = [`(?i:${spellings.join('|')})`, ...acronyms];
  // Same word edges as the analysis: letters, digits and _ (plus @ and - that metric names use).
  return `(?<![\\w@-])(?:${alternatives.join('|')})(?![\\w@-])`;
}

/** Placeholder words inside real text (TBD, TODO, [describe …]); case-sensitive like the analysis. */
export function placeholderTokenPattern(): string {
  return PLACEHOLDER_TOKEN.source;
}

/**
 * A list item that is only a placeholder ("- TODO: describe X", "- TBD", "- ..."): the whole item.
 * Only list items: a bare "---" line is a thematic break or front matter, not residue.
 */
export function placeholderBulletPattern(): string {
  const unit = PLACEHOLDER_UNIT.source.replace(/^\^/, '').replace(/\$$/, '');
  return `^(\\s*(?:[-*+]|\\d{1,3}[.)])\\s+)((?i:${unit}))\\s*$`;
}

const GENERATED: Record<string, () => string> = {
  'metric-name': metricNamePattern,
  'placeholder-token': placeholderTokenPattern,
  'placeholder-bullet': placeholderBulletPattern,
};

/** The grammar file's text with the generated patterns in place, everything else kept. */
export function grammarWithGeneratedPatterns(grammarText: string): string {
  const grammar = JSON.parse(grammarText) as { repository: Record<string, { match?: string }> };
  for (const [name, pattern] of Object.entries(GENERATED)) {
    const rule = grammar.repository[name];
    if (!rule) throw new Error(`${GRAMMAR_PATH} has no "${name}" rule to generate.`);
    rule.match = pattern();
  }
  return `${JSON.stringify(grammar, null, 2)}\n`;
}
