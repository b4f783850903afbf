import path from 'node:path';
import { ELEMENT_IDS, type AnalysisResult, type DesignDocModel, type Finding } from '../../src/core/types';

export const at = (line: number, character: number, endLine: number, endCharacter: number) => ({
  start: { line, character },
  end: { line: endLine, character: endCharacter },
});

export function finding(partial: Partial<Finding> & Pick<Finding, 'ruleId' | 'severity' | 'message' | 'range'>): Finding {
  return { fixes: [], related: [], ...partial };
}

/** A hand-built analysis result, for testing the formatters independently of the analysis. */
export function resultWith(findings: Finding[], model: Partial<DesignDocModel> = {}): AnalysisResult {
  return {
    model: {
      isDesignDoc: true,
      frontMatter: undefined,
      sections: [],
      scenario: { id: 'generic', source: 'default' },
      task: 'other',
      elements: ELEMENT_IDS.map((id) => ({ id, status: 'missing' })),
      scenarioItems: [],
      metrics: [],
      offlineMetric: 'none',
      pitfalls: { 'modeling-first': false, 'ignored-data': false, 'over-engineering': false, 'production-gaps': false },
      templateResidue: false,
      hiddenContent: false,
      score: 0,
      ...model,
    },
    findings,
    configErrors: [],
  };
}

export const REPO_ROOT = path.resolve(__dirname, '../..');
