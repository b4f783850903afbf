import { isOfflineMetricNamed } from '../verdicts/metric-roles';
import type { Rule } from './rule';

export const noOnlineMetric: Rule = {
  id: 'no-online-metric',
  defaultSeverity: 'warning',
  description: 'Offline metrics need an online (A/B) metric that shows the model moves the business outcome in production.',
  check(facts) {
    // A quality named in passing ("improve retrieval accuracy") is no offline metric to pair with an
    // online one, unless the offline verdict reads it as the doc's headline metric.
    const offline = facts.metrics.filter((metric) => isOfflineMetricNamed(metric) || metric === facts.headline);
    if (offline.length === 0) return [];
    if (facts.onlineMetric) return [];
    const first = facts.headline ?? offline[0]!;
    return [
      {
        subject: { kind: 'document' },
        message: `No online metric, only offline ones (${[...new Set(offline.map((metric) => metric.name))].slice(0, 3).join(', ')}) — add an A/B-tested metric such as CTR, conversion rate or losses prevented`,
        range: first.range,
      },
    ];
  },
};
