// Deterministic generator of realistic ML system design docs for the benchmarks. The same seed
// and size always give the same text, so numbers from different runs and machines compare.
// The section texts are written for this bench: framing with metrics, data pipeline, features,
// model, training, evaluation tables, serving, monitoring, trade-offs, with code fences, tables
// and lists, and each repetition varies numbers, names and order.

/** mulberry32: small, fast, and good enough to vary text. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Vary {
  pick<T>(items: readonly T[]): T;
  int(min: number, max: number): number;
  shuffle<T>(items: readonly T[]): T[];
}

function vary(random: () => number): Vary {
  return {
    pick: (items) => items[Math.floor(random() * items.length)]!,
    int: (min, max) => min + Math.floor(random() * (max - min + 1)),
    shuffle: (items) => {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [copy[i], copy[j]] = [copy[j]!, copy[i]!];
      }
      return copy;
    },
  };
}

const PRODUCTS = ['marketplace', 'video app', 'payments platform', 'news feed', 'job board', 'food delivery app', 'travel search'];
const REGIONS = ['EU', 'US', 'LATAM', 'APAC', 'India', 'Nordics'];
const TEAMS = ['Discovery', 'Risk', 'Trust & Safety', 'Search Quality', 'Growth', 'Ads Ranking'];
const STORES = ['BigQuery', 'S3 + Parquet', 'Snowflake', 'HDFS', 'Delta Lake'];
const STREAMS = ['Kafka', 'Kinesis', 'Pub/Sub', 'Pulsar'];
const MODELS = ['LightGBM', 'XGBoost', 'a two-tower network', 'a DCN-v2 ranker', 'logistic regression', 'a small transformer encoder'];

type SectionWriter = (v: Vary, n: number) => string[];

const framing: SectionWriter = (v, n) => {
  const product = v.pick(PRODUCTS);
  const lift = v.int(2, 9);
  const latency = v.pick([30, 50, 80, 120, 150]);
  return [
    `## ${n}. Problem framing and success criteria`,
    '',
    `The ${v.pick(TEAMS)} team owns ranking for the ${product} in ${v.pick(REGIONS)}. Today the list is ordered by`,
    `a popularity heuristic refreshed every ${v.int(2, 24)} hours, which ignores what each user has already seen and`,
    `over-exposes the top ${v.int(1, 5)}% of items. We want to raise gross order value per session by ${lift}% without`,
    'hurting the share of sessions that end with a complaint or a refund.',
    '',
    '### Business and model metrics',
    '',
    `- **Business metric:** gross order value per session, measured weekly; target +${lift}% over the heuristic.`,
    `- **Model metric:** NDCG@${v.pick([5, 10, 20])} on held-out sessions, because the order of the first screen drives clicks`,
    '  and clicks drive orders; we checked that offline NDCG moved with order value in the last two launches.',
    `- **Guardrail:** refund rate must stay under ${v.int(2, 6)}.${v.int(0, 9)}%; p99 latency under ${latency} ms.`,
    '',
    '### Constraints',
    '',
    `Online prediction inside the request path, p99 budget ${latency} ms for the whole ranking call, about`,
    `${v.int(2, 40)}k requests per second at peak. Batch scoring is acceptable for the candidate pool, refreshed every`,
    `${v.int(10, 60)} minutes. We do not use accuracy: the positive class is ${v.int(1, 9)}% of impressions and a model that`,
    'predicts "no click" everywhere would look excellent.',
    '',
  ];
};

const dataPipeline: SectionWriter = (v, n) => {
  const store = v.pick(STORES);
  const stream = v.pick(STREAMS);
  const days = v.int(30, 180);
  return [
    `## ${n}. Data pipeline`,
    '',
    '### Sources and labels',
    '',
    ...v.shuffle([
      `- Impression and click logs from the ${v.pick(PRODUCTS)} clients, ${v.int(50, 900)}M events a day.`,
      `- Orders and refunds from the transactions database, joined on session id with a ${v.int(1, 14)}-day label delay.`,
      '- Item catalogue snapshots (price, category, seller rating) taken every night.',
      `- Human relevance judgements for ${v.int(2, 20)}k query-item pairs, refreshed each quarter.`,
    ]),
    '',
    '### Ingestion and storage',
    '',
    `Client events arrive through ${stream} and land in ${store} in hourly partitions. A daily job joins them with`,
    `orders and writes training examples for the last ${days} days. The same feature definitions feed the online`,
    'store, so training and serving read one code path and we avoid training-serving skew.',
    '',
    '```text',
    `clients -> ${stream} -> stream processor -> ${store} (raw, hourly)`,
    '                                      \\-> online feature store (Redis)',
    `${store} -> daily join job -> training set (${days} days) -> trainer`,
    '```',
    '',
    '### Data quality',
    '',
    `Bots are removed with the existing rules (more than ${v.int(100, 500)} events a minute). Duplicated events are`,
    'collapsed on (user, item, timestamp). Labels arrive late: an order can follow a click by days, so the',
    `newest ${v.int(1, 7)} days are excluded from training. Great Expectations checks null rates and ranges on every`,
    'partition and blocks the training job when a check fails.',
    '',
  ];
};

const features: SectionWriter = (v, n) => {
  const rows = v
    .shuffle([
      ['User', 'past orders by category, recency, device', 'batch (daily)'],
      ['Item', 'price band, rating, stock, age', 'batch (hourly)'],
      ['Context', 'hour of day, location, query text', 'request time'],
      ['Cross', 'user-category affinity, seen-before flag', 'streaming (minutes)'],
      ['Seller', 'cancellation rate, response time', 'batch (daily)'],
    ])
    .slice(0, v.int(3, 5));
  return [
    `## ${n}. Features`,
    '',
    'Feature families and where each is computed:',
    '',
    '| Family | Examples | Computed |',
    '| --- | --- | --- |',
    ...rows.map((row) => `| ${row.join(' | ')} |`),
    '',
    `Streaming features are computed by a ${v.pick(STREAMS)} consumer and written to the online store with a`,
    `freshness target of ${v.int(1, 15)} minutes. Batch features are materialised by the same definitions in the`,
    'feature store so that offline and online values match; a nightly job compares a sample of both.',
    '',
  ];
};

const model: SectionWriter = (v, n) => {
  const chosen = v.pick(MODELS);
  return [
    `## ${n}. Model`,
    '',
    '### Baseline',
    '',
    `The baseline is logistic regression on ${v.int(20, 80)} hand-picked features. It is cheap, interpretable and`,
    `already beats the popularity heuristic by ${v.int(1, 4)}.${v.int(0, 9)}% NDCG offline.`,
    '',
    '### Chosen model',
    '',
    `We move to ${chosen} only where the baseline plateaus. Candidate generation uses a two-tower model with`,
    `approximate nearest neighbour search (${v.pick(['HNSW', 'ScaNN', 'FAISS IVF'])}) to get ${v.int(200, 1000)} candidates; the`,
    `ranker scores them within ${v.int(10, 40)} ms on CPU. A deeper network was ${v.int(1, 3)}% better offline but doubled`,
    'latency, so it is kept for a later iteration.',
    '',
    '```python',
    'def rank(user, candidates, model, k=50):',
    '    features = build_features(user, candidates)',
    '    scores = model.predict(features)',
    `    return top_k(candidates, scores, k=${v.pick([20, 50, 100])})`,
    '```',
    '',
  ];
};

const training: SectionWriter = (v, n) => [
  `## ${n}. Training`,
  '',
  `We retrain offline every ${v.pick(['day', 'week', 'two days'])} on a time-based split: the last ${v.int(3, 14)} days are`,
  'validation, the ones before are training, never a random split, because random splits leak future',
  `behaviour. Negatives are down-sampled to ${v.int(5, 25)}% and the loss is re-weighted so that calibrated`,
  'probabilities survive the sampling.',
  '',
  ...v
    .shuffle([
      `1. Build the training set for the window ending yesterday (${v.int(40, 400)}M rows).`,
      '2. Train with early stopping on the validation days.',
      '3. Compare with the production model on the same validation days; stop if worse.',
      '4. Register the model with its data snapshot and feature versions.',
    ])
    .map((line, index) => line.replace(/^\d\./, `${index + 1}.`)),
  '',
];

const evaluation: SectionWriter = (v, n) => {
  const base = v.int(300, 380) / 1000;
  return [
    `## ${n}. Evaluation`,
    '',
    '### Offline',
    '',
    '| Model | NDCG@10 | Recall@50 | MRR | Latency p99 |',
    '| --- | ---: | ---: | ---: | ---: |',
    `| Popularity | ${base.toFixed(3)} | ${(base + 0.2).toFixed(3)} | ${(base - 0.05).toFixed(3)} | 2 ms |`,
    `| Logistic regression | ${(base + 0.03).toFixed(3)} | ${(base + 0.24).toFixed(3)} | ${(base - 0.02).toFixed(3)} | ${v.int(3, 8)} ms |`,
    `| GBDT | ${(base + 0.05).toFixed(3)} | ${(base + 0.27).toFixed(3)} | ${base.toFixed(3)} | ${v.int(8, 20)} ms |`,
    `| Two-tower + GBDT | ${(base + 0.06).toFixed(3)} | ${(base + 0.31).toFixed(3)} | ${(base + 0.01).toFixed(3)} | ${v.int(20, 45)} ms |`,
    '',
    'We report slices by new versus returning users and by category, since the average hides the',
    'cold-start segment where the baseline is weakest.',
    '',
    '### Online',
    '',
    `A/B test on ${v.int(1, 10)}% of traffic for ${v.int(1, 4)} weeks. Primary metric: order value per session. Guardrails:`,
    'refund rate, latency, share of sessions with zero clicks.',
    '',
  ];
};

const serving: SectionWriter = (v, n) => [
  `## ${n}. Serving`,
  '',
  `The model runs in a separate model server (${v.pick(['Triton', 'TorchServe', 'a Go service with ONNX Runtime', 'KServe'])}) behind the ranking API,`,
  `so the app and the model deploy independently. Models come from the registry by version. Rollout is a`,
  `canary at ${v.int(1, 5)}% for ${v.int(1, 3)} days, then the A/B test; rollback is one config change to the previous version.`,
  '',
  '```yaml',
  'ranking-service:',
  `  replicas: ${v.int(4, 40)}`,
  `  model: ranker@${v.int(1, 30)}.${v.int(0, 9)}`,
  `  timeout_ms: ${v.pick([40, 60, 80, 100])}`,
  '  fallback: popularity',
  '```',
  '',
  `Caching: the candidate list per user is cached for ${v.int(5, 30)} minutes. When the model server is slow or down,`,
  'the API falls back to the popularity list, so the page always renders.',
  '',
];

const monitoring: SectionWriter = (v, n) => [
  `## ${n}. Monitoring`,
  '',
  ...v.shuffle([
    `- Input drift: population stability index on the top ${v.int(10, 30)} features, alert above 0.${v.int(1, 3)}.`,
    `- Live performance: click-through and order rate per ${v.pick(['hour', 'day'])}, compared with the control.`,
    '- Serving health: p50/p99 latency, error rate, fallback rate, alerting to the on-call channel.',
    '- Feature freshness: age of the newest streaming feature value, alert after 30 minutes.',
    '- Prediction logs are sampled and joined with outcomes for the next training run.',
  ]),
  '',
];

const tradeoffs: SectionWriter = (v, n) => [
  `## ${n}. Trade-offs`,
  '',
  `- **Latency vs accuracy:** the deeper ranker is ${v.int(1, 3)}% better offline but costs ${v.int(20, 60)} ms; we keep GBDT.`,
  '- **Online vs batch:** batch candidates are cheaper but miss same-session intent; we add streaming features.',
  '- **Complexity vs interpretability:** GBDT with feature importances is easier to debug than a deep model,',
  '  which matters while the team is small.',
  `- **Freshness vs cost:** hourly retraining would add ${v.int(5, 20)}% more compute for an estimated +0.${v.int(1, 5)}% NDCG.`,
  '',
];

const openQuestions: SectionWriter = (v, n) => [
  `## ${n}. Open questions`,
  '',
  `> Should sellers with fewer than ${v.int(5, 50)} orders get a boost while their rating is still noisy?`,
  '',
  `- [ ] Agree the refund-rate guardrail with the ${v.pick(TEAMS)} team.`,
  `- [x] Confirm the label delay with finance (${v.int(3, 14)} days).`,
  '- [ ] Decide whether to log full candidate lists or a sample.',
  '',
  '<!-- reviewers: add comments below this line -->',
  '',
];

const SECTION_WRITERS: SectionWriter[] = [
  framing,
  dataPipeline,
  features,
  model,
  training,
  evaluation,
  serving,
  monitoring,
  tradeoffs,
  openQuestions,
];

const ASIDES = [
  'The numbers come from the last full quarter of traffic and were checked by the analytics team.',
  'We will revisit this after the first month of the experiment, when the label delay has settled.',
  'This follows what the previous launch review asked for and keeps the on-call load unchanged.',
  'Where this conflicts with the platform defaults, the platform team has agreed to the exception.',
  'A short write-up of the alternatives we rejected is linked from the appendix of the review.',
];

/**
 * Real docs keep a paragraph on one long line more often than they wrap it. Joins consecutive
 * prose lines outside code fences and adds an aside, so lines have a realistic length.
 */
