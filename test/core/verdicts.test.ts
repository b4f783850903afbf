// The verdict modules run in list order, each reading only the verdicts of the modules above it;
// the list comments say what each reads, this test keeps them honest on every fixture design doc.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { locateFacts } from '../../src/core/analysis/locate';
import { segmentDocumentSteps } from '../../src/core/analysis/segments';
import { computeSegmentSignals } from '../../src/core/analysis/signals';
import { runSteps, type Steps } from '../../src/core/analysis/steps';
import { analyze } from '../../src/core/analyze';
import { PITFALLS } from '../../src/core/framework/pitfalls';
import { VERDICT_MODULES, type Verdicts } from '../../src/core/verdicts';

const docs = path.resolve(__dirname, '../fixtures/docs');

function locatedFactsOf(text: string) {
  const { lines, segments, wrapper, swallowing } = runSteps(segmentDocumentSteps(text));
  const signals = segments.map((segment) => computeSegmentSignals(segment.text));
  return runSteps(
    locateFacts({
      text,
      lines,
      segments,
      signals,
      config: {},
      frontMatter: undefined,
      headingReadings: new Map(),
      ...(wrapper ? { wrapper } : {}),
      ...(swallowing ? { swallowing } : {}),
    }),
  );
}

describe('verdict modules', () => {
  for (const file of fs.readdirSync(docs).filter((name) => name.endsWith('.md'))) {
    it(`read only the verdicts judged before them (${file})`, () => {
      const facts = locatedFactsOf(fs.readFileSync(path.join(docs, file), 'utf8'));
      const judged: Partial<Record<keyof Verdicts, unknown>> = {};
      for (const module of VERDICT_MODULES) {
        const before = new Proxy(judged, {
          get(target, key) {
            assert.ok(key in target, `${module.verdict} reads '${String(key)}', which is judged after it`);
            return target[key as keyof Verdicts];
          },
        }) as Verdicts;
        judged[module.verdict] =
          'judgeInSteps' in module ? runSteps(module.judgeInSteps(facts, before) as Steps<unknown>) : module.judge(facts, before);
      }
      assert.deepEqual(Object.keys(judged).sort(), VERDICT_MODULES.map((module) => module.verdict).sort());
    });
  }

  it('judge each verdict once', () => {
    const verdicts = VERDICT_MODULES.map((module) => module.verdict);
    assert.equal(new Set(verdicts).size, verdicts.length);
  });
});

describe('pitfalls rest on the elements their spec names', () => {
  const productionGaps = PITFALLS.find((pitfall) => pitfall.id === 'production-gaps')!;
  const base = [
    '# Checkout fraud scoring',
    '## Business objective\nCut chargeback losses by 20% within two quarters while keeping the false decline rate under 1% of good orders.',
    '## Data sources\nPayment events from the checkout service, chargeback labels from the acquirer with a 60-day delay, device fingerprints.',
    '## Model\nGradient-boosted trees on transaction, velocity and device features, compared with the current rules engine as the baseline.',
    '## Evaluation\nPR-AUC on a time-based holdout of the last month, and recall at a 1% false decline rate.',
    // A doc complete beside its production part: a thin one with a production gap is one the corpus's
    // labellers mostly flag, so the learned verdict sits near its threshold there.
    '## Features\nVelocity counts per card and device over 1 hour and 24 hours, computed in the streaming job and served from the online store.',
    '## Data quality\nSchema and range checks on every batch; labels joined only after the 60-day chargeback window closes, so no leakage.',
    '## Training\nRetrained weekly on a rolling 12-month window, split by time: the last month is held out.',
  ].join('\n\n');
  const sections: Record<string, string> = {
    'framing.constraints': '## Constraints\nScoring must answer within 50 ms at p99 on 2,000 requests per second at peak.',
    'serving.monitoring':
      '## Monitoring\nDashboards for score drift, feature freshness and the daily chargeback rate, with alerts to the on-call.',
    'serving.rollout': '## Rollout\nShadow mode for two weeks, then a 5% canary with automatic rollback when the decline rate jumps.',
    'serving.scaling': '## Scaling\nStateless scoring pods behind the gateway, autoscaled on request rate, with a rules-only fallback.',
  };

  it('production-gaps fires when two of them are not covered, and not when one is', () => {
    const [first, second] = productionGaps.restsOn;
    const withAllBut = (left: readonly string[]): string =>
      [base, ...productionGaps.restsOn.filter((id) => !left.includes(id)).map((id) => sections[id]!)].join('\n\n');
    assert.equal(analyze(withAllBut([first!])).model.pitfalls['production-gaps'], false);
    assert.equal(analyze(withAllBut([first!, second!])).model.pitfalls['production-gaps'], true);
  });
});
