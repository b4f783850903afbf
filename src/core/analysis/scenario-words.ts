// Counting the scenario detection words of a text: the segments' body counts, the headings' and the
// statement's all use it (its own module, so the statement reading can run per segment without an
// import cycle through the segment scans).
import { ADVICE, GENERIC_DETECTION, SCENARIOS } from '../framework/scenarios';
import { countMatches } from './text-scan';

const MAY_ADVISE = /recommend/i;

/** The text with the writer's advice ("we recommend...", "**Recommendation:**") blanked: it names no recommender. */
export function withoutAdvice(text: string): string {
  return MAY_ADVISE.test(text) ? text.replace(ADVICE, ' ') : text;
}

/** Adds the scenario detection words found in `text` to `counts` (scenario ID or "generic" → count). */
export function addScenarioWords(text: string, counts: Record<string, number>): void {
  text = withoutAdvice(text);
  for (const scenario of SCENARIOS) {
    const count = countMatches(scenario.detection, text);
    if (count) counts[scenario.id] = (counts[scenario.id] ?? 0) + count;
  }
  const generic = countMatches(GENERIC_DETECTION, text);
  if (generic) counts.generic = (counts.generic ?? 0) + generic;
}