function unwrapProse(lines: string[], v: Vary): string[] {
  const out: string[] = [];
  let inFence = false;
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length > 0) out.push([...paragraph, v.pick(ASIDES)].join(' '));
    paragraph = [];
  };
  for (const line of lines) {
    const isFence = line.startsWith('```');
    if (isFence) inFence = !inFence;
    if (!inFence && !isFence && /^[A-Za-z0-9"]/.test(line) && !/^\d+\. /.test(line)) {
      paragraph.push(line);
      continue;
    }
    flush();
    out.push(line);
  }
  flush();
  return out;
}

/**
 * A design doc of exactly `lines` lines (counting the text split on "\n"). It opens with front
 * matter and a title, then the framework's sections in order, repeated with variations as the
 * design of one component after another, so large docs look like real large docs.
 */
export function generateDesignDoc(lines: number, seed = 1): string {
  const v = vary(createRandom(seed));
  const out: string[] = [
    '---',
    'title: Ranking for the marketplace home page',
    'scenario: recommendation',
    'owner: discovery-team',
    '---',
    '',
    '# Home page ranking: design',
    '',
  ];
  let sectionNumber = 1;
  let writerIndex = 0;
  for (;;) {
    const section = unwrapProse(SECTION_WRITERS[writerIndex % SECTION_WRITERS.length]!(v, sectionNumber), v);
    if (out.length + section.length > lines) break;
    out.push(...section);
    sectionNumber++;
    writerIndex++;
  }
  // Fill the last few lines with prose so every size is exact and no fence is left open.
  while (out.length < lines) {
    out.push(`Note ${out.length}: figures above are from the ${v.pick(REGIONS)} launch review and will be refreshed.`);
  }
  return out.join('\n');
}

/** The offset of the middle of the doc's middle line that holds prose, for the one-character edit. */
export function middleEditOffset(text: string): number {
  const lines = text.split('\n');
  let offset = 0;
  const middle = Math.floor(lines.length / 2);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (i >= middle && /^[A-Za-z]/.test(line) && line.length > 10) return offset + Math.floor(line.length / 2);
    offset += line.length + 1;
  }
  return Math.floor(text.length / 2);
}
