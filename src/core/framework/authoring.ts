// Data that only the authoring aids (snippets, "Insert scenario section…") need and that the
// analysis does not: the classic trade-offs a design doc should decide explicitly (FRAMEWORK.md,
// element `tradeoffs`). Owned by the authoring engineer; kept apart from the analysis data.

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
