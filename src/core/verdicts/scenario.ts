// The scenario: declared in front matter or configuration, else detected from the title, else from
// the words of the whole document.
import type { LocatedFacts, SectionNode } from '../analysis/facts';
import { addScenarioWords } from '../analysis/signals';
import { SCENARIO_IDS, type ScenarioId, type ScenarioSource } from '../types';
import type { VerdictModule } from './verdict';

export const scenario: VerdictModule = { verdict: 'scenario', judge: (facts) => decideScenario(facts, facts.sections) };

function decideScenario(input: LocatedFacts, sections: readonly SectionNode[]): { id: ScenarioId; source: ScenarioSource } {
  const declared = input.frontMatter?.scenario;
  if (typeof declared === 'string' && (SCENARIO_IDS as readonly string[]).includes(declared)) return { id: declared as ScenarioId, source: 'frontmatter' };
  if (input.config.scenario) return { id: input.config.scenario, source: 'config' };

  const titleWords: Record<string, number> = {};
  const title = documentTitle(input, sections);
  if (title) addScenarioWords(title, titleWords);
  // "Search ads", "Feed ads": ads and CTR systems are the generic scenario whatever surface they serve.
  if (titleWords.generic) titleWords.generic += 0.5;
  const titleBest = best(titleWords);
  if (titleBest) return { id: titleBest as ScenarioId, source: 'detected' };

  const bodyWords: Record<string, number> = {};
  for (const words of input.scenarioWords) for (const [id, count] of Object.entries(words)) bodyWords[id] = (bodyWords[id] ?? 0) + count;
  for (const section of sections) addScenarioWords(section.title, bodyWords);
  const ranked = Object.entries(bodyWords).sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (first && first[1] >= 5 && (!second || first[1] >= second[1] * 1.5)) return { id: first[0] as ScenarioId, source: 'detected' };
  return { id: 'generic', source: 'default' };
}

function best(counts: Record<string, number>): string | undefined {
  let winner: string | undefined;
  let top = 0;
  for (const [id, count] of Object.entries(counts)) {
    if (count > top) {
      top = count;
      winner = id;
    }
  }
  return winner;
}

/** The declared title and the first heading when it is the document's title. */
export function documentTitle(input: LocatedFacts, sections: readonly SectionNode[]): string | undefined {
  const declared = input.frontMatter?.title;
  const first = sections[0];
  const heading = first && (first.depth === 1 || first.segment <= 1) ? first.title : undefined;
  return [typeof declared === 'string' ? declared : undefined, heading].filter(Boolean).join(' ') || undefined;
}
