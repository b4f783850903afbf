import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { analyze, RULES, ruleDocsUrl } from '../../src/core';
import remarkMlsd from '../../src/core/remark-plugin';
import { REPO_ROOT } from './helpers';

const fraudDoc = readFileSync(path.join(REPO_ROOT, 'test/fixtures/cli/project/docs/card-fraud.md'), 'utf8');
const readme = readFileSync(path.join(REPO_ROOT, 'test/fixtures/cli/project/README.md'), 'utf8');

async function lint(text: string, options?: Parameters<typeof remarkMlsd>[0]) {
  // run() rather than process(): linting needs no compiler, as with remark-lint in a check-only pipeline.
  const processor = unified().use(remarkParse).use(remarkMlsd, options);
  const file = new VFile({ path: 'docs/card-fraud.md', value: text });
  await processor.run(processor.parse(file), file);
  return file.messages.map((message) => ({
    ruleId: message.ruleId,
    source: message.source,
    reason: message.reason,
    place: message.place,
    fatal: message.fatal,
    url: message.url,
  }));
}

const allOffBut = (ruleId: string, setting: 'error' | 'warning' | 'info') => ({
  rules: { ...Object.fromEntries(RULES.map((rule) => [rule.id, 'off' as const])), [ruleId]: setting },
});

describe('remark plugin', () => {
  it('reports findings as vfile messages with rule ID, source, 1-based place, docs URL and fatal for errors', async () => {
    assert.deepEqual(await lint(fraudDoc, allOffBut('metric-task-mismatch', 'error')), [
      {
        ruleId: 'metric-task-mismatch',
        source: 'mlsd',
        reason: 'Misaligned metric: Accuracy does not fit an imbalanced classification task — use PR-AUC, Recall at precision, F-beta',
        place: { start: { line: 27, column: 19 }, end: { line: 27, column: 27 } },
        fatal: true,
        url: ruleDocsUrl('metric-task-mismatch'),
      },
    ]);
  });

  it('maps warnings to fatal false and information to fatal undefined, as remark-lint does', async () => {
    assert.deepEqual(
      (await lint(fraudDoc, allOffBut('metric-task-mismatch', 'warning'))).map((m) => m.fatal),
      [false],
    );
    assert.deepEqual(
      (await lint(fraudDoc, allOffBut('metric-task-mismatch', 'info'))).map((m) => m.fatal),
      [undefined],
    );
  });

  it('reports the same findings as analyze with default options', async () => {
    const messages = await lint(fraudDoc);
    const { findings } = analyze(fraudDoc, { path: 'docs/card-fraud.md' });
    assert.deepEqual(
      messages.map((m) => [m.ruleId, m.place, m.url]),
      findings.map((f) => [
        f.ruleId,
        {
          start: { line: f.range.start.line + 1, column: f.range.start.character + 1 },
          end: { line: f.range.end.line + 1, column: f.range.end.character + 1 },
        },
        ruleDocsUrl(f.ruleId),
      ]),
    );
    assert.ok(findings.length > 10);
  });

  it('is silent on a README', async () => {
    assert.deepEqual(await lint(readme), []);
  });

  it('reports invalid options once per file as a config message and keeps the valid ones', async () => {
    const messages = await lint(fraudDoc, { ...allOffBut('metric-task-mismatch', 'error'), scenario: 'fraudulent' as never });
    assert.deepEqual(
      messages.map((m) => [m.ruleId, m.reason, m.fatal]),
      [
        [
          'config',
          'Invalid mlsd option: Unknown scenario "fraudulent"; expected one of "recommendation", "fraud", "search", "moderation", "generic".',
          true,
        ],
        [
          'metric-task-mismatch',
          'Misaligned metric: Accuracy does not fit an imbalanced classification task — use PR-AUC, Recall at precision, F-beta',
          true,
        ],
      ],
    );
  });
});
