// The metric-name pattern of the TextMate injection grammar, built from the same metric data the
// analysis uses. Oniguruma reads these JavaScript regex sources as they are (no \p{…} or flags
// inside them); case-insensitive spellings and case-sensitive acronyms are kept apart.
import { METRICS } from '../../core/framework/metrics';

export const GRAMMAR_PATH = 'syntaxes/mlsd.injection.tmLanguage.json';

export function metricNamePattern(): string {
  const spellings = METRICS.flatMap((metric) => metric.patterns);
  const acronyms = METRICS.flatMap((metric) => metric.acronyms ?? []);
  const alternatives = [`(?i:${spellings.join('|')})`, ...acronyms];
  // Same word edges as the analysis: letters, digits and _ (plus @ and - that metric names use).
  return `(?<![\\w@-])(?:${alternatives.join('|')})(?![\\w@-])`;
}

/** The grammar file's text with the generated metric pattern in place, everything else kept. */
export function grammarWithMetricPattern(grammarText: string): string {
  const grammar = JSON.parse(grammarText) as { repository: Record<string, { match?: string }> };
  const rule = grammar.repository['metric-name'];
  if (!rule) throw new Error(`${GRAMMAR_PATH} has no "metric-name" rule to generate.`);
  rule.match = metricNamePattern();
  return `${JSON.stringify(grammar, null, 2)}\n`;
}
