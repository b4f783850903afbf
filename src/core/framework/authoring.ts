// Data for the authoring aids (snippets, "Insert scenario section…"): the classic trade-offs a
// design doc should decide explicitly (the `tradeoffs` element) and the tables the
// snippets write. The analysis reads the tables too: a cell that still holds its prompt is template
// residue, never content, so one home says both what a snippet writes and what is left unfilled.

export interface TradeoffAxis {
  /** "X vs Y", as the row label of the trade-off table. */
  axis: string;
  /** The usual two sides, offered as a choice. */
  options: readonly [string, string];
}

export const TRADEOFF_AXES: readonly TradeoffAxis[] = [
  { axis: 'Latency vs accuracy', options: ['lower latency', 'higher accuracy'] },
  { axis: 'Online vs batch prediction', options: ['online prediction', 'batch prediction'] },
  { axis: 'Complexity vs interpretability', options: ['a more complex model', 'an interpretable model'] },
  { axis: 'Feature freshness vs cost', options: ['real-time features', 'batch features'] },
];

/** A table a snippet writes: its header, and the prompt text each row leaves in a cell to type over. */
export interface TableTemplate {
  header: readonly string[];
  /** Cell prompts; a row holding one of them is unfilled. */
  prompts: readonly string[];
}

export const TRADEOFF_TABLE = {
  header: ['Trade-off', 'We choose', 'What it costs', 'Why it is worth it'],
  costPrompt: 'cost',
  reasonPrompt: 'reason',
} as const;

/** The rows of the metric table: its kind, and the prompt in its target cell. */
export const METRIC_TABLE = {
  header: ['Kind', 'Metric', 'Target', 'Why'],
  rows: [
    { kind: 'Offline', targetPrompt: 'target vs baseline' },
    { kind: 'Online (A/B)', targetPrompt: 'expected lift' },
    { kind: 'Guardrail', targetPrompt: 'must not get worse than' },
  ],
  whyPrompt: 'why it fits the goal',
} as const;

export const TABLE_TEMPLATES: readonly TableTemplate[] = [
  { header: TRADEOFF_TABLE.header, prompts: [TRADEOFF_TABLE.costPrompt, TRADEOFF_TABLE.reasonPrompt] },
  { header: METRIC_TABLE.header, prompts: [...METRIC_TABLE.rows.map((row) => row.targetPrompt), METRIC_TABLE.whyPrompt] },
];
