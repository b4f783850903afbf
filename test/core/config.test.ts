import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  ancestorDirectories,
  loadConfigFile,
  loadNearestConfig,
  mergeConfigs,
  parseConfigText,
  parseFrontMatterConfig,
  type ConfigVocabulary,
} from '../../src/core/config';
import { analyze, applyEdits } from '../../src/core';
import type { ConfigError } from '../../src/core/types';

const vocabulary: ConfigVocabulary = {
  ruleIds: new Set(['missing-element', 'template-residue']),
  scenarioItemIds: new Set(['fraud/real-time', 'fraud/class-imbalance']),
};

/** "line:character-line:character message" in 1-based lines, to compare problems compactly. */
function located(problems: ConfigError[]): string[] {
  return problems.map(
    ({ severity, range, message }) =>
      `${range.start.line + 1}:${range.start.character + 1}-${range.end.line + 1}:${range.end.character + 1} ${severity} ${message}`,
  );
}

describe('config: parseConfigText', () => {
  it('reads a valid JSON config with no problems', () => {
    const full = {
      rules: { 'missing-element': 'warning', 'template-residue': 'off' },
      scenario: 'fraud',
      requiredItems: ['fraud/real-time'],
      aliases: { 'framing.constraints': ['SLOs'] },
      include: ['design/**/*.md'],
      ignore: ['drafts/**'],
    };
    const text = JSON.stringify(full, null, 2);
    const { config, problems } = parseConfigText(text, '/p/.mlsd.json', vocabulary);
    assert.deepEqual(problems, []);
    assert.deepEqual(config, full);
  });

  it('locates a bad severity on its value, an unknown rule on its key, and keeps the rest', () => {
    const text = [
      '{',
      '  "rules": {',
      '    "missing-element": "warn",',
      '    "templat-residue": "off"',
      '  },',
      '  "scenario": "fraud"',
      '}',
    ].join('\n');
    const { config, problems } = parseConfigText(text, '/p/.mlsd.json', vocabulary);
    assert.deepEqual(located(problems), [
      '3:24-3:30 error Invalid severity "warn" for rule "missing-element"; expected one of "off", "error", "warning", "info", "hint".',
      '4:5-4:22 warning Unknown rule "templat-residue" (did you mean "template-residue"?); run "mlsd rules" for the list.',
    ]);
    assert.deepEqual(config, { rules: {}, scenario: 'fraud' });
    assert.equal(problems[0]?.file, '/p/.mlsd.json');
    // A severity that is not a string is described, not quoted ("a list", "boolean true").
    assert.deepEqual(located(parseConfigText('rules:\n  missing-element: [error]\n', '/p/.mlsd.yaml', vocabulary).problems), [
      '2:20-2:27 error Invalid severity for rule "missing-element": a list; expected one of "off", "error", "warning", "info", "hint".',
    ]);
  });

  it('reports an unknown scenario and unknown element IDs in aliases as errors', () => {
    const text = '{\n  "scenario": "fruad",\n  "aliases": { "framing.constraint": ["SLOs"], "tradeoffs": ["Alternatives"] }\n}';
    const { config, problems } = parseConfigText(text, '.mlsd.json', vocabulary);
    assert.deepEqual(located(problems), [
      '2:15-2:22 error Unknown scenario "fruad"; expected one of "recommendation", "fraud", "search", "moderation", "generic".',
      '3:16-3:36 error Unknown element "framing.constraint" (did you mean "framing.constraints"?); expected a framework element ID such as "framing.constraints".',
    ]);
    assert.deepEqual(config, { aliases: { tradeoffs: ['Alternatives'] } });
    // A value that is no name at all is said to be the wrong kind, not an unknown scenario.
    assert.deepEqual(located(parseConfigText('scenario: [fraud]\n', '/p/.mlsd.yaml', vocabulary).problems), [
      '1:11-1:18 error Expected the scenario to be one of "recommendation", "fraud", "search", "moderation", "generic", found a list.',
    ]);
  });

  it('warns on unknown keys and wrong types, dropping only those parts', () => {
    const text = '{\n  "rule": {},\n  "ignore": "drafts/**",\n  "include": ["a/**", 3]\n}';
    const { config, problems } = parseConfigText(text, '.mlsd.json', vocabulary);
    assert.deepEqual(located(problems), [
      '2:3-2:9 warning Unknown key "rule" (did you mean "rules"?); expected one of "rules", "scenario", "requiredItems", "aliases", "include", "ignore".',
      '3:13-3:24 warning Expected "ignore" to be a list of strings, found the string "drafts/**".',
      '4:23-4:24 warning Expected a non-empty string in "include", found number 3.',
    ]);
    assert.deepEqual(config, { include: ['a/**'] });
  });

  it('reports an unknown required checklist item on its list entry', () => {
    const { config, problems } = parseConfigText('{"requiredItems": ["fraud/real-time", "fraud/realtime"]}', '.mlsd.json', vocabulary);
    assert.deepEqual(located(problems), [
      '1:39-1:55 error Unknown scenario checklist item "fraud/realtime"; expected "scenario/item" such as "fraud/real-time".',
    ]);
    assert.deepEqual(config, { requiredItems: ['fraud/real-time'] });
  });

  it('locates JSON syntax errors and still uses what was recovered', () => {
    const text = '{\n  "scenario": "fraud"\n  "rules": { "missing-element": "off" }\n}';
    const { config, problems } = parseConfigText(text, '.mlsd.json', vocabulary);
    assert.deepEqual(located(problems), ['3:3-3:10 error JSON syntax error: Expected "," between entries.']);
    assert.deepEqual(config, { scenario: 'fraud', rules: { 'missing-element': 'off' } });
  });

  it('accepts comments and trailing commas in .jsonc but not comments in .json', () => {
    const text = '{\n  // the team writes fraud docs\n  "scenario": "fraud",\n}';
    assert.deepEqual(parseConfigText(text, '.mlsd.jsonc', vocabulary), { config: { scenario: 'fraud' }, problems: [] });
    const asJson = parseConfigText(text, '.mlsd.json', vocabulary);
    assert.deepEqual(located(asJson.problems), [
      '2:3-2:32 error Comments are not allowed in .json; rename the file to .mlsd.jsonc to use comments.',
    ]);
    assert.deepEqual(asJson.config, { scenario: 'fraud' });
  });

  it('reads YAML with located problems', () => {
    const text = [
      'scenario: search',
      'rules:',
      '  missing-element: loud',
      'aliases:',
      '  serving.rollout:',
      '    - Launch plan',
      'colour: blue',
    ].join('\n');
    const { config, problems } = parseConfigText(text, '/repo/.mlsd.yaml', vocabulary);
    assert.deepEqual(located(problems), [
      '3:20-3:24 error Invalid severity "loud" for rule "missing-element"; expected one of "off", "error", "warning", "info", "hint".',
      '7:1-7:7 warning Unknown key "colour"; expected one of "rules", "scenario", "requiredItems", "aliases", "include", "ignore".',
    ]);
    assert.deepEqual(config, { scenario: 'search', rules: {}, aliases: { 'serving.rollout': ['Launch plan'] } });
  });

  it('locates YAML syntax errors', () => {
    const { problems } = parseConfigText('scenario: fraud\n  rules: [\n', '.mlsd.yaml', vocabulary);
    assert.equal(problems[0]?.severity, 'error');
    assert.deepEqual(problems[0]?.range.start, { line: 0, character: 10 });
    assert.match(problems[0]?.message ?? '', /^YAML syntax error: Nested mappings are not allowed/);
    // One noticed only at the end of the text is put at the end of the line to fix, not after it.
    const unclosed = parseConfigText('rules:\n  missing-element: [error\n', '.mlsd.yaml', vocabulary).problems[0];
    assert.match(unclosed?.message ?? '', /^YAML syntax error: .*end with a \]/);
    assert.deepEqual(unclosed?.range.start, { line: 1, character: 25 });
  });

  it('treats an empty YAML file as an empty config and a non-object as a warning', () => {
    assert.deepEqual(parseConfigText('', '.mlsd.yaml', vocabulary), { config: {}, problems: [] });
    const { config, problems } = parseConfigText('- fraud\n', '.mlsd.yaml', vocabulary);
    assert.deepEqual(config, {});
    assert.deepEqual(located(problems), ['1:1-1:8 warning Expected the configuration to be an object, found a list.']);
  });
});

