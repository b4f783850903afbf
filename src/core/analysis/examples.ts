// What a sentence gives as an example ("for example, a recommendation system...", "metrics like
// RMSE for forecasts") is not what the document is about: scenario and task words there say nothing
// of the scenario.
/**
 * "For example", "e.g.", and "like" introducing instances ("metrics like AUC", "apps like TikTok"),
 * not the verb: after a pronoun, a person, a modal or an adverb ("users like", "you might like").
 * The word before is checked once "like" is found, not before every word of the text (twice as fast).
 */
const EXAMPLE_CLAUSE =
  /(?:\b(?:for (?:example|instance)|e\.g\.)|(?<=\s)like\b(?<!\b(?:would|\w+'d|i|we|you|they|who|that|which|users?|people|customers?|members?|shoppers?|viewers?|listeners?|readers?|buyers?|also|may|might|not|do|does|did|feel|feels|look|looks|looked|just|exactly|much|more|most) like))[^.;:)\n]*/gi;

/** The text with each example clause (to the end of its sentence or parenthesis) blanked out. */
export function withoutExamples(text: string): string {
  return text.replace(EXAMPLE_CLAUSE, (clause) => ' '.repeat(clause.length));
}
