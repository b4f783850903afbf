export const USAGE = `Usage: mlsd <command> [options]

Reviews Machine Learning system design documents (Markdown).

Commands:
  check [paths|globs|-]     Report findings (default: .); a directory means its
                            **/*.md, - reads stdin
    --format FORMAT         text (default), json, sarif or github
    --fix                   Apply each finding's preferred fix (a missing section or
                            checklist, a fence left open; never a metric swap)
    --config FILE           Use this config file instead of the nearest .mlsd.json|jsonc|yaml
    --max-warnings N        Also fail when there are more than N warnings
    --concurrency N         Threads checking files: N, off, or auto (default: one
                            per CPU core, at most one per 64 files); same output
  report FILE...            The design review of each document
    --format FORMAT         text (default), json or markdown
    --config FILE           As for check
  init [PATH]               Write a starting template (default PATH: design-doc.md)
    --scenario SCENARIO     recommendation, fraud, search, moderation or generic (default)
    --kind KIND             design-doc (default) or interview
  rules                     List the rules
    --format FORMAT         text (default) or json
  lsp [--stdio]             Run the language server on stdin/stdout, for
                            Neovim, Helix, Zed, Emacs and other LSP clients

Options:
  -h, --help                Show this help
  -v, --version             Show the version

Exit codes: 0 no error-level findings, 1 error-level findings (or more warnings
than --max-warnings), 2 usage, configuration or internal error, or a file that
could not be read, analysed or written.
`;