describe('config: parseFrontMatterConfig', () => {
  it('reads the mlsd block with ranges in document lines', () => {
    const yaml = 'title: Fraud scoring\nmlsd:\n  scenario: fraud\n  rules:\n    missing-element: sometimes\n';
    const { config, problems } = parseFrontMatterConfig(yaml, '/docs/fraud.md', 1, vocabulary);
    assert.deepEqual(config, { scenario: 'fraud', rules: {} });
    assert.deepEqual(located(problems), [
      '6:22-6:31 error Invalid severity "sometimes" for rule "missing-element"; expected one of "off", "error", "warning", "info", "hint".',
    ]);
    assert.equal(problems[0]?.file, '/docs/fraud.md');
  });

  it('warns at a top-level scenario marker that names no scenario, with the closest as its fix, and detects the scenario', () => {
    const doc = '---\ntitle: Card fraud\nscenario: fruad\n---\n# Card fraud scoring\n\nWe score card transactions for fraud.\n';
    const { configErrors, model } = analyze(doc, { path: 'fraud.md' });
    assert.deepEqual(located(configErrors), [
      '3:11-3:16 warning Unknown scenario "fruad"; expected one of "recommendation", "fraud", "search", "moderation", "generic".',
    ]);
    assert.deepEqual(configErrors[0]?.fix?.edits, [{ range: configErrors[0]!.range, newText: 'fraud' }]);
    assert.equal(model.scenario.source, 'detected');
    assert.deepEqual(analyze(applyEdits(doc, configErrors[0]!.fix!.edits)).configErrors, []);
  });

  it('marks the key of a scenario written as a block scalar, with no fix that could rewrite the key', () => {
    const { configErrors } = analyze('---\nscenario: >-\n  fraudd\n---\n# Card fraud scoring\n', { path: 'fraud.md' });
    assert.deepEqual(located(configErrors), [
      '2:1-2:13 warning Unknown scenario "fraudd"; expected one of "recommendation", "fraud", "search", "moderation", "generic".',
    ]);
    assert.equal(configErrors[0]?.fix, undefined);
  });

  it('names a top-level scenario that is not a string as what it is, at its line, and detects the scenario', () => {
    const list = analyze('---\nscenario: [fraud, search]\n---\n# Card fraud scoring\n\nWe score card transactions for fraud.\n');
    assert.deepEqual(located(list.configErrors), [
      '2:1-2:26 warning Expected the scenario to be one of "recommendation", "fraud", "search", "moderation", "generic", found a list.',
    ]);
    assert.equal(list.model.scenario.source, 'detected');
    const empty = analyze('---\ntitle: Card fraud\nscenario:\n---\n# Card fraud scoring\n');
    assert.deepEqual(located(empty.configErrors), [
      '3:1-3:10 warning Expected the scenario to be one of "recommendation", "fraud", "search", "moderation", "generic", found null.',
    ]);
  });

  it('takes `mlsd: true` and an absent block as no configuration', () => {
    assert.deepEqual(parseFrontMatterConfig('mlsd: true\n', 'a.md', 1, vocabulary), { config: {}, problems: [] });
    assert.deepEqual(parseFrontMatterConfig('title: x\n', 'a.md', 1, vocabulary), { config: {}, problems: [] });
  });
});

