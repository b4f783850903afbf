// What a sentence gives as an example ("for example, a recommendation system...") is not what the
// document is about: scenario and task words there say nothing of the scenario.
const EXAMPLE_CLAUSE = /\b(?:for (?:example|instance)|e\.g\.)[^.;:)\n]*/gi;

/** The text with each example clause (to the end of its sentence or parenthesis) blanked out. */
export function withoutExamples(text: string): string {
  return text.replace(EXAMPLE_CLAUSE, (clause) => ' '.repeat(clause.length));
}
