import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { analyze, applyEdits, fixUntilStable, type Finding, type Fix } from '../../src/core';
import { doc } from './docs';

const fixtureDir = path.resolve(__dirname, '../fixtures/docs');
const fixtures = fs.readdirSync(fixtureDir).filter((file) => file.endsWith('.md'));

/** True when every line of `before` is still in `after`, in order, a disable comment added after its text aside. */
function keepsEveryLine(before: string, after: string): boolean {
  const remaining = after.split('\n').map((line) => line.replace(/ <!-- mlsd-disable-line [^>]*-->/, ''));
  let at = 0;
  for (const line of before.split('\n')) {
    while (at < remaining.length && remaining[at] !== line) at++;
    if (at === remaining.length) return false;
    at++;
  }
  return true;
}

/** The finding a fix was offered for, found again after the fix (same rule, same message). */
function stillThere(text: string, finding: Finding): boolean {
  return analyze(text).findings.some((candidate) => candidate.ruleId === finding.ruleId && candidate.message === finding.message);
}

/** The heading lines of `text` once fix-all has run, in order. */
function headingsAfterFixAll(text: string): string[] {
  return fixUntilStable(text, (current) => analyze(current))
    .text.split('\n')
    .filter((line) => line.startsWith('#'));
}

describe('fixes', () => {
  for (const file of fixtures) {
    it(`every fix on ${file} clears its finding, keeps every line, and is idempotent`, () => {
      const text = fs.readFileSync(path.join(fixtureDir, file), 'utf8');
      const { findings } = analyze(text);
      for (const finding of findings) {
        for (const fix of finding.fixes) {
          const once = applyEdits(text, fix.edits);
          if (isReplacement(fix))
            assert.ok(onlyEditedLinesChanged(text, once, fix), `${fix.title} (${finding.ruleId}) changed other lines`);
          else assert.ok(keepsEveryLine(text, once), `${fix.title} (${finding.ruleId}) lost a line`);
          assert.equal(applyEdits(once, fix.edits), once, `${fix.title} (${finding.ruleId}) applied twice changed the text`);
          if (!isReplacement(fix))
            assert.ok(!stillThere(once, finding), `${fix.title} did not clear ${finding.ruleId}: ${finding.message}`);
        }
      }
    });
  }

  it('a metric replacement clears the misalignment and keeps the other lines', () => {
    const text = doc({ evaluation: '## Evaluation\n\nOffline metric: accuracy on the held-out day.\n' });
    const finding = analyze(text).findings.find((candidate) => candidate.ruleId === 'metric-task-mismatch')!;
    const fixed = applyEdits(text, finding.fixes[0]!.edits);
    assert.ok(fixed.includes('Offline metric: NDCG@k on the held-out day.'));
    assert.equal(analyze(fixed).model.offlineMetric, 'fits');
    assert.equal(applyEdits(fixed, finding.fixes[0]!.edits), fixed);
  });

  it('offers metric replacements but never prefers one: fix-all leaves the choice of metric to the author', () => {
    for (const evaluation of ['Offline metric: accuracy on the held-out day.', 'Offline metric: accuracy, 0.97 on the held-out day.']) {
      const text = doc({ evaluation: `## Evaluation\n\n${evaluation}\n` });
      const finding = analyze(text).findings.find((candidate) => candidate.ruleId === 'metric-task-mismatch')!;
      assert.deepEqual(
        finding.fixes.filter((fix) => fix.kind === 'replace-metric').map((fix) => fix.isPreferred),
        [undefined, undefined, undefined, undefined],
      );
      assert.ok(fixUntilStable(text, (current) => analyze(current)).text.includes(evaluation), evaluation);
    }
  });

  it('inserts a missing element inside its part section when no element of the part has a section of its own', () => {
    const text = [
      '---',
      'mlsd: true',
      '---',
      '# Event recommendations',
      '',
      '## 1. Problem',
      '',
      'Recommend local events a user will register for; success is more registrations per week.',
      '',
      '## 2. Data preparation',
      '',
      'Event registrations and page views come from the app event logs; organisers enter event details.',
      '',
      '## 3. Model',
      '',
      'A gradient boosted ranker over user, event and context features.',
      '',
    ].join('\n');
    const finding = analyze(text).findings.find((candidate) => candidate.ruleId === 'missing-element/data.quality')!;
    assert.deepEqual(finding.range.start, { line: 9, character: 3 });
    const fixed = applyEdits(text, finding.fixes[0]!.edits);
    const lines = fixed.split('\n');
    // At the end of "2. Data preparation", one level deeper, before "3. Model".
    assert.ok(lines.indexOf('### Data quality') > lines.indexOf('## 2. Data preparation'));
    assert.ok(lines.indexOf('### Data quality') < lines.indexOf('## 3. Model'));
  });

  it('fix-all puts a missing model element beside the model section in a doc that starts with the model', () => {
    const text = [
      '# Card-not-present fraud detection',
      '',
      '## Model',
      '',
      "A transformer over each customer's transaction sequence, fine-tuned weekly.",
      '',
      '## Evaluation',
      '',
      'PR-AUC and recall at a 1% false-positive rate on the most recent month.',
      '',
      '## Problem',
      '',
      'Chargebacks cost $4M a quarter; the goal is to cut fraud losses by 30% without more declines.',
      '',
      '## Data',
      '',
      'Eighteen months of authorisations joined with chargeback labels from the disputes database.',
      '',
      '## Serving',
      '',
      'Scored online in the authorisation path within 50 ms at p99.',
      '',
    ].join('\n');
    const headings = headingsAfterFixAll(text);
    const at = (heading: string): number => headings.indexOf(heading);
    assert.ok(at('## Baseline model') >= 0, headings.join(' | '));
    assert.ok(Math.abs(at('## Baseline model') - at('## Model')) === 1, headings.join(' | '));
    // The data elements stay together after "## Data".
    assert.ok(at('## Data ingestion') === at('## Data') + 1, headings.join(' | '));
  });

  it('fix-all puts skeletons among their part in an interview answer cut short, and the checklist last', () => {
    const text = [
      '---',
      'scenario: fraud',
      '---',
      '# Card fraud at checkout (45-minute interview)',
      '',
      '## Problem framing (~8 min)',
      '',
      '### Business metric',
      '',
      'Chargeback losses as a share of card volume: 0.31% today, 0.20% within two quarters.',
      '',
      '### Model metric',
      '',
      'Recall at a 0.5% decline rate, because declines beyond that cost more in lost sales than fraud saves.',
      '',
      '## Data pipeline (~7 min)',
      '',
      '### Data sources',
      '',
      "Authorisations from the payments ledger; fraud labels from the card networks' chargeback reports.",
      '',
      '## Model (~8 min)',
      '',
      '### Baseline model',
      '',
      'Logistic regression on amount, merchant category and card age, then gradient boosted trees.',
      '',
    ].join('\n');
    const headings = headingsAfterFixAll(text);
    const at = (heading: string): number => headings.indexOf(heading);
    // "Data pipeline" reads as the ingestion element; a data element goes last inside it, one level deeper.
    assert.ok(at('### Data quality') > at('### Data sources') && at('### Data quality') < at('## Model (~8 min)'), headings.join(' | '));
    // Training and serving are parts of their own: beside "## Model", not inside it.
    assert.ok(at('## Training') > at('### Baseline model'), headings.join(' | '));
    assert.equal(at('### Training'), -1);
    // The checklist is a part too, after the elements added at the end.
    assert.equal(
      at('## Fraud detection checklist'),
      Math.max(...headings.filter((line) => /^##? /.test(line)).map(at)),
      headings.join(' | '),
    );
  });

  it('applyEdits applies several edits from the end and keeps the first of overlapping ones', () => {
    const text = 'alpha\nbeta\ngamma\n';
    const at = (line: number, character: number) => ({ line, character });
    assert.equal(
      applyEdits(text, [
        { range: { start: at(0, 0), end: at(0, 5) }, newText: 'ALPHA' },
        { range: { start: at(2, 0), end: at(2, 0) }, newText: '# ' },
        { range: { start: at(0, 2), end: at(0, 3) }, newText: 'x' },
      ]),
      'ALPHA\nbeta\n# gamma\n',
    );
  });

  it('applyEdits handles CRLF line endings and positions past the end of a line', () => {
    const text = 'one\r\ntwo\r\n';
    assert.equal(
      applyEdits(text, [{ range: { start: { line: 1, character: 99 }, end: { line: 1, character: 99 } }, newText: '!' }]),
      'one\r\ntwo!\r\n',
    );
  });
});

/** A replacement rewrites its own lines and nothing else. */
function onlyEditedLinesChanged(before: string, after: string, fix: Fix): boolean {
  const edited = new Set(fix.edits.map((edit) => edit.range.start.line));
  const was = before.split('\n');
  const now = after.split('\n');
  return was.length === now.length && was.every((line, index) => edited.has(index) || now[index] === line);
}

function isReplacement(fix: Fix): boolean {
  // Metric replacements clear the misalignment only when the replaced mention was the culprit
  // the verdict rests on; they are checked on their own above.
  // (A disable fix around a table or paragraph rewrites the block unchanged between its comments:
  // it keeps every line, so it is checked as an insertion.)
  return fix.kind === 'replace-metric';
}
