import assert from 'node:assert/strict';
import { analyze, applyEdits, fixUntilStable } from '../../src/core';
import { analyzeFacts } from '../../src/core/analyze';
import type { ConfigError } from '../../src/core/types';
import { doc, SECTIONS } from './docs';

const ids = (text: string): string[] => analyze(text).findings.map((finding) => finding.ruleId);
const noQuality = { quality: '' };
/** A problem as the CLI prints it: the quick fix is asserted on its own. */
const withoutFix = ({ fix: _fix, ...problem }: ConfigError): Omit<ConfigError, 'fix'> => problem;

describe('suppression comments', () => {
  it('mlsd-disable-next-line silences one rule on the next line only', () => {
    const text = doc({ sources: `<!-- mlsd-disable-next-line missing-element -->\n${SECTIONS.sources}`, ...noQuality, tradeoffs: '' });
    assert.deepEqual(ids(text), ['missing-tradeoffs']);
  });

  it('stacked next-line comments all reach the line below them', () => {
    const text = doc({
      sources: `<!-- mlsd-disable-next-line missing-element/data.quality -->\n<!-- mlsd-disable-next-line ignored-data -->\n${SECTIONS.sources}`,
      ...noQuality,
    });
    assert.deepEqual(ids(text), []);
  });

  it('mlsd-disable … mlsd-enable silences a region, by rule or by sub-ID', () => {
    const region = `<!-- mlsd-disable missing-element/data.quality -->\n${SECTIONS.sources}\n<!-- mlsd-enable missing-element/data.quality -->\n`;
    assert.deepEqual(ids(doc({ sources: region, ...noQuality })), []);
    const other = `<!-- mlsd-disable missing-element/data.sources -->\n${SECTIONS.sources}\n<!-- mlsd-enable -->\n`;
    assert.deepEqual(ids(doc({ sources: other, ...noQuality })), ['missing-element/data.quality']);
  });

  it('an enable before the finding ends the region', () => {
    const text = doc({
      goal: `<!-- mlsd-disable missing-element -->\n<!-- mlsd-enable missing-element -->\n${SECTIONS.goal}`,
      ...noQuality,
    });
    assert.deepEqual(ids(text), ['missing-element/data.quality']);
  });

  it('mlsd-disable-file silences a rule everywhere; no ID silences every rule', () => {
    assert.deepEqual(ids(doc({ tradeoffs: '<!-- mlsd-disable-file missing-element -->\n', ...noQuality })), ['missing-tradeoffs']);
    assert.deepEqual(ids(doc({ tradeoffs: '<!-- mlsd-disable-file -->\n', ...noQuality })), []);
  });

  it('warns at a rule ID a directive names that mlsd does not have, and says which rule was meant', () => {
    const text = doc({ sources: `<!-- mlsd-disable-next-line missing-elemnt, missing-element -->\n${SECTIONS.sources}`, ...noQuality });
    const line = text.split('\n').findIndex((candidate) => candidate.includes('missing-elemnt'));
    assert.deepEqual(analyze(text, { path: 'doc.md' }).configErrors.map(withoutFix), [
      {
        severity: 'warning',
        file: 'doc.md',
        range: { start: { line, character: 28 }, end: { line, character: 42 } },
        message:
          'Unknown rule "missing-elemnt" in an mlsd-disable-next-line comment (did you mean "missing-element"?); it silences nothing. Run "mlsd rules" for the list.',
      },
    ]);
    assert.deepEqual(
      analyze(doc({ sources: `<!-- mlsd-disable-file missing-element/data.quality -->\n${SECTIONS.sources}`, ...noQuality })).configErrors,
      [],
    );
  });

  it('warns at the unknown ID itself, not at the first text that contains it', () => {
    const text = doc({ sources: `<!-- mlsd-disable-next-line missing-element metric -->\n${SECTIONS.sources}`, ...noQuality });
    const line = text.split('\n').findIndex((candidate) => candidate.includes('missing-element metric'));
    assert.deepEqual(
      analyze(text).configErrors.map(({ range }) => range),
      [{ start: { line, character: 44 }, end: { line, character: 50 } }],
    );
  });

  it('warns at a comment that starts like a directive but is none, with the closest directive', () => {
    const text = doc({ sources: `<!-- mlsd-disabel-next-line missing-element -->\n${SECTIONS.sources}`, ...noQuality });
    const line = text.split('\n').findIndex((candidate) => candidate.includes('mlsd-disabel'));
    assert.deepEqual(analyze(text, { path: 'doc.md' }).configErrors.map(withoutFix), [
      {
        severity: 'warning',
        file: 'doc.md',
        range: { start: { line, character: 5 }, end: { line, character: 27 } },
        message:
          'Unknown directive "mlsd-disabel-next-line" (did you mean "mlsd-disable-next-line"?); it silences nothing. Expected mlsd-disable, mlsd-enable, mlsd-disable-line, mlsd-disable-next-line, mlsd-disable-file.',
      },
    ]);
    assert.deepEqual(analyze(doc({ sources: `<!-- mlsd-style notes for reviewers -->\n${SECTIONS.sources}` })).configErrors, []);
    const hintFor = (comment: string): string | undefined =>
      /did you mean "([^"]+)"/.exec(analyze(doc({ sources: `${comment}\n${SECTIONS.sources}` })).configErrors[0]?.message ?? '')?.[1];
    assert.equal(hintFor('<!-- mlsd-disable-lines missing-element -->'), 'mlsd-disable-line');
    assert.equal(hintFor('<!-- MLSD-DISABLE-FILE missing-element -->'), 'mlsd-disable-file');
    // Written after text on a line, as a misspelt disable-line usually is.
    assert.equal(hintFor(`${SECTIONS.sources.trimEnd()} <!-- mlsd-disabel-line missing-element -->`), 'mlsd-disable-line');
  });

  it('mlsd-disable-line after the text of a heading or paragraph silences its own line only', () => {
    const text = doc({ ...noQuality, tradeoffs: '' });
    const finding = analyze(text).findings.find((candidate) => candidate.ruleId === 'missing-element/data.quality')!;
    const lines = text.split('\n');
    const line = finding.range.start.line;
    lines[line] += ' <!-- mlsd-disable-line missing-element/data.quality -- covered by the platform team -->';
    const silenced = lines.join('\n');
    assert.deepEqual(ids(silenced), ['missing-tradeoffs']);
    assert.deepEqual(analyze(silenced).configErrors, []);
    // The line above or below is not its line.
    const below = [...text.split('\n')];
    below[line - 2] += ' <!-- mlsd-disable-line missing-element/data.quality -->';
    assert.deepEqual(ids(below.join('\n')), ['missing-element/data.quality', 'missing-tradeoffs']);
  });

  it("a comment after a heading's text is neither part of its title nor a template slot", () => {
    const heading = analyze(doc({ tradeoffs: '' })).findings.find((candidate) => candidate.ruleId === 'missing-tradeoffs')!;
    const text = doc({
      selection: SECTIONS.selection.replace('## Model selection', '## Model selection <!-- mlsd-disable-line modeling-first -->'),
      tradeoffs: '',
    });
    const result = analyze(text);
    assert.deepEqual(
      result.findings.map((finding) => finding.ruleId),
      ['missing-tradeoffs'],
    );
    assert.equal(result.model.elements.find((element) => element.id === 'model.selection')?.status, 'present');
    assert.equal(result.findings[0]!.message, heading.message);
    // A finding on the heading underlines its title, not the comment after it.
    const line = text.split('\n').findIndex((candidate) => candidate.startsWith('## Model selection'));
    const noTraining = analyze(text.replace(SECTIONS.training, ''));
    const onHeading = noTraining.findings.find((finding) => finding.range.start.line === line);
    assert.ok(onHeading, 'a finding is placed on the heading');
    assert.deepEqual(onHeading.range, { start: { line, character: 3 }, end: { line, character: '## Model selection'.length } });
  });

  it('reads no content in a comment after text: neither a reason nor a note covers an element', () => {
    const statusOf = (text: string): string | undefined =>
      analyze(text).model.elements.find((element) => element.id === 'data.quality')?.status;
    const sources = SECTIONS.sources.trimEnd();
    assert.equal(statusOf(doc({ ...noQuality })), 'missing');
    for (const comment of [
      '<!-- mlsd-disable-line ignored-data -- we deduplicate events and validate the schema of every batch -->',
      '<!-- We deduplicate events, check for leakage and validate the schema of every batch -->',
    ])
      assert.equal(statusOf(doc({ sources: `${sources} ${comment}\n`, ...noQuality })), 'missing', comment);
    // A prose comment hides its words wherever it sits, as on a line of its own.
    const note = '<!-- We deduplicate events, check for leakage and validate the schema of every batch -->';
    const hidden = (text: string): string[] =>
      analyze(text)
        .findings.filter((f) => f.ruleId.startsWith('hidden-content'))
        .map((f) => f.ruleId);
    const alone = hidden(doc({ sources: `${sources}\n\n${note}\n` }));
    assert.equal(alone.length, 1);
    assert.deepEqual(hidden(doc({ sources: `${sources} ${note}\n` })), alone);
  });

  it('reads a comment among the tags of an HTML block as a comment: a directive for its line, no content', () => {
    const statusOf = (text: string): string | undefined =>
      analyze(text).model.elements.find((element) => element.id === 'data.quality')?.status;
    const note = '<!-- We deduplicate events, check for leakage and validate the schema of every batch -->';
    const html = `<p align="center">Labels come from purchase logs.</p> ${note}`;
    const text = doc({ sources: `${SECTIONS.sources}\n${html}\n`, ...noQuality });
    assert.equal(statusOf(text), 'missing');
    assert.ok(analyze(text).findings.some((finding) => finding.ruleId.startsWith('hidden-content')));
    // A directive after the tags is read, for its own line.
    const withDirective = doc({
      sources: `${SECTIONS.sources}\n<p>Labels are joined daily.</p> <!-- mlsd-disable-line ignored-data -->\n`,
    });
    const line = withDirective.split('\n').findIndex((candidate) => candidate.startsWith('<p>Labels are joined'));
    assert.deepEqual(
      analyzeFacts(withDirective, {}).directives.map(({ kind, range, inline }) => ({ kind, startLine: range.start.line, inline })),
      [{ kind: 'disable-line', startLine: line, inline: true }],
    );
  });

  it('warns at an mlsd-disable-line on a line of its own, which silences nothing', () => {
    const text = doc({ sources: `<!-- mlsd-disable-line missing-element -->\n${SECTIONS.sources}`, ...noQuality });
    const line = text.split('\n').findIndex((candidate) => candidate.startsWith('<!-- mlsd-disable-line'));
    assert.deepEqual(analyze(text, { path: 'doc.md' }).configErrors, [
      {
        severity: 'warning',
        file: 'doc.md',
        range: { start: { line, character: 5 }, end: { line, character: 22 } },
        message:
          'mlsd-disable-line on a line of its own silences nothing; write it after the text of the line to silence, or use mlsd-disable-next-line above it.',
      },
    ]);
    const after = doc({
      sources: SECTIONS.sources.replace('## Data sources', '## Data sources <!-- mlsd-disable-line missing-element -->'),
      ...noQuality,
    });
    assert.deepEqual(analyze(after).configErrors, []);
    assert.deepEqual(ids(after), []);
  });

  it('warns at each ID of a directive that silences no finding, as ESLint reports an unused disable directive', () => {
    const stale = doc({ sources: `<!-- mlsd-disable-next-line missing-element, ignored-data -->\n${SECTIONS.sources}`, ...noQuality });
    const line = stale.split('\n').findIndex((candidate) => candidate.includes('ignored-data -->'));
    assert.deepEqual(ids(stale), []);
    assert.deepEqual(analyze(stale, { path: 'doc.md' }).configErrors.map(withoutFix), [
      {
        severity: 'warning',
        file: 'doc.md',
        range: { start: { line, character: 45 }, end: { line, character: 57 } },
        message: 'Unused mlsd-disable-next-line for "ignored-data": no such finding on the line below it; remove the ID.',
      },
    ]);
    // Once the section it silenced a finding on is written, the comment is stale too.
    const written = doc({ sources: `<!-- mlsd-disable-next-line missing-element -->\n${SECTIONS.sources}` });
    assert.deepEqual(
      analyze(written).configErrors.map((problem) => problem.message),
      ['Unused mlsd-disable-next-line for "missing-element": no such finding on the line below it; remove the ID.'],
    );
  });

  it('warns at the name of a directive naming no rule that silences nothing, and at a region with no finding', () => {
    const file = doc({ goal: `<!-- mlsd-disable-file -->\n${SECTIONS.goal}` });
    const line = file.split('\n').findIndex((candidate) => candidate.startsWith('<!-- mlsd-disable-file'));
    assert.deepEqual(
      analyze(file).configErrors.map((problem) => [problem.range, problem.message]),
      [
        [
          { start: { line, character: 5 }, end: { line, character: 22 } },
          'Unused mlsd-disable-file: no finding in this file; remove the comment.',
        ],
      ],
    );
    const region = doc({
      goal: `<!-- mlsd-disable missing-element -->\n${SECTIONS.goal}\n<!-- mlsd-enable missing-element -->\n`,
      ...noQuality,
    });
    assert.deepEqual(ids(region), ['missing-element/data.quality']);
    assert.deepEqual(
      analyze(region).configErrors.map((problem) => problem.message),
      ['Unused mlsd-disable for "missing-element": no such finding in the region it disables; remove the ID.'],
    );
  });

  it('does not report a directive for a rule the config turns off, nor one in a document that is no design doc', () => {
    const stale = doc({ sources: `<!-- mlsd-disable-next-line ignored-data -->\n${SECTIONS.sources}` });
    assert.equal(analyze(stale).configErrors.length, 1);
    assert.deepEqual(analyze(stale, { config: { rules: { 'ignored-data': 'off' } } }).configErrors, []);
    assert.deepEqual(analyze('# Shopping list\n\n<!-- mlsd-disable-next-line missing-element -->\nMilk and eggs.\n').configErrors, []);
  });

  it('offers to remove what is unused: the ID among several, else the whole comment, with no line left behind', () => {
    const fixed = (text: string, message: RegExp): string => {
      const problem = analyze(text).configErrors.find((candidate) => message.test(candidate.message));
      return applyEdits(text, problem!.fix!.edits);
    };
    const two = doc({ sources: `<!-- mlsd-disable-next-line ignored-data, missing-element -->\n${SECTIONS.sources}`, ...noQuality });
    assert.equal(
      fixed(two, /ignored-data/),
      doc({ sources: `<!-- mlsd-disable-next-line missing-element -->\n${SECTIONS.sources}`, ...noQuality }),
    );
    const last = doc({ sources: `<!-- mlsd-disable-next-line missing-element ignored-data -- why -->\n${SECTIONS.sources}`, ...noQuality });
    assert.equal(
      fixed(last, /ignored-data/),
      doc({ sources: `<!-- mlsd-disable-next-line missing-element -- why -->\n${SECTIONS.sources}`, ...noQuality }),
    );
    const alone = doc({ sources: `<!-- mlsd-disable-next-line ignored-data -->\n${SECTIONS.sources}` });
    assert.equal(fixed(alone, /ignored-data/), doc({}));
    const inline = doc({
      sources: SECTIONS.sources.replace('## Data sources', '## Data sources  <!-- mlsd-disable-line ignored-data -->'),
    });
    assert.equal(fixed(inline, /ignored-data/), doc({}));
    const atEnd = `${doc({})}\n<!-- mlsd-disable-next-line ignored-data -->`;
    assert.equal(fixed(atEnd, /ignored-data/), doc({}));
    // An unused region goes as a pair: its mlsd-enable would be left closing nothing.
    const region = doc({ sources: `<!-- mlsd-disable ignored-data -->\n${SECTIONS.sources}<!-- mlsd-enable ignored-data -->\n` });
    const once = fixed(region, /ignored-data/);
    assert.equal(once, doc({}));
    const pair = analyze(region).configErrors.find((candidate) => /ignored-data/.test(candidate.message))!.fix!.edits;
    assert.equal(applyEdits(once, pair), once);
    // An enable a later disable of the same rule shares stays: it ends that region too.
    const shared = doc({
      sources: `<!-- mlsd-disable ignored-data -->\n${SECTIONS.sources}`,
      ingestion: `<!-- mlsd-disable ignored-data -->\n${SECTIONS.ingestion}<!-- mlsd-enable ignored-data -->\n`,
    });
    const problems = analyze(shared).configErrors.filter((candidate) => /ignored-data/.test(candidate.message));
    assert.equal(problems.length, 2);
    assert.equal(problems[0]!.fix!.edits.length, 1, 'the first disable goes alone');
    assert.equal(problems[1]!.fix!.edits.length, 2, 'the second goes with the enable that ends its region');
  });

  it('removes safely: twice is once, a comment between two lines of text leaves them apart, "-->" right after an ID', () => {
    const fixOf = (text: string) => analyze(text).configErrors.find((problem) => problem.message.startsWith('Unused'))!.fix!;
    const three = doc({
      sources: `<!-- mlsd-disable-next-line missing-element ignored-data template-residue -- why -->\n${SECTIONS.sources}`,
      ...noQuality,
    });
    const once = applyEdits(three, fixOf(three).edits);
    assert.equal(applyEdits(once, fixOf(three).edits), once);
    const between = doc({ goal: `${SECTIONS.goal}More on the goal.\n<!-- mlsd-disable-next-line ignored-data -->\nAnd a last line.\n` });
    const removed = applyEdits(between, fixOf(between).edits);
    assert.ok(removed.includes('More on the goal.\n\nAnd a last line.\n'), removed);
    assert.equal(applyEdits(removed, fixOf(between).edits), removed);
    // In a quote the line goes outright, or the quote would end there.
    const quoted = doc({
      goal: `${SECTIONS.goal}> More on the goal.\n> <!-- mlsd-disable-next-line ignored-data -->\n> And a last line.\n`,
    });
    assert.ok(applyEdits(quoted, fixOf(quoted).edits).includes('> More on the goal.\n> And a last line.\n'));
    const tight = doc({ sources: `<!-- mlsd-disable-next-line missing-element, ignored-data-->\n${SECTIONS.sources}`, ...noQuality });
    const problem = analyze(tight).configErrors.find((candidate) => candidate.message.startsWith('Unused'))!;
    const line = tight.split('\n')[problem.range.start.line]!;
    assert.equal(line.slice(problem.range.start.character, problem.range.end.character), 'ignored-data');
    assert.ok(applyEdits(tight, problem.fix!.edits).includes('<!-- mlsd-disable-next-line missing-element-->\n'));
  });

  it('fix-all removes what is unused, as ESLint --fix removes an unused disable directive, but never guesses a misspelt ID', () => {
    const analyzeText = (text: string) => analyze(text);
    // Two IDs on one comment: one removal per pass, until nothing is left of the comment.
    const stale = doc({ sources: `<!-- mlsd-disable-next-line ignored-data template-residue -->\n${SECTIONS.sources}` });
    const fixed = fixUntilStable(stale, analyzeText);
    assert.equal(fixed.text, doc({}));
    assert.equal(fixed.applied, 2);
    assert.deepEqual(fixed.result.configErrors, []);
    const region = doc({ sources: `<!-- mlsd-disable ignored-data -->\n${SECTIONS.sources}<!-- mlsd-enable ignored-data -->\n` });
    assert.equal(fixUntilStable(region, analyzeText).text, doc({}));
    const misspelt = doc({ sources: `<!-- mlsd-disable-next-line missing-elemnt -->\n${SECTIONS.sources}` });
    assert.equal(analyze(misspelt).configErrors.length, 1);
    assert.equal(fixUntilStable(misspelt, analyzeText).text, misspelt);
  });

  it('offers the closest rule or directive in place of a misspelt one', () => {
    const rule = doc({ sources: `<!-- mlsd-disable-next-line missing-elemnt -->\n${SECTIONS.sources}`, ...noQuality });
    const [problem] = analyze(rule).configErrors;
    assert.equal(problem!.fix!.title, 'Change to "missing-element"');
    assert.deepEqual(ids(applyEdits(rule, problem!.fix!.edits)), []);
    const directive = doc({ sources: `<!-- mlsd-disabel-next-line missing-element -->\n${SECTIONS.sources}`, ...noQuality });
    const [misspelt] = analyze(directive).configErrors;
    assert.deepEqual(ids(applyEdits(directive, misspelt!.fix!.edits)), []);
  });

  it('an mlsd-disable-next-line after text on its line reaches the line below', () => {
    const text = doc({ ...noQuality, tradeoffs: '' });
    const line = analyze(text).findings.find((candidate) => candidate.ruleId === 'missing-element/data.quality')!.range.start.line;
    const lines = text.split('\n');
    lines[line - 1] = `Sources first. <!-- mlsd-disable-next-line missing-element -->`;
    assert.deepEqual(ids(lines.join('\n')), ['missing-tradeoffs']);
  });

  it('reads " -- " as the start of a reason, as ESLint does: the words after it name no rule', () => {
    const text = doc({
      sources: `<!-- mlsd-disable-next-line missing-element -- sources are covered in the appendix -->\n${SECTIONS.sources}`,
      ...noQuality,
      tradeoffs: '',
    });
    assert.deepEqual(analyze(text).configErrors, []);
    assert.deepEqual(ids(text), ['missing-tradeoffs']);
  });

  it('the suppression fix inserts a next-line comment that silences exactly its finding', () => {
    const text = doc({ ...noQuality, tradeoffs: '' });
    const finding = analyze(text).findings.find((candidate) => candidate.ruleId === 'missing-element/data.quality')!;
    const fix = finding.fixes.at(-1)!;
    assert.equal(fix.title, 'Disable missing-element/data.quality for this line');
    assert.deepEqual(fix.edits, [
      {
        range: { start: { line: 23, character: 0 }, end: { line: 23, character: 0 } },
        newText: '<!-- mlsd-disable-next-line missing-element/data.quality -->\n',
      },
    ]);
    const fixed = applyEdits(text, fix.edits);
    assert.deepEqual(ids(fixed), ['missing-tradeoffs']);
    assert.equal(applyEdits(fixed, fix.edits), fixed);
  });

  it('suppression directives are not reported as hidden content', () => {
    assert.deepEqual(
      ids(
        doc({
          tradeoffs: `${SECTIONS.tradeoffs}\n<!-- mlsd-disable-next-line missing-element because the team covers data quality in the platform doc -->\n`,
        }),
      ),
      [],
    );
  });
});