describe('config: mergeConfigs', () => {
  it('lets later layers override scalars and rules, and accumulates lists', () => {
    const merged = mergeConfigs(
      {
        rules: { 'missing-element': 'error', 'template-residue': 'warning' },
        scenario: 'search',
        ignore: ['drafts/**'],
        aliases: { tradeoffs: ['Alternatives'] },
      },
      undefined,
      {
        rules: { 'missing-element': 'off' },
        scenario: 'fraud',
        ignore: ['old/**'],
        aliases: { tradeoffs: ['Options considered', 'Alternatives'] },
        requiredItems: ['fraud/real-time'],
      },
    );
    assert.deepEqual(merged, {
      rules: { 'missing-element': 'off', 'template-residue': 'warning' },
      scenario: 'fraud',
      ignore: ['drafts/**', 'old/**'],
      aliases: { tradeoffs: ['Alternatives', 'Options considered'] },
      requiredItems: ['fraud/real-time'],
    });
  });
});

describe('config: discovery', () => {
  it('lists ancestor directories nearest first, on POSIX and Windows paths, stopping where asked', () => {
    assert.deepEqual(ancestorDirectories('/repo/docs/design/a.md'), ['/repo/docs/design', '/repo/docs', '/repo', '/']);
    assert.deepEqual(ancestorDirectories('/repo/docs/design/a.md', '/repo/'), ['/repo/docs/design', '/repo/docs', '/repo']);
    assert.deepEqual(ancestorDirectories('C:\\repo\\docs\\a.md'), ['C:\\repo\\docs', 'C:\\repo', 'C:\\']);
    assert.deepEqual(ancestorDirectories('a.md'), []);
  });

  it('uses the nearest config file, preferring .json over .jsonc over .yaml within a directory', async () => {
    const files = new Map([
      ['/repo/.mlsd.yaml', 'scenario: search\n'],
      ['/repo/docs/.mlsd.yaml', 'scenario: moderation\n'],
      ['/repo/docs/.mlsd.jsonc', '{ "scenario": "fraud" }'],
    ]);
    const reads: string[] = [];
    const host = {
      readFile: (path: string) => {
        reads.push(path);
        return files.get(path);
      },
    };
    const loaded = await loadNearestConfig('/repo/docs/design/a.md', host, vocabulary);
    assert.deepEqual(loaded, {
      file: '/repo/docs/.mlsd.jsonc',
      config: { scenario: 'fraud' },
      // The file it shadows is named on the one that is read, where the editor and the CLI show its problems.
      problems: [
        {
          severity: 'warning',
          file: '/repo/docs/.mlsd.jsonc',
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          message:
            '.mlsd.yaml in the same folder is not read: .mlsd.jsonc comes first (.mlsd.json, .mlsd.jsonc, .mlsd.yaml, .mlsd.yml). Merge the two into one file.',
        },
      ],
    });
    assert.deepEqual(reads, [
      '/repo/docs/design/.mlsd.json',
      '/repo/docs/design/.mlsd.jsonc',
      '/repo/docs/design/.mlsd.yaml',
      '/repo/docs/design/.mlsd.yml',
      '/repo/docs/.mlsd.json',
      '/repo/docs/.mlsd.jsonc',
      '/repo/docs/.mlsd.yaml',
      '/repo/docs/.mlsd.yml',
    ]);
  });

  it('reads .mlsd.yml as it reads .mlsd.yaml', async () => {
    const host = { readFile: (path: string) => (path === '/repo/.mlsd.yml' ? 'scenario: search\n' : undefined) };
    assert.deepEqual(await loadNearestConfig('/repo/docs/ranking.md', host, vocabulary), {
      file: '/repo/.mlsd.yml',
      config: { scenario: 'search' },
      problems: [],
    });
  });

  it('works with an async host and returns an empty config when nothing is found', async () => {
    const host = { readFile: async () => undefined };
    assert.deepEqual(await loadNearestConfig('/repo/a.md', host, vocabulary), { file: undefined, config: {}, problems: [] });
  });

  it('reports an unreadable --config file as a located error', async () => {
    const loaded = await loadConfigFile('/repo/missing.json', { readFile: () => undefined }, vocabulary);
    assert.deepEqual(located(loaded.problems), ['1:1-1:1 error Cannot read the configuration file.']);
  });
});

