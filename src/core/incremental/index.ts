// Incremental analysis: one session per open document, re-analysing only the segments an edit changed.
export { applyTextEdit, createAnalysisSession } from './session';
export type { AnalysisSession, SliceOptions } from './session';
