import assert from 'node:assert/strict';
import { countMatches, eachMatch } from '../../src/core/analysis/text-scan';
import type { Span } from '../../src/core/analysis/signal-types';

/** The spans matchAll finds, located the way the scans locate them (one line: offsets are characters). */
function matchAllSpans(pattern: RegExp, text: string): Span[] {
  return [...text.matchAll(pattern)]
    .filter((match) => match[0].length > 0)
    .map((match) => ({ line: 0, start: match.index, end: match.index + match[0].length }));
}

const locateOnOneLine = (start: number, end: number): Span => ({ line: 0, start, end });

const TEXTS = [
  '',
  'Recall@10 and NDCG@10 offline; CTR online.',
  'aaa bbb  ccc',
  'emoji \u{1F600}\u{1F600} then text \u{1F600}',
  'lone surrogates \ud83d x \ude00 end',
  'Задержка p99 < 200 мс, recall 0.9',
];

const PATTERNS = [/\b\w+\b/g, /x*/g, /(?:)/g, /(?:)/gu, /\p{L}*/gu, /recall|ndcg/gi, /[\u{1F600}]?/gu, /(?<![\p{L}])\d+/gu, /\s*/gy];

describe('text scans', () => {
  it('find the matches matchAll finds, empty matches and surrogate pairs included, and leave the pattern as found', () => {
    for (const pattern of PATTERNS)
      for (const text of TEXTS)
        for (const lastIndex of [0, 3]) {
          pattern.lastIndex = lastIndex;
          const expectedCount = [...text.matchAll(pattern)].length;
          const expectedSpans = matchAllSpans(pattern, text);
          assert.equal(countMatches(pattern, text), expectedCount, `${String(pattern)} on ${JSON.stringify(text)} from ${lastIndex}`);
          assert.equal(pattern.lastIndex, lastIndex);
          const spans: Span[] = [];
          eachMatch(pattern, text, locateOnOneLine, (span) => spans.push(span));
          assert.deepEqual(spans, expectedSpans, `${String(pattern)} on ${JSON.stringify(text)} from ${lastIndex}`);
          assert.equal(pattern.lastIndex, lastIndex);
          pattern.lastIndex = 0;
        }
  });

  it('refuse a pattern without the global flag, as matchAll does, instead of looping on its first match', () => {
    assert.throws(() => countMatches(/a/, 'aaa'), TypeError);
  });
});
