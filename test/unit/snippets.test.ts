import assert from 'node:assert/strict';
import { ELEMENTS, PARTS } from '../../src/core/framework/elements';
import { SCENARIOS } from '../../src/core/framework/scenarios';
import { renderChecklistSkeleton, renderElementSkeleton, renderTemplate } from '../../src/core/templates';
import {
  buildSnippets,
  escapeSnippetChoice,
  escapeSnippetText,
  fittingMetrics,
  metricTableSnippet,
  orderedForScenario,
  scenarioSnippet,
  sectionPrefixStart,
  skeletonToSnippet,
} from '../../src/core/snippets';
import { metricNamePattern } from '../../src/vscode/authoring/grammarPatterns';

/** What a snippet inserts when every tab stop keeps its default (first choice, placeholder text). */
function expand(body: string): string {
  return body
    .replace(/\$\{\d+\|((?:[^,|\\]|\\.)*)[,|](?:[^}\\]|\\.)*\}/g, '$1')
    .replace(/\$\{\d+:((?:[^}\\]|\\.)*)\}/g, '$1')
    .replace(/\\(.)/g, '$1');
}

describe('snippets built from the framework data', () => {
  const snippets = buildSnippets();
  const byPrefix = new Map(snippets.map((snippet) => [snippet.prefix, snippet]));

  it('has one per part, element, scenario, scenario item, metric task and the trade-off table', () => {
    assert.equal(snippets.length, PARTS.length + ELEMENTS.length + SCENARIOS.length + 4 + 1);
    assert.equal(new Set(snippets.map((snippet) => snippet.prefix)).size, snippets.length);
    for (const snippet of snippets) assert.match(snippet.prefix, /^mlsd-[a-z0-9-]+$/);
  });

  it("writes the core's element skeleton with each prompt as a tab stop", () => {
    const snippet = byPrefix.get('mlsd-framing-constraints');
    assert.equal(
      snippet?.body,
      [
        '### Constraints',
        '',
        '- ${1:TODO: Latency budget, as a number with a unit (e.g. p99 < 50 ms)?}',
        '- ${2:TODO: Online or batch prediction?}',
        '- ${3:TODO: Scale: requests per second, users, items?}',
        '',
      ].join('\n'),
    );
    assert.equal(snippet?.name, 'mlsd: Constraints (framing.constraints)');
  });

  it("inserts exactly the text of the core's skeletons and templates when tabbed through", () => {
    for (const element of ELEMENTS) {
      assert.equal(expand(byPrefix.get(`mlsd-${element.id.replace('.', '-')}`)!.body), renderElementSkeleton(element.id, 3), element.id);
    }
    for (const scenario of SCENARIOS) {
      assert.equal(expand(byPrefix.get(`mlsd-${scenario.id}`)!.body), renderChecklistSkeleton(scenario.id, scenario.items, 2), scenario.id);
    }
    // Parts laid out as in the template: each part's text appears in it verbatim.
    const template = renderTemplate('generic', 'design-doc');
    for (const part of PARTS) assert.ok(template.includes(expand(byPrefix.get(`mlsd-part-${part.id}`)!.body)), part.id);
  });

  it('gives each scenario one block with all of its checklist items', () => {
    const fraud = scenarioSnippet(SCENARIOS.find((scenario) => scenario.id === 'fraud')!);
    assert.equal(fraud.prefix, 'mlsd-fraud');
    assert.deepEqual(
      fraud.body.split('\n').filter((line) => line.startsWith('#')),
      [
        '## Fraud detection checklist',
        '### Real-time scoring',
        '### Class imbalance',
        '### Rules layer',
        '### False positives vs false negatives',
      ],
    );
    // Tab stops run on across the items.
    assert.deepEqual(
      [...fraud.body.matchAll(/\$\{(\d+):/g)].map((match) => Number(match[1])),
      [1, 2, 3, 4, 5, 6],
    );
  });

  it('offers only metrics that fit the task, preferred first', () => {
    assert.deepEqual(fittingMetrics('ranking'), ['NDCG@k', 'Recall@k', 'MAP', 'MRR', 'Precision@k', 'Hit rate', 'Precision', 'Recall']);
    assert.deepEqual(fittingMetrics('regression'), ['MAE', 'RMSE', 'MAPE', 'Quantile loss', 'MSE']);
    assert.deepEqual(fittingMetrics('other'), []);
    const table = metricTableSnippet('ranking').body.split('\n');
    assert.equal(
      table[2],
      '| Offline | ${1|NDCG@k,Recall@k,MAP,MRR,Precision@k,Hit rate,Precision,Recall|} | ${2:target vs baseline} | ${3:why it fits the goal} |',
    );
    assert.equal(
      table[4],
      '| Guardrail | ${7|False positive rate,Hide rate|} | ${8:must not get worse than} | ${9:why it fits the goal} |',
    );
    assert.deepEqual(
      snippets.filter((snippet) => snippet.prefix.startsWith('mlsd-metrics-')).map((snippet) => snippet.prefix),
      ['mlsd-metrics-ranking', 'mlsd-metrics-imbalanced-classification', 'mlsd-metrics-probability-estimation', 'mlsd-metrics-regression'],
    );
  });

  it('writes the trade-off table with both sides of each trade-off as a choice', () => {
    assert.equal(
      byPrefix.get('mlsd-tradeoff-table')?.body.split('\n')[2],
      '| Latency vs accuracy | ${1|lower latency,higher accuracy|} | ${2:cost} | ${3:reason} |',
    );
  });

  it("orders the quick pick: the doc's scenario, other scenarios, the framework, the tables", () => {
    const ordered = orderedForScenario(snippets, 'search').map((snippet) => snippet.prefix);
    assert.equal(ordered.length, snippets.length);
    assert.deepEqual(ordered.slice(0, 5), ['mlsd-search', 'mlsd-recommendation', 'mlsd-fraud', 'mlsd-moderation', 'mlsd-part-framing']);
    assert.deepEqual(ordered.slice(-2), ['mlsd-metrics-regression', 'mlsd-tradeoff-table']);
  });

  it('escapes snippet syntax in literal text and in choices', () => {
    assert.equal(escapeSnippetText('costs $5 {x} \\ y'), 'costs \\$5 {x\\} \\\\ y');
    assert.equal(escapeSnippetChoice('a,b|c'), 'a\\,b\\|c');
  });

  it('is offered as a completion only on a line that so far holds the start of an mlsd- prefix', () => {
    assert.equal(sectionPrefixStart('mlsd-'), 0);
    assert.equal(sectionPrefixStart('  mlsd-fraud'), 2);
    assert.equal(sectionPrefixStart('ml'), 0);
    assert.equal(sectionPrefixStart(''), undefined);
    assert.equal(sectionPrefixStart('The mlsd-'), undefined);
    assert.equal(sectionPrefixStart('model'), undefined);
    assert.equal(sectionPrefixStart('## mlsd-'), undefined);
  });

  it('turns only prompt lines into tab stops and escapes the rest', () => {
    assert.equal(
      skeletonToSnippet('## Costs in $\n\n- TODO: Why {x}?\n- plain bullet'),
      '## Costs in \\$\n\n- ${1:TODO: Why {x\\}?}\n- plain bullet',
    );
  });
});

describe('grammar metric pattern', () => {
  it('matches the metric spellings and acronyms of the data as whole words', () => {
    // Oniguruma and JavaScript agree on this subset, so JavaScript can check it.
    const pattern = new RegExp(metricNamePattern().replace('(?i:', '(?:'), 'i');
    for (const text of ['NDCG@10', 'PR-AUC', 'recall@k', 'log loss', 'WAPE']) assert.match(` ${text} `, pattern, text);
    for (const text of ['recallable', 'precisionist', 'maps']) assert.doesNotMatch(` ${text} `, pattern, text);
  });
});
