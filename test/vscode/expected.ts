// What the core finds in the fixture workspace (test/vscode/workspace), written down by hand from
// the fixtures: rule IDs and exact ranges ("rule line:char-line:char", 0-based).
import * as vscode from 'vscode';

export const FRAUD_DOC = 'payments-fraud-design.md';
export const README = 'README.md';
export const LEGACY_DOC = 'legacy/feed-ranking-design.md';
export const LEGACY_CONFIG = 'legacy/.mlsd.json';

export interface ExpectedFinding {
  at: string;
  severity: vscode.DiagnosticSeverity;
  /** "range message" of each related location. */
  related?: string[];
  /** An edit (replace line:start-end with text) after which the finding is gone. */
  removedBy?: { line: number; start: number; end: number; text: string };
}

const W = vscode.DiagnosticSeverity.Warning;

export const FRAUD_FINDINGS: ExpectedFinding[] = [
  { at: 'scenario-checklist/class-imbalance 6:2-6:43', severity: W },
  { at: 'scenario-checklist/hybrid-rules 6:2-6:43', severity: W },
  { at: 'missing-element/framing.baseline 8:3-8:16', severity: W },
  // "false declines" in the problem statement: named in passing, so no checklist section for it.
  { at: 'scenario-checklist/fp-fn-tradeoff 11:84-11:89', severity: W },
  {
    at: 'metric-task-mismatch 16:23-16:31',
    severity: vscode.DiagnosticSeverity.Error,
    related: ['11:0-11:12 Business metric the offline metric should serve: Fraud losses'],
    removedBy: { line: 16, start: 23, end: 31, text: 'PR-AUC' },
  },
  { at: 'no-online-metric 16:23-16:31', severity: W },
  { at: 'scenario-checklist/real-time 21:55-21:60', severity: W },
  { at: 'missing-element/data.quality 24:3-24:7', severity: W },
  { at: 'missing-element/model.baseline 39:3-39:8', severity: W },
  { at: 'missing-element/serving.rollout 44:3-44:10', severity: W },
  { at: 'missing-element/serving.scaling 44:3-44:10', severity: W },
  { at: 'production-gaps 44:3-44:10', severity: W },
  { at: 'missing-tradeoffs 44:3-44:10', severity: W },
  { at: 'missing-element/serving.monitoring 47:79-47:84', severity: W },
];

/** A rule the settings test turns off and raises to error. */
export const SETTING_RULE = 'no-online-metric';

/** One core fix of each kind in the fraud doc, and a line the fixed text must contain. */
export const CORE_FIXES = [
  {
    at: 'metric-task-mismatch 16:23-16:31',
    title: "Replace 'accuracy' with PR-AUC",
    preferred: false,
    adds: 'The model is judged on PR-AUC on a held-out month',
  },
  { at: 'missing-element/data.quality 24:3-24:7', title: "Insert a 'Data quality' section", preferred: true, adds: '## Data quality' },
  { at: 'scenario-checklist/hybrid-rules 6:2-6:43', title: 'Insert the fraud detection checklist', preferred: true, adds: 'Rules layer' },
  {
    at: 'missing-element/framing.baseline 8:3-8:16',
    title: 'Disable missing-element/framing.baseline for this line',
    preferred: false,
    adds: '<!-- mlsd-disable-next-line missing-element/framing.baseline -->\n## Business goal',
  },
];

/** The rules still reported after fix-all: none of them has a preferred fix (which metric fits is the author's choice). */
export const AFTER_FIX_ALL_RULES = [
  'metric-task-mismatch',
  'missing-element/serving.monitoring',
  'no-online-metric',
  'production-gaps',
  'scenario-checklist/fp-fn-tradeoff',
  'scenario-checklist/real-time',
  'template-residue',
];

/** The finding the suppression and config tests silence. */
export const SILENCED = 'missing-element/model.baseline 39:3-39:8';

/** The broken legacy config's located problems, and a finding the legacy doc still gets with defaults. */
export const LEGACY_CONFIG_PROBLEMS = [
  ['2:28-2:31', vscode.DiagnosticSeverity.Error, 'JSON syntax error: Unexpected character; expected a JSON value.'],
  ['3:2-3:3', vscode.DiagnosticSeverity.Error, 'JSON syntax error: Expected a value.'],
];
export const LEGACY_DEFAULT_FINDING = 'metric-task-mismatch 13:31-13:35';
