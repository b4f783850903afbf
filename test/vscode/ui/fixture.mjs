// The finding the UI tests look at: the metric "accuracy" in the fraud fixture (line 17, column 24,
// as people count), an error with a preferred fix.
export const DOC = 'payments-fraud-design.md';
export const METRIC_PROBLEM = 'Misaligned metric: Accuracy does not fit an imbalanced classification task';
export const METRIC_LINE = 17;
export const METRIC_COLUMN = 24;
export const METRIC_FIX = "Replace 'accuracy' with PR-AUC";
export const FIXED_TEXT = 'The model is judged on PR-AUC on a held-out month';
