// The scenario: declared in front matter or configuration, else what the title and the opening state
// (analysis/scenario-statement.ts), else the words of the whole document.
import type { LocatedFacts, SectionNode } from '../analysis/facts';
import { statedScenario } from '../analysis/scenario-statement';
import { addScenarioWords } from '../analysis/signals';
import { SCENARIO_IDS, type ScenarioId, type ScenarioSource } from '../types';
import type { VerdictModule } from './verdict';

export const scenario: VerdictModule = { verdict: 'scenario', judge: (facts) => decideScenario(facts, facts.sections) };

function decideScenario(input: LocatedFacts, sections: readonly SectionNode[]): { id: ScenarioId; source: ScenarioSource } {
  const declared = input.frontMatter?.scenario;
  if (typeof declared === 'string' && (SCENARIO_IDS as readonly string[]).includes(declared))
    return { id: declared as ScenarioId, source: 'frontmatter' };
  if (input.config.scenario) return { id: input.config.scenario, source: 'config' };

  // What the title and the opening say the document designs outranks word counts across it.
  const stated = statedScenario(input, documentTitle(input, sections));
  if (stated) return { id: stated, source: 'detected' };

  const bodyWords: Record<string, number> = {};
  for (const words of input.scenarioWords) for (const [id, count] of Object.entries(words)) bodyWords[id] = (bodyWords[id] ?? 0) + count;
  for (const section of sections) addScenarioWords(section.title, bodyWords);
  const ranked = Object.entries(bodyWords).sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (first && first[1] >= 5 && (!second || first[1] >= second[1] * 1.5)) return { id: first[0] as ScenarioId, source: 'detected' };
  return { id: 'generic', source: 'default' };
}

/** The declared title and the first heading when it is the document's title. */
export function documentTitle(input: LocatedFacts, sections: readonly SectionNode[]): string | undefined {
  const declared = input.frontMatter?.title;
  const first = sections[0];
  const heading = first && (first.depth === 1 || first.segment <= 1) ? first.title : undefined;
  return [typeof declared === 'string' ? declared : undefined, heading].filter(Boolean).join(' ') || undefined;
}
