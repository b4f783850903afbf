// The contents of the lazily loaded bundle, dist/core.js: everything the extension computes with —
// the core (remark, yaml, the framework data and its precompiled patterns, the rules), the
// config-file edits, and the pure authoring helpers built on the framework data. It is most of the
// extension's code, so it is not part of activation: scripts/build.mjs bundles it and `core()`
// (./loadCore) loads it on first use. Only the entry's modules that run without an analysis stay out.
export { analyze, configVocabulary, createAnalysisSession, fixUntilStable, RULES } from '../core';
export { matchesGlob } from '../core/analysis/glob';
export { CONFIG_FILE_NAMES, configFromFolder, loadNearestConfig, mergeConfigs } from '../core/config';
export { SCENARIOS } from '../core/framework/scenarios';
export { renderMarkdownReport } from '../core/report';
export { scenarioSectionInsertion } from '../core/scenario-section';
export { disableFileEdit } from '../core/suppression';
export { renderTemplate } from '../core/templates';
export { disableRuleInConfigEdit } from './configEdit';
export { allCoverageNodes, coverageOutline, coverageTree, insertedSection, insertFixFor } from './authoring/coverageTree';
export { hoverAt } from './authoring/hoverContent';
export { isMetricContext, metricCompletions } from './authoring/metricCompletion';
export { formatDuration, PracticeSession, practiceSummaryMarkdown, practiceTimerText } from './authoring/practice';
export { buildSnippets, orderedForScenario, sectionPrefixStart } from '../core/snippets';