describe('config: robustness', () => {
  const inside = (text: string, problem: ConfigError): boolean => {
    const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
    const { start, end } = problem.range;
    const within = (p: { line: number; character: number }) => p.line < lines.length && p.character <= (lines[p.line] as string).length;
    return within(start) && within(end) && (start.line < end.line || (start.line === end.line && start.character <= end.character));
  };

  it('never throws on arbitrary text, and every problem lies inside the file', () => {
    const jsonish = fc.oneof(
      fc.string(),
      fc.json(),
      fc.json().map((json) => json.slice(0, Math.floor(json.length / 2))),
    );
    fc.assert(
      fc.property(jsonish, fc.constantFrom('.mlsd.json', '.mlsd.jsonc', '.mlsd.yaml'), (text, file) => {
        const { problems } = parseConfigText(text, file, vocabulary);
        for (const problem of problems) assert.ok(inside(text, problem), `${JSON.stringify(text)} ${JSON.stringify(problem)}`);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on arbitrary values, and keeps only well-typed parts', () => {
    const keys = fc.constantFrom('rules', 'scenario', 'requiredItems', 'aliases', 'include', 'ignore', 'other');
    const config = fc.dictionary(
      keys,
      fc.oneof(fc.jsonValue(), fc.dictionary(fc.constantFrom('missing-element', 'tradeoffs', 'x'), fc.jsonValue())),
    );
    fc.assert(
      fc.property(config, (value) => {
        const { config: read } = parseConfigText(JSON.stringify(value), '.mlsd.json', vocabulary);
        for (const setting of Object.values(read.rules ?? {})) assert.ok(['off', 'error', 'warning', 'info', 'hint'].includes(setting));
        for (const list of [read.include, read.ignore, read.requiredItems, ...Object.values(read.aliases ?? {})]) {
          if (list) assert.ok(list.every((item) => typeof item === 'string' && item.trim() !== ''));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('counts positions without a byte-order mark', () => {
    const { problems } = parseConfigText('\uFEFF{"scenario": "x"}', '.mlsd.json', vocabulary);
    assert.deepEqual(
      located(problems).map((line) => line.split(' ')[0]),
      ['1:14-1:17'],
    );
  });
});

describe('config: globs', () => {
  it('refuses a negated glob, which would ignore every other file, at its line', async () => {
    const { matchesGlob } = await import('../../src/core/analysis/glob');
    const { config, problems } = parseConfigText('{\n  "ignore": ["!README.md", "archive/**"]\n}', '.mlsd.json', vocabulary);
    assert.deepEqual(config.ignore, ['archive/**']);
    assert.deepEqual(located(problems), [
      '2:14-2:26 error Glob ignored: a leading "!" would match every file but the one named; list the files to match instead.',
    ]);
    // Settings reach the matcher without the validator: it matches nothing rather than everything.
    assert.equal(matchesGlob('/repo/docs/feed.md', '!README.md'), false);
  });

  it('anchors a glob starting with "/" or "./" at the top, as .gitignore does, and refuses one naming nothing', async () => {
    const { matchesGlob } = await import('../../src/core/analysis/glob');
    const { config, problems } = parseConfigText('ignore:\n  - /archive/**\n  - /\n', '.mlsd.yaml', vocabulary);
    assert.deepEqual(config.ignore, ['/archive/**']);
    assert.deepEqual(located(problems), ['3:5-3:6 error Glob ignored: it names no file or folder.']);
    for (const glob of ['/archive/**', './archive/**']) {
      assert.equal(matchesGlob('archive/2023/old-design.md', glob), true, glob);
      assert.equal(matchesGlob('design/archive/old-design.md', glob), false, glob);
    }
    assert.equal(matchesGlob('design/archive/old-design.md', 'archive/**'), true);
  });

  it('rebases the anchored globs of a nested config file for the editor, which matches from the workspace folder', async () => {
    const { configFromFolder } = await import('../../src/core/config');
    const config = { include: ['/drafts/**', 'design/*.md'], ignore: ['./archive/', 'old'] };
    assert.deepEqual(configFromFolder(config, 'docs/ml'), {
      include: ['/docs/ml/drafts/**', 'design/*.md'],
      ignore: ['/docs/ml/archive/', 'old'],
    });
    assert.equal(configFromFolder(config, ''), config);
  });

  it('reads a glob naming a folder as every file below it, with or without a "/" after it, as .gitignore does', async () => {
    const { matchesGlob } = await import('../../src/core/analysis/glob');
    for (const glob of ['drafts', 'drafts/']) {
      assert.equal(matchesGlob('drafts/feed-ranking.md', glob), true, glob);
      assert.equal(matchesGlob('design/drafts/2024/fraud.md', glob), true, glob);
      assert.equal(matchesGlob('drafts-old/fraud.md', glob), false, glob);
      assert.equal(matchesGlob('design/feed-ranking.md', glob), false, glob);
    }
    assert.equal(matchesGlob('design/drafts/fraud.md', 'design/drafts'), true);
    assert.equal(matchesGlob('drafts.md', 'drafts/'), false);
    // A "/" at the end names folders only.
    assert.equal(matchesGlob('docs/old/v1.md', 'docs/*/'), true);
    assert.equal(matchesGlob('docs/plan.md', 'docs/*/'), false);
  });
});

describe('config: limits on hostile workspaces', () => {
  it('refuses a glob that would backtrack for minutes, at its line, and keeps the safe ones', async () => {
    const { matchesGlob } = await import('../../src/core/analysis/glob');
    const hostile = '*a*a*a*a*a*a*a*a*a*a*a*a*b';
    const started = performance.now();
    const { config, problems } = parseConfigText(`{\n  "ignore": ["archive/**", "${hostile}"]\n}`, '.mlsd.json', vocabulary);
    assert.deepEqual(config.ignore, ['archive/**']);
    assert.deepEqual(located(problems), ['2:28-2:56 error Glob ignored: more than 3 "*" or "?" between two "/".']);
    // The matcher refuses it too (settings reach it without the validator): no match, at once.
    assert.equal(matchesGlob(`${'a'.repeat(40)}.md`, hostile), false);
    assert.equal(matchesGlob(`/repo/${'a'.repeat(40)}.md`, `x${'*'.repeat(2)}/`.repeat(70_000 / 4)), false);
    assert.ok(performance.now() - started < 1000, 'answered within a second');
  });

  it('ignores a config nested thousands deep, with a located error, instead of overflowing the stack', () => {
    for (const [file, text] of [
      ['.mlsd.json', `{"rules": ${'['.repeat(3000)}${']'.repeat(3000)}}`],
      ['.mlsd.json', `{"rules": ${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}}`],
      ['.mlsd.yaml', `rules: ${'['.repeat(3000)}${']'.repeat(3000)}\n`],
    ] as const) {
      const { config, problems } = parseConfigText(text, file, vocabulary);
      assert.deepEqual(config, {});
      assert.deepEqual(
        located(problems).map((problem) => problem.replace(/^\S+ /, '')),
        ['error Configuration ignored: nested deeper than 32 levels.'],
        file,
      );
      assert.equal(
        text[problems[0]!.range.start.character],
        text.includes('{"a":') ? '{' : '[',
        'located at the bracket that goes too deep',
      );
    }
  });

  it('drops a heading wording too long to be one', () => {
    const { config, problems } = parseConfigText(
      JSON.stringify({ aliases: { 'framing.constraints': ['SLOs', 'x'.repeat(60_000)] } }),
      '.mlsd.json',
      vocabulary,
    );
    assert.deepEqual(config.aliases, { 'framing.constraints': ['SLOs'] });
    assert.deepEqual(
      problems.map((problem) => problem.message),
      ['Heading wording ignored: longer than 200 characters.'],
    );
  });

  it('reports a repeated key and keeps "__proto__" an ordinary (unknown) key', () => {
    const { config, problems } = parseConfigText(
      '{\n  "scenario": "fraud",\n  "scenario": "search",\n  "__proto__": {"scenario": "fraud"}\n}',
      '.mlsd.json',
      vocabulary,
    );
    assert.equal(config.scenario, 'search');
    assert.deepEqual(
      located(problems).map((problem) => problem.split(' expected')[0]),
      ['3:3-3:13 warning Duplicate key "scenario"; the last one is used.', '4:3-4:14 warning Unknown key "__proto__";'],
    );
  });

  it('reads a repeated key in YAML as in JSON: a warning, and the last one is used', () => {
    const { config, problems } = parseConfigText('scenario: fraud\nscenario: search\n', '.mlsd.yaml', vocabulary);
    assert.equal(config.scenario, 'search');
    assert.deepEqual(located(problems), ['2:1-2:9 warning Duplicate key "scenario"; the last one is used.']);
  });
});
