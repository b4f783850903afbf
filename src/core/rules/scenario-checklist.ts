import { checklistInsertion } from '../fixes/insert';
import { CHECKLIST_ITEMS, checklistItemSpec, scenarioSpec, type ChecklistItemSpec } from '../framework/scenarios';
import { describeGap } from '../coverage-gaps';
import type { CoverageGap, Range } from '../types';
import type { Rule, RuleReport } from './rule';

export const scenarioChecklist: Rule = {
  id: 'scenario-checklist',
  defaultSeverity: 'warning',
  description: "Each checklist item of the document's scenario (and any the configuration requires) must be addressed.",
  subIds: CHECKLIST_ITEMS.map((item) => item.id.split('/')[1]!),
  check(facts) {
    const gaps: { spec: ChecklistItemSpec; status: string; evidence?: Range; gap?: CoverageGap }[] = [];
    for (const [id, fact] of facts.items) {
      const spec = checklistItemSpec(id);
      if (!spec || fact.status === 'present' || fact.residueOnly) continue;
      gaps.push(
        fact.evidence && fact.status === 'partial'
          ? { spec, status: fact.status, evidence: fact.evidence, ...(fact.gap ? { gap: fact.gap } : {}) }
          : { spec, status: fact.status },
      );
    }
    if (gaps.length === 0) return [];
    // An item whose section is already there (a checklist inserted before, its prompts unanswered)
    // gets no second one: inserting it again would not clear the finding, and fix-all would loop.
    const missing = gaps
      .filter((gap) => gap.status === 'missing' && !facts.sections.some((section) => section.items.has(gap.spec.id)))
      .map((gap) => gap.spec);
    const scenario = facts.model.scenario.id;
    const anchor: Range = facts.sections[0]?.headingRange ?? {
      start: { line: 0, character: 0 },
      end: { line: 0, character: (facts.lines[0] ?? '').length },
    };
    const insertion = missing.length
      ? checklistInsertion(facts, scenario === 'generic' ? missing[0]!.scenario : scenario, missing)
      : undefined;
    return gaps.map((gap): RuleReport => {
      const owner = scenarioSpec(gap.spec.scenario)?.title.toLowerCase() ?? gap.spec.scenario;
      const report: RuleReport = {
        sub: gap.spec.id.split('/')[1]!,
        subject: { kind: 'item', id: gap.spec.id },
        message:
          gap.status === 'missing'
            ? `Missing: ${gap.spec.title.toLowerCase()} (${owner} checklist) — ${gap.spec.expectation}`
            : `Partial: ${gap.spec.title.toLowerCase()} (${owner} checklist) — ${describeGap(gap.gap ?? 'passing-mention')}; needs ${gap.spec.expectation}`,
        range: gap.evidence ?? anchor,
      };
      if (gap.status === 'missing' && insertion)
        report.fixes = [{ kind: 'insert-section', title: `Insert the ${owner} checklist`, edits: [insertion], isPreferred: true }];
      return report;
    });
  },
};
