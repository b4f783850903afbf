// `mlsd lsp [--stdio]`: the server on standard input and output. Bundled alone as dist/lsp.js,
// which the CLI loads only for this command, so the other commands never load the protocol library.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { ruleDocsPath, ruleDocsUrl } from '../core';
import { buildSnippets } from '../core/snippets';
import { startMlsdServer } from './server';

/** The installed package: one folder up from dist/lsp.js, two from src/lsp; undefined if neither holds the docs. */
function packageRoot(): string | undefined {
  return [path.resolve(__dirname, '..'), path.resolve(__dirname, '../..')].find((candidate) =>
    fs.existsSync(path.join(candidate, 'docs/rules')),
  );
}

/** The rule pages ship with the package (docs/rules/<id>.md), so a link works offline; else the web page. */
function ruleDocsLocator(root: string | undefined): (ruleId: string) => string {
  return root === undefined ? ruleDocsUrl : (ruleId) => pathToFileURL(path.join(root, ruleDocsPath(ruleId))).href;
}

/** Serves until the client exits or closes the streams; the protocol library ends the process then. */
export function serveStdio(): Promise<number> {
  // Writing to stdout would corrupt the protocol: console output goes to the client's log instead.
  const connection = createConnection(ProposedFeatures.all, process.stdin, process.stdout);
  console.log = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
  console.info = console.log;
  // The handlers catch their own errors; anything that still escapes is a bug to log, not a reason
  // to take the editor's diagnostics away.
  process.on('uncaughtException', (error) => connection.console.error(`mlsd: ${error.stack ?? error.message}`));
  process.on('unhandledRejection', (reason) =>
    connection.console.error(`mlsd: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`),
  );
  const root = packageRoot();
  startMlsdServer(connection, { docsUrl: ruleDocsLocator(root), snippets: buildSnippets() });
  connection.listen();
  return new Promise<number>(() => undefined);
}
