import assert from 'node:assert/strict';
import { analyze, type AnalysisResult, type Position } from '../../src/core';
import { createAnalysisSession } from '../../src/core/incremental';
import { doc } from './docs';

const TRAINING = '## Training\n\nDaily retraining on a time-based split.\n\n\n\n';
const text = doc({ training: TRAINING });
const lines = text.split('\n');
const trainingLine = lines.indexOf('## Training');
const evaluationLine = lines.indexOf('## Evaluation');

function unclosed(result: AnalysisResult): string[] {
  return result.findings.filter((finding) => finding.ruleId === 'hidden-content/unclosed-fence').map((finding) => finding.message);
}

describe('hidden-content: a <pre> left open, typed keystroke by keystroke', () => {
  it('reports it once its start tag is typed and not once its end tag is, equal to a full analysis after every keystroke', () => {
    const session = createAnalysisSession();
    const first = session.update(text);
    assert.deepEqual(first, analyze(text));
    assert.deepEqual(unclosed(first), []);
    const type = (at: Position, typed: string): AnalysisResult => {
      let result = first;
      for (let index = 0; index < typed.length; index++) {
        const position = { line: at.line, character: at.character + index };
        result = session.applyEdit({ range: { start: position, end: position }, newText: typed[index]! });
        assert.deepEqual(result, analyze(session.text), `after typing ${JSON.stringify(typed.slice(0, index + 1))}`);
      }
      return result;
    };
    // Below the training section's prose, on the first of its blank lines.
    const opened = type({ line: trainingLine + 3, character: 0 }, '<pre>');
    assert.deepEqual(unclosed(opened), ["Unclosed <pre> swallows 6 headings — close it with </pre> before '## Evaluation'"]);
    // The line above the next heading: the end tag hides no heading and closes the block.
    const closed = type({ line: evaluationLine - 1, character: 0 }, '</pre>');
    assert.deepEqual(unclosed(closed), []);
    assert.deepEqual(closed, analyze(session.text));
  });

  it('applies its fix in a session as in a full analysis', () => {
    const open = doc({ training: '## Training\n\nDaily retraining on a time-based split.\n\n<pre>\ntrain(days=28)\n' });
    const session = createAnalysisSession();
    const [finding] = session.update(open).findings.filter((candidate) => candidate.ruleId === 'hidden-content/unclosed-fence');
    const fixed = session.applyEdit(finding!.fixes[0]!.edits[0]!);
    assert.deepEqual(fixed, analyze(session.text));
    assert.deepEqual(unclosed(fixed), []);
  });
});

describe('hidden-content: sections that are only images, edited in a session', () => {
  it('drops the finding once one of two image-only sections gets text, equal to a full analysis after every keystroke', () => {
    const pictures = doc({
      serving: '## Serving\n\n![Serving architecture](img/serving.png)\n',
      scaling: '## Scaling\n\n![Cache and fallback](img/scaling.png)\n',
    });
    const imageOnly = (result: AnalysisResult): number =>
      result.findings.filter((finding) => finding.ruleId === 'hidden-content/image-only').length;
    const session = createAnalysisSession();
    assert.equal(imageOnly(session.update(pictures)), 1);
    const at = { line: pictures.split('\n').indexOf('![Cache and fallback](img/scaling.png)') + 1, character: 0 };
    const typed = '\nCandidates are cached for ten minutes; the popularity list is the fallback.';
    let result = session.result!;
    for (let index = 0; index < typed.length; index++) {
      const position = index === 0 ? at : { line: at.line + 1, character: index - 1 };
      result = session.applyEdit({ range: { start: position, end: position }, newText: typed[index]! });
      assert.deepEqual(result, analyze(session.text), `after typing ${JSON.stringify(typed.slice(0, index + 1))}`);
    }
    assert.equal(imageOnly(result), 0);
  });
});
