// The CLI's help, as data: `mlsd --help` lists every command with its options, and
// `mlsd <command> --help` (or `mlsd help <command>`) shows that command alone.

interface CommandHelp {
  /** The command and its operands, as the command list shows them. */
  synopsis: string;
  /** What it does; a line break continues the text under the description column. */
  summary: string;
  /** Flag and description pairs. */
  options: readonly (readonly [string, string])[];
}

const COMMAND_HELP: Record<string, CommandHelp> = {
  check: {
    synopsis: 'check [paths|globs|-]',
    summary: 'Report findings (default: .); a directory means its\n**/*.md, - reads stdin',
    options: [
      ['--format FORMAT', 'text (default), json, sarif or github'],
      ['--fix', "Apply each finding's preferred fix (a missing section or\nchecklist, a fence left open; never a metric swap)"],
      ['--config FILE', 'Use this config file instead of the nearest .mlsd.json|jsonc|yaml|yml'],
      ['--max-warnings N', 'Also fail when there are more than N warnings'],
      ['--concurrency N', 'Threads checking files: N, off, or auto (default: one\nper CPU core, at most one per 64 files); same output'],
    ],
  },
  report: {
    synopsis: 'report FILE...',
    summary: 'The design review of each document',
    options: [
      ['--format FORMAT', 'text (default), json or markdown'],
      ['--config FILE', 'As for check'],
    ],
  },
  init: {
    synopsis: 'init [PATH]',
    summary: 'Write a starting template (default PATH: design-doc.md)',
    options: [
      ['--scenario SCENARIO', 'recommendation, fraud, search, moderation or generic (default)'],
      ['--kind KIND', 'design-doc (default) or interview'],
    ],
  },
  rules: {
    synopsis: 'rules',
    summary: 'List the rules',
    options: [['--format FORMAT', 'text (default) or json']],
  },
  lsp: {
    synopsis: 'lsp [--stdio]',
    summary: 'Run the language server on stdin/stdout, for\nNeovim, Helix, Zed, Emacs and other LSP clients',
    options: [],
  },
};

/** Width of the flag column, so descriptions line up. */
const COLUMN = 28;

const EXIT_CODES = `Exit codes: 0 no error-level findings, 1 error-level findings (or more warnings
than --max-warnings), 2 usage, configuration or internal error, or a file that
could not be read, analysed or written.
`;

/** One entry of a two-column list: `name` indented by `indent`, continuation lines under the description. */
function entry(indent: number, name: string, description: string): string {
  const [first, ...more] = description.split('\n');
  const head = `${' '.repeat(indent)}${name}`.padEnd(COLUMN);
  return [`${head}${first}`, ...more.map((line) => `${' '.repeat(COLUMN)}${line}`)].join('\n');
}

function commandEntry({ synopsis, summary, options }: CommandHelp): string {
  return [entry(2, synopsis, summary), ...options.map(([flag, description]) => entry(4, flag, description))].join('\n');
}

export const USAGE = `Usage: mlsd <command> [options]

Reviews Machine Learning system design documents (Markdown).

Commands:
${Object.values(COMMAND_HELP).map(commandEntry).join('\n')}

Options:
${entry(2, '-h, --help', 'Show this help')}
${entry(2, '-v, --version', 'Show the version')}

${EXIT_CODES}`;

/** The help of one command, or undefined for a name that is not a command. */
export function commandUsage(command: string): string | undefined {
  if (!Object.hasOwn(COMMAND_HELP, command)) return undefined;
  const help = COMMAND_HELP[command]!;
  const options = help.options.length
    ? `\nOptions:\n${help.options.map(([flag, description]) => entry(2, flag, description)).join('\n')}\n`
    : '';
  return `Usage: mlsd ${help.synopsis}${help.options.length ? ' [options]' : ''}

${help.summary.replace(/\n/g, ' ')}.
${options}
Run "mlsd --help" for every command.
`;
}
