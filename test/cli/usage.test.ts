import assert from 'node:assert/strict';
import { USAGE, commandUsage } from '../../src/cli/usage';
import { MemoryHost, run } from './harness';
import { version } from '../../package.json';

const host = () => new MemoryHost({ '/work/doc.md': '# Notes\n' });
const usageError = (message: string) => `mlsd: ${message}\nRun "mlsd --help" for usage.\n`;

describe('cli: usage', () => {
  it('prints help with exit 0, and to stderr with exit 2 when no command is given', async () => {
    assert.deepEqual(await run(['--help'], host()), { code: 0, stdout: USAGE, stderr: '' });
    assert.deepEqual(await run([], host()), { code: 2, stdout: '', stderr: USAGE });
  });

  it("prints one command's help for `mlsd <command> --help` and `mlsd help <command>`", async () => {
    const checkHelp = commandUsage('check')!;
    assert.match(checkHelp, /^Usage: mlsd check \[paths\|globs\|-\] \[options\]\n/);
    assert.match(checkHelp, /\n {2}--max-warnings N {10}Also fail when there are more than N warnings\n/);
    assert.doesNotMatch(checkHelp, /--scenario/);
    for (const argv of [
      ['check', '-h'],
      ['check', 'doc.md', '--help'],
      ['help', 'check'],
    ])
      assert.deepEqual(await run(argv, host()), { code: 0, stdout: checkHelp, stderr: '' }, argv.join(' '));
    assert.deepEqual(await run(['lsp', '--help'], host()), {
      code: 0,
      stdout:
        'Usage: mlsd lsp [--stdio]\n\nRun the language server on stdin/stdout, for Neovim, Helix, Zed, Emacs and other LSP clients.\n\nRun "mlsd --help" for every command.\n',
      stderr: '',
    });
    assert.deepEqual(await run(['help', 'lint'], host()), {
      code: 2,
      stdout: '',
      stderr: usageError('Unknown command "lint"; expected one of check, report, init, rules, lsp.'),
    });
  });

  it("lists every command's help in the global help", () => {
    for (const command of ['check', 'report', 'init', 'rules', 'lsp']) {
      const options = [...commandUsage(command)!.matchAll(/^ {2}(--\S+)/gm)].map((match) => match[1]!);
      for (const option of options) assert.ok(USAGE.includes(`    ${option}`), `${command} ${option}`);
    }
  });

  it('prints the package version', async () => {
    assert.deepEqual(await run(['--version'], host()), { code: 0, stdout: `${version}\n`, stderr: '' });
  });

  const mistakes: [string[], string][] = [
    [['lint'], 'Unknown command "lint"; expected one of check, report, init, rules, lsp.'],
    [['check', '--frobnicate'], 'Unknown option --frobnicate for "mlsd check".'],
    [['check', '--format'], 'Option --format needs a value.'],
    [['check', '--fix=yes'], 'Option --fix takes no value.'],
    [['check', '--format', 'xml'], 'Invalid value "xml" for --format; expected one of text, json, sarif, github.'],
    [
      ['check', '--max-warnings', 'many'],
      'Invalid value "many" for --max-warnings; expected a whole number of 0 or more, or -1 for no limit.',
    ],
    [['check', '--max-warnings', '-2'], 'Invalid value "-2" for --max-warnings; expected a whole number of 0 or more, or -1 for no limit.'],
    [['check', '--fix', '-'], '--fix cannot be used with - (stdin): there is no file to write.'],
    [['report'], 'report needs at least one FILE.'],
    [['report', '--format', 'sarif', 'doc.md'], 'Invalid value "sarif" for --format; expected one of text, json, markdown.'],
    [
      ['init', '--scenario', 'ads'],
      'Invalid value "ads" for --scenario; expected one of recommendation, fraud, search, moderation, generic.',
    ],
    [['init', '--kind', 'essay'], 'Invalid value "essay" for --kind; expected one of design-doc, interview.'],
    [['init', 'a.md', 'b.md'], 'init takes one PATH.'],
    [['init', 'doc.md'], 'doc.md already exists; mlsd init never overwrites. Choose another PATH.'],
    [['rules', 'extra'], 'mlsd rules takes no arguments, got "extra".'],
  ];
  // The command was right and a file was the problem: the usage summary would not help.
  const inputMistakes: [string[], string][] = [
    [['check', 'nowhere/**/*.md'], 'No Markdown files found in nowhere/**/*.md.'],
    [['check', '--config', 'nope.json', 'doc.md'], 'No such configuration file: nope.json'],
    [['check', '--config', '.', 'doc.md'], '--config . is a directory, not a configuration file.'],
  ];
  for (const [argv, message] of inputMistakes) {
    it(`exits 2 with one clear line and no usage hint: mlsd ${argv.join(' ')}`, async () => {
      assert.deepEqual(await run(argv, host()), { code: 2, stdout: '', stderr: `mlsd: ${message}\n` });
    });
  }

  for (const [argv, message] of mistakes) {
    it(`exits 2 with one clear line: mlsd ${argv.join(' ')}`, async () => {
      const memory = host();
      assert.deepEqual(await run(argv, memory), { code: 2, stdout: '', stderr: usageError(message) });
      assert.deepEqual(memory.writes, []);
    });
  }

  it('reports a file-system refusal in one line and a bug as an internal error, both with exit 2', async () => {
    const refusing = host();
    refusing.readDirectory = async () => {
      throw Object.assign(new Error("EACCES: permission denied, scandir '/work'"), { code: 'EACCES' });
    };
    assert.deepEqual(await run(['check', '.'], refusing), {
      code: 2,
      stdout: '',
      stderr: "mlsd: EACCES: permission denied, scandir '/work'\n",
    });
    const buggy = host();
    buggy.kindOf = async () => {
      throw new TypeError('cannot read properties of undefined');
    };
    const result = await run(['check', '.'], buggy);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /^mlsd: internal error: TypeError: cannot read properties of undefined\n {4}at /);
  });
});
