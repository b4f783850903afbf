// The scenario: declared in front matter or configuration, else what the title or the opening
// states (analysis/scenario-statement.ts), else what a goal, problem or overview section states it
// builds, else the learned verdict (learned/scenario-model.ts) over where the scenario words are:
// the title and the opening, the headings, the body.
import type { LocatedFacts, SectionNode } from '../analysis/facts';
import { clearWinner, statedScenario, statementCounts } from '../analysis/scenario-statement';
import { STATEMENT_HEADINGS } from '../framework/scenarios';
import { addScenarioWords } from '../analysis/signals';
import { SCENARIO_MODEL, scenarioVerdict, type ScenarioCues } from '../learned/scenario-model';
import { SCENARIO_IDS, type ScenarioId, type ScenarioSource } from '../types';
import type { VerdictModule } from './verdict';

export const scenario: VerdictModule = { verdict: 'scenario', judge: (facts) => decideScenario(facts, facts.sections) };

/** The body must name a scenario this many times, half again as often as the next, for the word counts to name it. */
const COUNTED_AT_LEAST = 5;
const COUNTED_LEAD = 1.5;

function decideScenario(input: LocatedFacts, sections: readonly SectionNode[]): { id: ScenarioId; source: ScenarioSource } {
  const declared = input.frontMatter?.scenario;
  if (typeof declared === 'string' && (SCENARIO_IDS as readonly string[]).includes(declared))
    return { id: declared as ScenarioId, source: 'frontmatter' };
  if (input.config.scenario) return { id: input.config.scenario, source: 'config' };
  const cues = scenarioCues(input, sections);
  // What the title or the opening says is designed is what the labellers read (right on 115 of the
  // 119 train and dev docs that state one); the model decides the docs that state none, where word
  // counts used to, and a short doc's few words cannot talk it out of a statement. Before the model,
  // a design sentence under the goals states what the opening did not (26 of the 27 train and dev
  // docs where both state one agree with the gold label).
  const id = scenarioVerdict(SCENARIO_MODEL, cues);
  const named = [cues.title, cues.opening, cues.headings, cues.body].some((counts) => Object.keys(counts).length > 0);
  return { id, source: named ? 'detected' : 'default' };
}

/** Where the document names each scenario, and what the hand reading makes of it. */
export function scenarioCues(input: LocatedFacts, sections: readonly SectionNode[]): ScenarioCues {
  const statement = statementCounts(input, documentTitle(input, sections));
  const body: Record<string, number> = {};
  for (const words of input.scenarioWords) for (const [id, count] of Object.entries(words)) body[id] = (body[id] ?? 0) + count;
  const headings: Record<string, number> = {};
  // One scan over all the titles, a line each (no detection word spans a line break): a scan per
  // title costs more than the scanning, and this runs on every keystroke.
  const titles = sections.map((section) => section.title);
  addScenarioWords(titles.join('\n'), headings);
  let wordCount = 0;
  for (const segment of input.segments) wordCount += segment.words;
  return {
    title: statement.title,
    stating: statement.stating,
    opening: statement.opening,
    headings,
    body,
    wordCount,
    stated: statedScenario(statement),
    goalStated: clearWinner(goalStatements(input, sections)),
    counted: countedScenario(body, headings),
  };
}

/**
 * The scenario words of the design sentences ("we build a recommender that...") in the sections
 * under a goal, problem or overview heading. The title is no such heading ("Project overview" holds
 * the whole document). Sections come parents first, so whether an ancestor is one is known in one pass.
 */
function goalStatements(input: LocatedFacts, sections: readonly SectionNode[]): Record<string, number> {
  const counts: Record<string, number> = {};
  const underGoal = new Set<SectionNode>();
  const title = titleSection(sections);
  for (const section of sections) {
    if (section === title) continue;
    if (!(section.parent && underGoal.has(section.parent)) && !STATEMENT_HEADINGS.test(section.title)) continue;
    underGoal.add(section);
    for (const [id, count] of Object.entries(input.designStatements[section.segment] ?? {})) counts[id] = (counts[id] ?? 0) + count;
  }
  return counts;
}

/** The scenario the body and headings name most, when they name it often and clearly more than any other. */
function countedScenario(body: Readonly<Record<string, number>>, headings: Readonly<Record<string, number>>): ScenarioId | undefined {
  const totals: Record<string, number> = { ...body };
  for (const [id, count] of Object.entries(headings)) totals[id] = (totals[id] ?? 0) + count;
  const [first, second] = Object.entries(totals).sort((a, b) => b[1] - a[1]);
  return first && first[1] >= COUNTED_AT_LEAST && (!second || first[1] >= second[1] * COUNTED_LEAD) ? (first[0] as ScenarioId) : undefined;
}

/** The declared title and the first heading when it is the document's title. */
export function documentTitle(input: LocatedFacts, sections: readonly SectionNode[]): string | undefined {
  const declared = input.frontMatter?.title;
  const heading = titleSection(sections)?.title;
  return [typeof declared === 'string' ? declared : undefined, heading].filter(Boolean).join(' ') || undefined;
}

/** The first heading when it is the document's title. */
function titleSection(sections: readonly SectionNode[]): SectionNode | undefined {
  const first = sections[0];
  return first && (first.depth === 1 || first.segment <= 1) ? first : undefined;
}
