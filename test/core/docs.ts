// Small inline design docs for rule tests. COMPLETE covers every element with real content and
// yields no findings; tests derive variants by replacing or dropping one of its sections.

export const FRONT = '---\nmlsd: true\nscenario: generic\n---\n';

export const SECTIONS = {
  goal: '## Business goal\n\nGrow gross order value per user by 3% this quarter; today it is flat.\n',
  modelMetric: '## Model metric\n\nNDCG@10 on held-out sessions drives order value, because the first screen gets most orders.\n',
  baseline: "## Current solution\n\nToday items are sorted by popularity in the user's city, a heuristic we must beat.\n",
  constraints: '## Constraints\n\nLatency under 100 ms at p99 for online prediction, 5,000 requests per second at peak.\n',
  sources: "## Data sources\n\nLabels come from purchase logs; impressions come from the app's event logs.\n",
  ingestion: '## Ingestion\n\nEvents stream through Kafka into the data lake; a daily batch job builds training tables.\n',
  quality:
    '## Data quality\n\nWe deduplicate retried events, check the schema on every batch and join features point-in-time to avoid leakage.\n',
  features: '## Features\n\nUser features (purchase history), item features (price, category) and context features (time of day).\n',
  computation:
    '## Feature computation\n\nHistory aggregates are recomputed daily in batch; session features are computed in real time in the feature store.\n',
  simpleModel: '## Baseline model\n\nWe start with a GBDT ranker as the baseline model because it is simple and interpretable.\n',
  selection:
    '## Model selection\n\nWe choose a two-tower retrieval model followed by the GBDT ranker, because 20M items need fast retrieval.\n',
  training: '## Training\n\nDaily retraining on a time-based split: train on 28 days, validate on the next day.\n',
  evaluation: '## Evaluation\n\nOffline metrics: NDCG@10 and Recall@100 on the held-out day.\n',
  serving: '## Serving\n\nA model server separate from the feed service loads versions from the model registry.\n',
  rollout: '## Rollout\n\nAn A/B test on 5% of users with order value as the online metric; rollback is a flag.\n',
  monitoring: '## Monitoring\n\nWe monitor feature drift and live CTR, with alerts to the on-call team.\n',
  scaling: '## Scaling\n\nCandidates are cached for ten minutes; if the ranker fails we fall back to the popularity list.\n',
  tradeoffs: '## Trade-offs\n\nLatency vs accuracy: a two-stage funnel instead of scoring every item.\n',
} as const;

export type SectionKey = keyof typeof SECTIONS;

export function doc(replace: Partial<Record<SectionKey, string>> = {}, { title = '# Shop feed ranking\n', front = FRONT } = {}): string {
  const parts = Object.entries(SECTIONS)
    .map(([key, text]) => (key in replace ? replace[key as SectionKey]! : text))
    .filter((text) => text !== '');
  return `${front}\n${title}\n${parts.join('\n')}`;
}

export const COMPLETE = doc();
